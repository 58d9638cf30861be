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
 * The sentences that explain each factor are in reason-texts.ts (English and Russian).
 */
import type { FactorName, YearRange } from "../domain/index.js";
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
