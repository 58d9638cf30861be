import { expect } from "chai";
import { rememberedTexts } from "../../src/scoring/reason-memo.js";
import { reasonTexts, type ThemeLine } from "../../src/scoring/reason-texts.js";
import { realVocabulary } from "../helpers/fixtures.js";

describe("remembered reason sentences", () => {
  const vocab = realVocabulary();
  const themeIds = vocab.themes.map((t) => t.id);
  const moodIds = vocab.moods.map((m) => m.id);
  let seed = 99;
  const r = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[], n: number): T[] =>
    Array.from({ length: n }, () => xs[Math.floor(r() * xs.length)] as T);
  const relations: ThemeLine["relation"][] = ["same", "narrower", "broader", "related", "sibling"];

  for (const lang of ["en", "ru"] as const) {
    it(`say exactly what the sentences say, and give the same string again (${lang})`, () => {
      const plain = reasonTexts(vocab)[lang];
      const remembered = rememberedTexts(plain);
      for (let k = 0; k < 400; k++) {
        const from = 1930 + Math.floor(r() * 50);
        const period = { from, to: from + Math.floor(r() * 3) * 5 };
        const year = 1920 + Math.floor(r() * 70);
        const recorded = r() < 0.5;
        const lines = Array.from({ length: Math.floor(r() * 4) }, () => ({
          wanted: pick(themeIds, 1)[0] as string,
          songTheme: pick(themeIds, 1)[0] as string,
          relation: pick(relations, 1)[0] as ThemeLine["relation"],
        }));
        const value = [0, 0.2, 0.5, 0.9, r()][Math.floor(r() * 5)] as number;
        const wanted = pick(moodIds, 1 + Math.floor(r() * 2));
        const songMoods = pick(moodIds, Math.floor(r() * 3));
        const want = {
          ...(r() < 0.6 ? { country: r() < 0.5 ? "SU" : "US" } : {}),
          ...(r() < 0.4 ? { language: r() < 0.5 ? "ru" : "en" } : {}),
        };
        const song = { country: r() < 0.5 ? "SU" : "GB", language: r() < 0.5 ? "ru" : "en" };
        const terms =
          r() < 0.3 ? null : pick(["дома", "ждут", "rocket", "dawn"], Math.floor(r() * 3));
        const calls: [string, string][] = [
          [remembered.era(year, period, recorded), plain.era(year, period, recorded)],
          [remembered.themes(lines), plain.themes(lines)],
          [remembered.mood(value, wanted, songMoods), plain.mood(value, wanted, songMoods)],
          [remembered.origin(want, song), plain.origin(want, song)],
          [remembered.text(terms), plain.text(terms)],
        ];
        for (const [got, expected] of calls) expect(got).to.equal(expected);
      }
      // Asked again with the same inputs, the sentence is not made again.
      let made = 0;
      const counted = rememberedTexts({
        ...plain,
        era: (...args) => {
          made++;
          return plain.era(...args);
        },
      });
      counted.era(1961, { from: 1965, to: 1965 }, true);
      counted.era(1961, { from: 1965, to: 1965 }, true);
      counted.era(1962, { from: 1965, to: 1965 }, true);
      expect(made).to.equal(2);
      // Years the key cannot hold are made each time, and still right.
      expect(counted.era(-5, { from: 1965, to: 1965 }, true)).to.equal(
        plain.era(-5, { from: 1965, to: 1965 }, true),
      );
      expect(made).to.equal(3);
    });
  }
});
