/**
 * Which recording of a song to recommend.
 *  - With a story period and periodCorrect: the earliest recording made by the end of the period
 *    (the one an audience of the time heard first); none if no dated recording qualifies.
 *  - With a period but periodCorrect off: the same if one exists, else the best-known recording.
 *  - Without a period: the best-known recording (flagged bestKnown, else the first listed).
 * Recordings without a known year never count as period-correct: we cannot prove they existed.
 */
import type { Recording, Song, YearRange } from "../domain/index.js";

export function bestKnownRecording(song: Song): Recording {
  return song.recordings.find((r) => r.bestKnown) ?? (song.recordings[0] as Recording);
}

export function earliestRecordingBy(song: Song, lastYear: number): Recording | null {
  let best: Recording | null = null;
  for (const r of song.recordings) {
    if (r.year === undefined || r.year > lastYear) continue;
    if (best === null || r.year < (best.year as number)) best = r;
  }
  return best;
}

export const EARLIEST = 0;
export const BEST_KNOWN = 1;
/** Which recording the rules above pick: the earliest dated one, or the best known. */
export type RecordingKind = typeof EARLIEST | typeof BEST_KNOWN;

/**
 * The rules above, from the song's earliest dated recording year alone (any year after every
 * period, e.g. Infinity, when none is dated): which kind of recording is picked, or null for none.
 * The ranker decides from this without touching the song's recordings.
 */
export function recordingKind(
  earliestYear: number,
  period: YearRange | null,
  periodCorrect: boolean,
): RecordingKind | null {
  if (period === null) return BEST_KNOWN;
  if (earliestYear <= period.to) return EARLIEST;
  return periodCorrect ? null : BEST_KNOWN;
}

export function chooseRecording(
  song: Song,
  period: YearRange | null,
  periodCorrect: boolean,
): Recording | null {
  const kind = recordingKind(earliestRecordingYear(song) ?? Infinity, period, periodCorrect);
  if (kind === null) return null;
  return kind === EARLIEST && period !== null
    ? earliestRecordingBy(song, period.to)
    : bestKnownRecording(song);
}

/** Earliest dated recording year, or null when no recording is dated. */
export function earliestRecordingYear(song: Song): number | null {
  let y: number | null = null;
  for (const r of song.recordings)
    if (r.year !== undefined && (y === null || r.year < y)) y = r.year;
  return y;
}
