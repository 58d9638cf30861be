/**
 * The named factors of a suggestion's score. Each yields a value in [0, 1]; the score is the
 * weighted mean over the factors the request gives information for (a request without a
 * country has no origin factor, and its weight is shared among the others), so scores always lie
 * in [0, 1] and each factor's `contribution` is its share of the score.
 *
 *   themes 0.35 · era 0.20 · mood 0.20 · origin 0.15 · text 0.10
 *
 * era:    1 inside the story period; before it, 1 / (1 + (years/12)²) — songs of a few years
 *         earlier are still current, a song from two decades before is an "old song";
 *         after it (only when periodCorrect is off), e^(−years/4), flagged as an anachronism.
 * themes: mean over requested themes of the best hierarchy-aware match (see theme-similarity.ts).
 * mood:   0.7 × closeness on the valence/arousal plane + 0.3 × share of requested moods the
 *         song is tagged with.
 * origin: mean of "same country" and "same language" for whichever the request names.
 * text:   the description's relevance to the song's titles and notes, relative to the best match.
 */
import { describeRange, type FactorName, type YearRange } from "../domain/index.js";
import { MoodSpace, type MoodPoint } from "./mood-space.js";
import type { ThemeMatch, ThemeSimilarity } from "./theme-similarity.js";

export const WEIGHTS: Record<FactorName, number> = {
  themes: 0.35,
  era: 0.2,
  mood: 0.2,
  text: 0.1,
  origin: 0.15,
};

export function eraValue(year: number, period: YearRange): number {
  if (year > period.to) return Math.exp(-(year - period.to) / 4);
  if (year >= period.from) return 1;
  const d = period.from - year;
  return 1 / (1 + (d / 12) ** 2);
}

export function eraText(year: number, period: YearRange, what: string): string {
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
}

export interface ThemeBest {
  wanted: string;
  songTheme: string;
  match: ThemeMatch;
}

export function themeMatches(
  similarity: ThemeSimilarity,
  wanted: readonly string[],
  songThemes: readonly string[],
): ThemeBest[] {
  const out: ThemeBest[] = [];
  for (const w of wanted) {
    let best: ThemeBest | null = null;
    for (const t of songThemes) {
      const m = similarity.between(w, t);
      if (m && (best === null || m.value > best.match.value))
        best = { wanted: w, songTheme: t, match: m };
    }
    if (best) out.push(best);
  }
  return out;
}

export function themeValue(
  similarity: ThemeSimilarity,
  wanted: readonly string[],
  songThemes: readonly string[],
): number {
  if (wanted.length === 0) return 0;
  let sum = 0;
  for (const w of wanted) {
    let best = 0;
    for (const t of songThemes) {
      const m = similarity.between(w, t);
      if (m && m.value > best) best = m.value;
    }
    sum += best;
  }
  return sum / wanted.length;
}

export function themeText(matches: readonly ThemeBest[]): string {
  if (matches.length === 0) return "no theme in common with the scene";
  const parts = [...matches]
    .sort((a, b) => b.match.value - a.match.value)
    .slice(0, 3)
    .map(({ wanted, songTheme, match }) => {
      switch (match.relation) {
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
    });
  return parts.join("; ");
}

export function moodValue(
  scene: MoodPoint,
  song: MoodPoint | null,
  wanted: readonly string[],
  songMoods: readonly string[],
): number {
  if (song === null) return 0;
  const shared =
    wanted.length === 0 ? 0 : wanted.filter((m) => songMoods.includes(m)).length / wanted.length;
  return 0.7 * MoodSpace.closeness(scene, song) + 0.3 * shared;
}

export function moodText(
  value: number,
  wanted: readonly string[],
  songMoods: readonly string[],
): string {
  if (songMoods.length === 0) return "the song has no mood tags";
  const shared = wanted.filter((m) => songMoods.includes(m));
  const songSide = songMoods.map((m) => `'${m}'`).join(", ");
  if (shared.length > 0)
    return `mood ${shared.map((m) => `'${m}'`).join(", ")} as the scene asks (song: ${songSide})`;
  const sceneSide = wanted.map((m) => `'${m}'`).join(", ");
  if (value >= 0.5) return `its mood (${songSide}) is close to the scene's ${sceneSide}`;
  if (value > 0) return `its mood (${songSide}) is only loosely like the scene's ${sceneSide}`;
  return `its mood (${songSide}) is far from the scene's ${sceneSide}`;
}

export interface OriginWanted {
  country?: string | undefined;
  language?: string | undefined;
}

export function originValue(
  wanted: OriginWanted,
  song: { country: string; language: string },
): number {
  let n = 0;
  let sum = 0;
  if (wanted.country !== undefined) {
    n++;
    if (song.country === wanted.country) sum++;
  }
  if (wanted.language !== undefined) {
    n++;
    if (song.language === wanted.language) sum++;
  }
  return n === 0 ? 0 : sum / n;
}

export function originText(
  wanted: OriginWanted,
  song: { country: string; language: string },
): string {
  const parts: string[] = [];
  if (wanted.country !== undefined) {
    parts.push(
      song.country === wanted.country
        ? `from ${song.country}, as the scene`
        : `from ${song.country}, not ${wanted.country}`,
    );
  }
  if (wanted.language !== undefined) {
    parts.push(
      song.language === wanted.language
        ? `sung in '${song.language}', as asked`
        : `sung in '${song.language}', not '${wanted.language}'`,
    );
  }
  return parts.join("; ");
}
