/**
 * The hot loop of ranking: scores every eligible song from its numeric features and keeps the best
 * k. It computes exactly the factor formulas of factors.ts (inlined for speed; the ranker's tests
 * check both agree through the explained contributions).
 *
 * The theme factor is summed column by column first (each wanted theme's column of themeBest is
 * contiguous), then one pass adds the other factors; only songs that can still enter the top k
 * reach the heap.
 */
import { NO_YEAR, type SongFeatures } from "./song-features.js";
import { TopSongs, type Scored } from "./top-k.js";

export type { Scored };

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
  /** The requested moods as a bit set (see SongFeatures.moodMask). */
  wantedMood: Int32Array;
  moodCount: number;
  wantCountry: number;
  wantLanguage: number;
  originParts: number;
  /** Text relevance per song position (0 when none). */
  text: Float32Array;
  /** 1 for songs to leave out. */
  excluded: Uint8Array;
}

/** Per-song working space reused across scans (ranking is synchronous). */
export interface ScanScratch {
  themeSum: Float64Array;
}

const FAR = 1.2;

/** Number of set bits in a 32-bit integer. */
function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

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

export function scan(
  f: SongFeatures,
  q: ScanQuery,
  k: number,
  scratch: ScanScratch,
): { best: Scored[]; more: boolean } {
  const { earliest, bestKnownYear, themeBest, moodMask, moodWords, valence, arousal, hasAffect } =
    f;
  const { country, language } = f;
  const { wThemes, wEra, wMood, wText, wOrigin, wanted, themeDivisor, period } = q;
  const { wantedMood, moodCount, wantCountry, wantLanguage, originParts, text, excluded } = q;
  const n = f.songs.length;
  const hasPeriod = period !== null;
  const from = period ? period.from : 0;
  const to = period ? period.to : 0;
  const sv = q.sceneValence;
  const sa = q.sceneArousal;
  const end = upperBound(earliest, hasPeriod && q.periodCorrect ? to : NO_YEAR - 1);
  const themeSum = scratch.themeSum;
  if (wThemes > 0) {
    themeSum.fill(0, 0, end);
    for (let w = 0; w < wanted.length; w++) {
      const base = (wanted[w] as number) * n;
      for (let i = 0; i < end; i++)
        themeSum[i] = (themeSum[i] as number) + (themeBest[base + i] as number);
    }
  }
  const top = new TopSongs(k, f.idRank);
  let threshold = top.threshold;
  // Newest eligible songs first: they score best on era, so the heap fills with strong
  // candidates early and most older songs fail the threshold check below.
  // With period-correct ranking the recording year only falls as the scan goes on, and so does
  // the era factor: once even a perfect song of this year could not enter, no older one can.
  const canStop = hasPeriod && q.periodCorrect && wEra > 0;
  const others = wThemes + wMood + wText + wOrigin;
  let checkedYear = NO_YEAR;
  for (let i = end - 1; i >= 0; i--) {
    const first = earliest[i] as number;
    if (canStop && first !== checkedYear && first < from) {
      checkedYear = first;
      const d = (from - first) / 12;
      // (The margin covers rounding: the bound sums the weights in another order.)
      if (others + wEra * (1 / (1 + d * d)) + 1e-9 < threshold) break;
    }
    if (excluded[i] === 1) continue;
    // The year of the recording chooseRecording() picks (see recording-choice.ts).
    const year = !hasPeriod || first > to ? (bestKnownYear[i] as number) : first;
    let score = 0;
    if (wThemes > 0) score += (wThemes * (themeSum[i] as number)) / (100 * themeDivisor);
    if (wEra > 0) {
      let v = 1;
      if (year > to) v = Math.exp(-(year - to) / 4);
      else if (year < from) {
        const d = (from - year) / 12;
        v = 1 / (1 + d * d);
      }
      score += wEra * v;
    }
    const textPart = wText > 0 ? wText * (text[i] as number) : 0;
    let originPart = 0;
    if (wOrigin > 0) {
      const hits = (country[i] === wantCountry ? 1 : 0) + (language[i] === wantLanguage ? 1 : 0);
      originPart = (wOrigin * hits) / originParts;
    }
    // The mood factor is the costly one and at most 1: skip songs that could not enter the
    // top k even with a perfect mood.
    if (score + wMood + textPart + originPart < threshold) continue;
    if (wMood > 0 && hasAffect[i] === 1) {
      const dv = (valence[i] as number) - sv;
      const da = (arousal[i] as number) - sa;
      const d = Math.sqrt(dv * dv + da * da);
      let shared = 0;
      for (let w = 0, at = i * moodWords; w < moodWords; w++, at++)
        shared += bitCount((moodMask[at] as number) & (wantedMood[w] as number));
      score += wMood * (0.7 * Math.max(0, 1 - d / FAR) + (0.3 * shared) / moodCount);
    }
    // Added in the same order as factors are listed, so scores equal the explained sums.
    if (wText > 0) score += textPart;
    if (wOrigin > 0) score += originPart;
    // Most songs cannot enter a full heap; ties at the threshold go to the heap's own order.
    if (score < threshold) continue;
    top.offer(i, score, hasPeriod ? Math.abs(year - to) : 0);
    threshold = top.threshold;
  }
  return { best: top.sorted(), more: top.full };
}
