/**
 * The hot loop of ranking: scores every eligible song from its numeric features and keeps the best
 * k. It computes exactly the factor formulas of factors.ts (inlined for speed; test/scoring/
 * scan.test.ts checks it finds the same best songs as scoring every song with those formulas).
 *
 * One pass per request over the eligible songs, newest first, in two halves (songs recorded by the
 * story year, scored by their earliest recording, and later ones, by their best known). The
 * WebAssembly kernel (kernel/scan.wat) scores songs and stops only at those that enter the top k;
 * here they are offered to the heap, which raises the bar for the rest. In the kernel: theme, era
 * and origin (through per-request tables of years and of country/language pairs) and text
 * factors, then — only for songs that could still enter with a perfect mood — the mood factor,
 * the costliest. (In JavaScript the same loop cost twice as much: V8 checks the bounds of every
 * typed-array read. Separate passes per factor were slower still, and table lookups beat
 * comparisons: a data-dependent branch per song mispredicts often.)
 */
import { NO_YEAR, type SongFeatures } from "./song-features.js";
import { DIRECT_THEMES, type ScanKernel } from "./scan-kernel.js";
import type { TopSongs, Scored } from "./top-k.js";

export type { Scored };

/** A rank query compiled to numbers. Weights are already normalised over the active factors. */
export interface ScanQuery {
  wThemes: number;
  wEra: number;
  wMood: number;
  wText: number;
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
}

/**
 * Working space reused across scans (ranking is synchronous). Before a scan the ranker fills the
 * kernel's text, exclusion and origin tables; the scan fills the era table and themesRest.
 */
export interface ScanScratch {
  kernel: ScanKernel;
  top: TopSongs;
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
  const { earliest, earliestAt, bestKnownAt, minYear } = f;
  const { wanted, period } = q;
  const kernel = scratch.kernel;
  // Without a period the era factor is off; `to` then makes every song use its best-known year.
  const to = period ? period.to : -1;
  const end = upperBound(earliest, period && q.periodCorrect ? to : NO_YEAR - 1);
  // Songs [0, recordedBy) have a recording made by the story year, and chooseRecording() picks
  // their earliest; later ones get their best-known recording (see recording-choice.ts).
  const recordedBy = Math.min(end, upperBound(earliest, to));
  // The first few wanted themes are read straight from their columns (a missing one reads the
  // all-zero column); any further ones are summed up front.
  const columns = Array.from({ length: DIRECT_THEMES }, (_, k) => wanted[k] ?? f.themeCount);
  const rest = wanted.length > DIRECT_THEMES;
  if (rest) kernel.sumThemes(wanted.slice(DIRECT_THEMES), end);
  eraTable(f, q, kernel.eraTable);
  kernel.wantedMood.set(q.wantedMood);
  const weights = {
    themeScale: q.wThemes / (100 * q.themeDivisor),
    wText: q.wText,
    wMood: q.wMood,
    sceneValence: q.sceneValence,
    sceneArousal: q.sceneArousal,
    moodCount: q.moodCount,
  };

  const top = scratch.top.reset(k);
  let threshold = top.threshold;
  // Newest eligible songs first: they score best on era, so the heap fills with strong
  // candidates early and the kernel passes over most older songs.
  for (let part = 0; part < 2; part++) {
    const yearAt = part === 0 ? bestKnownAt : earliestAt;
    const from = part === 0 ? recordedBy : 0;
    kernel.prepare(columns, rest, part === 0 ? "bestKnown" : "earliest", weights);
    let i = part === 0 ? end : recordedBy;
    while ((i = kernel.next(i, from, threshold)) >= 0) {
      top.offer(i, kernel.foundScore, period ? Math.abs(minYear + (yearAt[i] as number) - to) : 0);
      threshold = top.threshold;
    }
  }
  return { best: top.sorted(), more: top.full };
}

/**
 * The era factor's weighted value for every year of the catalogue (index: year − minYear, as in
 * SongFeatures.earliestAt); all zeros when the factor is off.
 */
function eraTable(f: SongFeatures, q: ScanQuery, table: Float64Array): void {
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
}
