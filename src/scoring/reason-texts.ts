/**
 * The human sentences of `reasons`, in English and Russian. Scores never depend on them; the
 * ranker picks a language per request. Terms are shown as vocabulary ids in English (so API users
 * can feed them back) and by their Russian labels in Russian.
 */
import { describeRange, type Vocabulary, type YearRange } from "../domain/index.js";
import type { ThemeRelation } from "./theme-similarity.js";

export type ReasonLanguage = "en" | "ru";

export interface ThemeLine {
  wanted: string;
  songTheme: string;
  relation: ThemeRelation;
}

export interface ReasonTexts {
  era(year: number, period: YearRange, recorded: boolean): string;
  themes(lines: readonly ThemeLine[]): string;
  mood(value: number, wanted: readonly string[], songMoods: readonly string[]): string;
  origin(
    wanted: { country?: string | undefined; language?: string | undefined },
    song: { country: string; language: string },
  ): string;
  text(terms: readonly string[] | null): string;
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

const english: ReasonTexts = {
  era(year, period, recorded) {
    const what = recorded ? "recorded" : "written";
    const single = period.from === period.to;
    if (year > period.to) {
      const d = year - period.to;
      return `${what} ${year}, ${d} year${d === 1 ? "" : "s"} after the story (${describeRange(period)}): an anachronism`;
    }
    if (year >= period.from)
      return single
        ? `${what} ${year}, the story year`
        : `${what} ${year}, within the story's ${describeRange(period)}`;
    const d = period.from - year;
    return `${what} ${year}, ${d} year${d === 1 ? "" : "s"} before the story${single ? " year" : ""}`;
  },
  themes(lines) {
    if (lines.length === 0) return "no theme in common with the scene";
    return lines
      .map(({ wanted, songTheme, relation }) => {
        switch (relation) {
          case "same":
            return `theme '${wanted}' matches the scene`;
          case "narrower":
            return `its theme '${songTheme}' is part of the scene's '${wanted}'`;
          case "broader":
            return `its theme '${songTheme}' is broader than the scene's '${wanted}'`;
          case "related":
            return `its theme '${songTheme}' is close to the scene's '${wanted}'`;
          case "sibling":
            return `its theme '${songTheme}' is a neighbour of the scene's '${wanted}'`;
        }
      })
      .join("; ");
  },
  mood(value, wanted, songMoods) {
    if (songMoods.length === 0) return "the song has no mood tags";
    const q = (ms: readonly string[]) => ms.map((m) => `'${m}'`).join(", ");
    const shared = wanted.filter((m) => songMoods.includes(m));
    if (shared.length > 0) return `mood ${q(shared)} as the scene asks (song: ${q(songMoods)})`;
    if (value >= 0.5) return `its mood (${q(songMoods)}) is close to the scene's ${q(wanted)}`;
    if (value > 0)
      return `its mood (${q(songMoods)}) is only loosely like the scene's ${q(wanted)}`;
    return `its mood (${q(songMoods)}) is far from the scene's ${q(wanted)}`;
  },
  origin(wanted, song) {
    const parts: string[] = [];
    if (wanted.country !== undefined)
      parts.push(
        song.country === wanted.country
          ? `from ${song.country}, as the scene`
          : `from ${song.country}, not ${wanted.country}`,
      );
    if (wanted.language !== undefined)
      parts.push(
        song.language === wanted.language
          ? `sung in '${song.language}', as asked`
          : `sung in '${song.language}', not '${wanted.language}'`,
      );
    return parts.join("; ");
  },
  text(terms) {
    return terms
      ? `the description's ${terms.map((t) => `'${t}'`).join(", ")} appear in its title or notes`
      : "no words of the description appear in its title or notes";
  },
};

function russian(vocabulary: Vocabulary): ReasonTexts {
  const theme = new Map(vocabulary.themes.map((t) => [t.id, t.label.ru]));
  const mood = new Map(vocabulary.moods.map((m) => [m.id, m.label.ru]));
  const t = (id: string) => `«${theme.get(id) ?? id}»`;
  const m = (ids: readonly string[]) => ids.map((id) => `«${mood.get(id) ?? id}»`).join(", ");
  const years = (d: number) => `${d} ${plural(d, "год", "года", "лет")}`;
  return {
    era(year, period, recorded) {
      const what = recorded ? "записана" : "написана";
      const single = period.from === period.to;
      if (year > period.to)
        return `${what} в ${year}, через ${years(year - period.to)} после времени действия (${describeRange(period)}): анахронизм`;
      if (year >= period.from)
        return single
          ? `${what} в ${year}, в год действия`
          : `${what} в ${year}, внутри времени действия ${describeRange(period)}`;
      return `${what} в ${year}, за ${years(period.from - year)} до времени действия`;
    },
    themes(lines) {
      if (lines.length === 0) return "нет общих тем со сценой";
      return lines
        .map(({ wanted, songTheme, relation }) => {
          switch (relation) {
            case "same":
              return `тема ${t(wanted)} совпадает со сценой`;
            case "narrower":
              return `её тема ${t(songTheme)} входит в тему сцены ${t(wanted)}`;
            case "broader":
              return `её тема ${t(songTheme)} шире темы сцены ${t(wanted)}`;
            case "related":
              return `её тема ${t(songTheme)} близка теме сцены ${t(wanted)}`;
            case "sibling":
              return `её тема ${t(songTheme)} соседствует с темой сцены ${t(wanted)}`;
          }
        })
        .join("; ");
    },
    mood(value, wanted, songMoods) {
      if (songMoods.length === 0) return "у песни нет отметок настроения";
      const shared = wanted.filter((x) => songMoods.includes(x));
      if (shared.length > 0)
        return `настроение ${m(shared)}, как просит сцена (песня: ${m(songMoods)})`;
      if (value >= 0.5)
        return `её настроение (${m(songMoods)}) близко к настроению сцены ${m(wanted)}`;
      if (value > 0) return `её настроение (${m(songMoods)}) лишь отчасти похоже на ${m(wanted)}`;
      return `её настроение (${m(songMoods)}) далеко от ${m(wanted)}`;
    },
    origin(wanted, song) {
      const parts: string[] = [];
      if (wanted.country !== undefined)
        parts.push(
          song.country === wanted.country
            ? `страна ${song.country}, как у сцены`
            : `страна ${song.country}, а не ${wanted.country}`,
        );
      if (wanted.language !== undefined)
        parts.push(
          song.language === wanted.language
            ? `язык ${song.language}, как просили`
            : `язык ${song.language}, а не ${wanted.language}`,
        );
      return parts.join("; ");
    },
    text(terms) {
      return terms
        ? `слова описания ${terms.map((x) => `«${x}»`).join(", ")} есть в её названии или заметках`
        : "слов описания нет в её названии и заметках";
    },
  };
}

/** The texts for a language, built once per vocabulary. */
export function reasonTexts(vocabulary: Vocabulary): Record<ReasonLanguage, ReasonTexts> {
  return { en: english, ru: russian(vocabulary) };
}
