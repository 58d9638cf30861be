/**
 * The hot loop of ranking: scores every eligible song from its numeric features and keeps the best
 * k. It computes exactly the factor formulas of factors.ts (inlined for speed; the ranker's tests
 * check both agree through the explained contributions).
 */
import { NO_YEAR, type SongFeatures } from "./song-features.js";
import { TopK } from "./top-k.js";

export interface Scored {
  /** Position in SongFeatures.songs. */
  i: number;
  score: number;
  /** |recording year − end of the story period|, for tie-breaks. */
  eraDistance: number;
}

/** A rank query compiled to numbers. Weights are already normalised over the active factors. */
export interface ScanQuery {
  wThemes: number;
  wEra: number;
  wMood: number;
  wText: number;
  wOrigin: number;
  wanted: Int32Array;
  /** Number of requested themes (the theme factor's divisor). */
  themeDivisor: number;
  period: { from: number; to: number } | null;
  periodCorrect: boolean;
  sceneValence: number;
  sceneArousal: number;
  wantedMood: Uint8Array;
  moodCount: number;
  wantCountry: number;
  wantLanguage: number;
  originParts: number;
  /** Text relevance per song position (0 when none). */
  text: Float32Array;
  /** 1 for songs to leave out. */
  excluded: Uint8Array;
}

const FAR = 1.2;

/** First index whose value is greater than `limit` in an ascending array. */
export function upperBound(sorted: Int16Array, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function betterThan(idRank: Int32Array): (a: Scored, b: Scored) => boolean {
  return (a, b) =>
    a.score !== b.score
      ? a.score > b.score
      : a.eraDistance !== b.eraDistance
        ? a.eraDistance < b.eraDistance
        : (idRank[a.i] as number) < (idRank[b.i] as number);
}

export function scan(f: SongFeatures, q: ScanQuery, k: number): { best: Scored[]; seen: number } {
  const {
    earliest,
    bestKnownYear,
    themeBest,
    moodStart,
    moodIdx,
    valence,
    arousal,
    hasAffect,
    country,
    language,
    idRank,
  } = f;
  const {
    wThemes,
    wEra,
    wMood,
    wText,
    wOrigin,
    wanted,
    themeDivisor,
    period,
    wantedMood,
    moodCount,
    wantCountry,
    wantLanguage,
    originParts,
    text,
    excluded,
  } = q;
  const T = f.themeCount;
  const W = wanted.length;
  const hasPeriod = period !== null;
  const from = period ? period.from : 0;
  const to = period ? period.to : 0;
  const sv = q.sceneValence;
  const sa = q.sceneArousal;
  const end = upperBound(earliest, hasPeriod && q.periodCorrect ? to : NO_YEAR - 1);
  const top = new TopK<Scored>(k, betterThan(idRank));
  let seen = 0;
  // Newest eligible songs first: they score best on era, so the heap fills with strong
  // candidates early and most older songs fail the cheap threshold check below.
  for (let i = end - 1; i >= 0; i--) {
    if (excluded[i] === 1) continue;
    seen++;
    const first = earliest[i] as number;
    // The year of the recording chooseRecording() picks (see recording-choice.ts).
    const year = !hasPeriod || first > to ? (bestKnownYear[i] as number) : first;
    let score = 0;
    if (wThemes > 0) {
      let sum = 0;
      const base = i * T;
      for (let w = 0; w < W; w++) sum += themeBest[base + (wanted[w] as number)] as number;
      score += (wThemes * sum) / (100 * themeDivisor);
    }
    if (wEra > 0) {
      let v = 1;
      if (year > to) v = Math.exp(-(year - to) / 4);
      else if (year < from) {
        const d = (from - year) / 12;
        v = 1 / (1 + d * d);
      }
      score += wEra * v;
    }
    if (wMood > 0 && hasAffect[i] === 1) {
      const dv = (valence[i] as number) - sv;
      const da = (arousal[i] as number) - sa;
      const d = Math.sqrt(dv * dv + da * da);
      let shared = 0;
      const mb = moodStart[i + 1] as number;
      for (let j = moodStart[i] as number; j < mb; j++)
        shared += wantedMood[moodIdx[j] as number] as number;
      score += wMood * (0.7 * Math.max(0, 1 - d / FAR) + (0.3 * shared) / moodCount);
    }
    if (wText > 0) score += wText * (text[i] as number);
    if (wOrigin > 0) {
      const hits = (country[i] === wantCountry ? 1 : 0) + (language[i] === wantLanguage ? 1 : 0);
      score += (wOrigin * hits) / originParts;
    }
    const eraDistance = hasPeriod ? Math.abs(year - to) : 0;
    // Most songs cannot enter a full heap: decide that (ties included) before allocating.
    if (top.full) {
      const worst = top.worst() as Scored;
      if (score < worst.score) continue;
      if (score === worst.score) {
        if (eraDistance > worst.eraDistance) continue;
        if (
          eraDistance === worst.eraDistance &&
          (idRank[i] as number) > (idRank[worst.i] as number)
        )
          continue;
      }
    }
    top.push({ i, score, eraDistance });
  }
  return { best: top.sorted(), seen };
}
