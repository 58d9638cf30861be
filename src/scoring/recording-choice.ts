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

export function chooseRecording(
  song: Song,
  period: YearRange | null,
  periodCorrect: boolean,
): Recording | null {
  if (period === null) return bestKnownRecording(song);
  const inPeriod = earliestRecordingBy(song, period.to);
  if (inPeriod) return inPeriod;
  return periodCorrect ? null : bestKnownRecording(song);
}

/** Earliest dated recording year, or null when no recording is dated. */
export function earliestRecordingYear(song: Song): number | null {
  let y: number | null = null;
  for (const r of song.recordings)
    if (r.year !== undefined && (y === null || r.year < y)) y = r.year;
  return y;
}
