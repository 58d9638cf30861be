/**
 * Reason sentences recur: across answers a few hundred distinct ones make up nearly all of them
 * (the same pairs of themes, the same years before the story, the same moods). Remembering each
 * by what it is made from hands back the very same string, which saves building it and lets the
 * answer writer reuse what it made of it. The memos are bounded (cleared when full).
 */
import { Memo } from "../domain/memo.js";
import type { ReasonTexts } from "./reason-texts.js";

const LIMIT = 20_000;

const SEP = "\u0001";
const YEARS = 8192;

export function rememberedTexts(texts: ReasonTexts): ReasonTexts {
  const eras = new Memo<number, string>(LIMIT);
  const themes = new Memo<string, string>(LIMIT);
  const moods = new Memo<string, string>(LIMIT);
  const origins = new Memo<string, string>(LIMIT);
  const words = new Memo<string, string>(LIMIT);
  const inRange = (y: number) => Number.isInteger(y) && y >= 0 && y < YEARS;
  return {
    era(year, period, recorded) {
      const make = () => texts.era(year, period, recorded);
      // Years outside the range the key can hold are simply not remembered.
      if (!inRange(year) || !inRange(period.from) || !inRange(period.to)) return make();
      return eras.get(
        ((year * YEARS + period.from) * YEARS + period.to) * 2 + (recorded ? 1 : 0),
        make,
      );
    },
    themes(lines) {
      const key = lines
        .map((l) => `${l.wanted}${SEP}${l.songTheme}${SEP}${l.relation}`)
        .join(SEP + SEP);
      return themes.get(key, () => texts.themes(lines));
    },
    mood(value, wanted, songMoods) {
      // The sentence depends on the value only through these three bands (reason-texts.ts).
      const band = value >= 0.5 ? 2 : value > 0 ? 1 : 0;
      const key = `${band}${SEP}${wanted.join(SEP)}${SEP}${SEP}${songMoods.join(SEP)}`;
      return moods.get(key, () => texts.mood(value, wanted, songMoods));
    },
    origin(wanted, song) {
      const key = `${wanted.country ?? ""}${SEP}${wanted.country === undefined ? 0 : 1}${SEP}${wanted.language ?? ""}${SEP}${wanted.language === undefined ? 0 : 1}${SEP}${song.country}${SEP}${song.language}`;
      return origins.get(key, () => texts.origin(wanted, song));
    },
    text(terms) {
      const key = terms === null ? SEP : `${SEP}${SEP}${terms.join(SEP)}`;
      return words.get(key, () => texts.text(terms));
    },
  };
}
