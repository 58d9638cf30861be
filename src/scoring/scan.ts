/**
 * The hot loop of ranking: scores every eligible song from its numeric features and keeps the best
 * k. It computes exactly the factor formulas of factors.ts (inlined for speed; test/scoring/
 * scan.test.ts checks it finds the same best songs as scoring every song with those formulas).
 *
 * One fused pass per request: for each song, the theme, era (through a per-request table of years),
 * origin and text factors, then — only for songs that could still enter the top k with a perfect
 * mood — the mood factor, the costliest. (Separate passes per factor were twice as slow: V8 does
 * not vectorise, and the stores between passes cost more than the arithmetic.)
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
  wanted: readonly number[];
  /** Number of requested themes (the theme factor's divisor). */
  themeDivisor: number;
  period: { from: number; to: number } | null;
  periodCorrect: boolean;
  sceneValence: number;
  sceneArousal: number;
  /** The requested moods as a bit set (see SongFeatures.moodMask). */
  wantedMood: readonly number[];
  moodCount: number;
  wantCountry: number;
  wantLanguage: number;
  originParts: number;
  /** Text relevance per song position (0 when none). */
  text: Float32Array;
  /** 1 for songs to leave out. */
  excluded: Uint8Array;
}

/** Working space reused across scans (ranking is synchronous). */
export interface ScanScratch {
  /** Era contribution per year (see eraTable). */
  eraTable: Float64Array;
  /** Sum of the fourth and later wanted themes per song, when a request has more than three. */
  extraThemes: Uint16Array;
  /** All zeros: the extra themes of a request with at most three. */
  noThemes: Uint16Array;
  top: TopSongs;
}

const FAR = 1.2;

/** Number of set bits in a 32-bit integer. */
function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
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
  const { country, language, minYear } = f;
  const { wThemes, wMood, wText, wanted, period, wantedMood, moodCount, excluded, text } = q;
  const n = f.songs.length;
  // Without a period the era factor is off; `to` then makes every song use its best-known year.
  const to = period ? period.to : -1;
  const end = upperBound(earliest, period && q.periodCorrect ? to : NO_YEAR - 1);
  // The first three wanted themes are read straight from their columns (a missing one reads the
  // all-zero column); any further ones are summed up front.
  const zero = f.themeCount * n;
  const b1 = wanted.length > 0 ? (wanted[0] as number) * n : zero;
  const b2 = wanted.length > 1 ? (wanted[1] as number) * n : zero;
  const b3 = wanted.length > 2 ? (wanted[2] as number) * n : zero;
  const extra =
    wanted.length > 3 ? sumThemes(f, wanted.slice(3), end, scratch.extraThemes) : scratch.noThemes;
  const themeScale = wThemes / (100 * q.themeDivisor);
  const era = eraTable(f, q, scratch.eraTable);
  const wantCountry = q.wantCountry;
  const wantLanguage = q.wantLanguage;
  const originEach = q.wOrigin / q.originParts;
  const sv = q.sceneValence;
  const sa = q.sceneArousal;

  const top = scratch.top.reset(k);
  let threshold = top.threshold;
  // Newest eligible songs first: they score best on era, so the heap fills with strong
  // candidates early and most older songs fail the threshold checks below.
  for (let i = end - 1; i >= 0; i--) {
    const first = earliest[i] as number;
    // The year of the recording chooseRecording() picks (see recording-choice.ts).
    const year = first > to ? (bestKnownYear[i] as number) : first;
    const hits = (country[i] === wantCountry ? 1 : 0) + (language[i] === wantLanguage ? 1 : 0);
    let s =
      themeScale *
        ((themeBest[b1 + i] as number) +
          (themeBest[b2 + i] as number) +
          (themeBest[b3 + i] as number) +
          (extra[i] as number)) +
      (era[year - minYear] as number) +
      originEach * hits +
      wText * (text[i] as number);
    // The mood factor is at most 1: a song that cannot enter even with a perfect mood is skipped.
    if (s + wMood < threshold || excluded[i] === 1) continue;
    if (wMood > 0 && hasAffect[i] === 1) {
      const dv = (valence[i] as number) - sv;
      const da = (arousal[i] as number) - sa;
      const d = Math.sqrt(dv * dv + da * da);
      let shared = 0;
      for (let w = 0, at = i * moodWords; w < moodWords; w++, at++)
        shared += bitCount((moodMask[at] as number) & (wantedMood[w] as number));
      s += wMood * (0.7 * Math.max(0, 1 - d / FAR) + (0.3 * shared) / moodCount);
      if (s < threshold) continue;
    }
    top.offer(i, s, period ? Math.abs(year - to) : 0);
    threshold = top.threshold;
  }
  return { best: top.sorted(), more: top.full };
}

/** Sums the given theme columns over songs [0, end) into `out`. */
function sumThemes(
  f: SongFeatures,
  themes: readonly number[],
  end: number,
  out: Uint16Array,
): Uint16Array {
  const n = f.songs.length;
  out.fill(0, 0, end);
  for (const w of themes) {
    const base = w * n;
    for (let i = 0; i < end; i++) out[i] = (out[i] as number) + (f.themeBest[base + i] as number);
  }
  return out;
}

/**
 * The era factor's weighted value for every year of the catalogue (index: year − minYear); all
 * zeros when the factor is off.
 */
function eraTable(f: SongFeatures, q: ScanQuery, table: Float64Array): Float64Array {
  const { period, wEra } = q;
  for (let y = f.minYear; y <= f.maxYear; y++) {
    let v = 0;
    if (period && wEra > 0) {
      v = 1;
      if (y > period.to) v = Math.exp(-(y - period.to) / 4);
      else if (y < period.from) {
        const d = (period.from - y) / 12;
        v = 1 / (1 + d * d);
      }
    }
    table[y - f.minYear] = wEra * v;
  }
  return table;
}
