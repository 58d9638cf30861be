/**
 * The catalogue reduced to numbers for fast ranking: one row per song in struct-of-arrays typed
 * arrays, songs ordered by their earliest dated recording (then id) so that a period-correct scan
 * can stop at the story year. Built once per catalogue version.
 */
import type { Song, Vocabulary } from "../domain/index.js";
import type { MoodSpace } from "./mood-space.js";
import {
  bestKnownRecording,
  earliestRecordingBy,
  earliestRecordingYear,
} from "./recording-choice.js";
import type { ThemeSimilarity } from "./theme-similarity.js";

/** Stands for "no dated recording": sorts after every real year. */
export const NO_YEAR = 32767;

export interface SongFeatures {
  songs: Song[];
  /** Earliest dated recording year (NO_YEAR if none), ascending. */
  earliest: Int16Array;
  /**
   * Which of song i's recordings is its earliest dated one (what chooseRecording() recommends once
   * the story has reached it) and which its best known, as indexes into song.recordings: looking
   * one up then touches one recording, not all of them.
   */
  earliestRecording: Uint16Array;
  bestKnownRecording: Uint16Array;
  /**
   * The range of every year in `earliest` (but NO_YEAR) and of the best-known recordings' years
   * (the song's year where that recording is undated).
   */
  minYear: number;
  maxYear: number;
  /**
   * The same two years as offsets from minYear (0 for NO_YEAR), so a scan indexes its per-year
   * table directly: a scan reads one of them per song, and which one depends only on whether the
   * song lies before or after the story year, not on a per-song test.
   */
  earliestAt: Uint16Array;
  bestKnownAt: Uint16Array;
  /**
   * Song i's moods as a bit set: bit m of word moodMask[i * moodWords + (m >> 5)] for mood index
   * m, so "how many of the requested moods does it have" is an AND and a bit count.
   */
  moodMask: Int32Array;
  moodWords: number;
  valence: Float32Array;
  arousal: Float32Array;
  /** 1 when the song has a point on the mood plane. */
  hasAffect: Uint8Array;
  /** Song i's country and language, as an index into `origins`. */
  origin: Uint16Array;
  /** Every (country, language) pair of the catalogue, so a request scores each pair once. */
  origins: { country: string; language: string }[];
  /** Each song's position in id order, so tie-breaks compare numbers, not strings. */
  idRank: Int32Array;
  /**
   * themeBest[w * songs.length + i]: how well song i serves wanted theme w (its best theme for
   * w), in hundredths. Precomputed so a request adds one number per wanted theme instead of
   * searching the song's themes; similarities are multiples of 0.1, so hundredths are exact.
   * One wanted theme's column is contiguous, so a scan reads it front to back. A last column
   * (w = themeCount) is all zeros, for requests with fewer themes than the scan reads.
   */
  themeBest: Uint8Array;
  themeCount: number;
  themeIndex: Map<string, number>;
  moodIndex: Map<string, number>;
  position: Map<string, number>;
}

export function buildSongFeatures(
  input: readonly Song[],
  vocabulary: Vocabulary,
  themes: ThemeSimilarity,
  moods: MoodSpace,
): SongFeatures {
  const T = vocabulary.themes.length;
  const themeIndex = new Map(vocabulary.themes.map((t, i) => [t.id, i]));
  const moodIndex = new Map(vocabulary.moods.map((m, i) => [m.id, i]));
  const moodWords = Math.max(1, Math.ceil(vocabulary.moods.length / 32));
  // column[h * T + w]: what song theme h gives wanted theme w, in hundredths; what a song gives
  // wanted theme w is the maximum over its themes h.
  const column = new Uint8Array(T * T);
  vocabulary.themes.forEach((have, h) =>
    vocabulary.themes.forEach((want, w) => {
      column[h * T + w] = Math.round((themes.between(want.id, have.id)?.value ?? 0) * 100);
    }),
  );
  const withYear = input.map((song) => ({
    song,
    earliest: earliestRecordingYear(song) ?? NO_YEAR,
  }));
  withYear.sort(
    (a, b) =>
      a.earliest - b.earliest || (a.song.id < b.song.id ? -1 : a.song.id > b.song.id ? 1 : 0),
  );
  const songs = withYear.map((x) => x.song);
  const n = songs.length;
  const originIndex = new Map<string, number>();
  const origins: SongFeatures["origins"] = [];
  const originOf = (song: Song) => {
    const key = `${song.country} ${song.language}`;
    let k = originIndex.get(key);
    if (k === undefined) {
      originIndex.set(key, (k = origins.length));
      origins.push({ country: song.country, language: song.language });
    }
    return k;
  };
  // Only needed while building: the scan reads the years as offsets (bestKnownAt).
  const bestKnownYear = new Int16Array(n);
  const f: SongFeatures = {
    songs,
    earliest: Int16Array.from(withYear, (x) => x.earliest),
    earliestRecording: new Uint16Array(n),
    bestKnownRecording: new Uint16Array(n),
    minYear: 0,
    maxYear: 0,
    earliestAt: new Uint16Array(n),
    bestKnownAt: new Uint16Array(n),
    moodMask: new Int32Array(n * moodWords),
    moodWords,
    valence: new Float32Array(n),
    arousal: new Float32Array(n),
    hasAffect: new Uint8Array(n),
    origin: new Uint16Array(n),
    origins,
    idRank: new Int32Array(n),
    themeBest: new Uint8Array(n * (T + 1)),
    themeCount: T,
    themeIndex,
    moodIndex,
    position: new Map(songs.map((s, i) => [s.id, i])),
  };
  // Filled one wanted-theme column at a time (from the songs of each theme that serves it), so
  // the writes stay within one column instead of striding across all of them.
  const withTheme: number[][] = vocabulary.themes.map(() => []);
  songs.forEach((song, i) => {
    for (const t of song.themes) {
      const h = themeIndex.get(t);
      if (h !== undefined) withTheme[h]?.push(i);
    }
  });
  for (let w = 0; w < T; w++) {
    const base = w * n;
    for (let h = 0; h < T; h++) {
      const v = column[h * T + w] as number;
      if (v === 0) continue;
      for (const i of withTheme[h] as number[])
        if (v > (f.themeBest[base + i] as number)) f.themeBest[base + i] = v;
    }
  }
  songs.forEach((song, i) => {
    for (const m of song.moods) {
      const k = moodIndex.get(m);
      if (k === undefined) continue;
      const at = i * moodWords + (k >> 5);
      f.moodMask[at] = (f.moodMask[at] as number) | (1 << (k & 31));
    }
    const point = moods.songPoint(song);
    if (point) {
      f.valence[i] = point.valence;
      f.arousal[i] = point.arousal;
      f.hasAffect[i] = 1;
    }
    const bestKnown = bestKnownRecording(song);
    bestKnownYear[i] = bestKnown.year ?? song.year;
    f.bestKnownRecording[i] = song.recordings.indexOf(bestKnown);
    const first = earliestRecordingBy(song, f.earliest[i] as number);
    f.earliestRecording[i] = first ? song.recordings.indexOf(first) : 0;
    f.origin[i] = originOf(song);
  });
  const seeYear = (y: number) => {
    if (y === NO_YEAR) return;
    f.minYear = Math.min(f.minYear, y);
    f.maxYear = Math.max(f.maxYear, y);
  };
  if (n > 0) f.minYear = f.maxYear = bestKnownYear[0] as number;
  for (let i = 0; i < n; i++) {
    seeYear(bestKnownYear[i] as number);
    seeYear(f.earliest[i] as number);
  }
  for (let i = 0; i < n; i++) {
    const first = f.earliest[i] as number;
    f.earliestAt[i] = first === NO_YEAR ? 0 : first - f.minYear;
    f.bestKnownAt[i] = (bestKnownYear[i] as number) - f.minYear;
  }
  songs
    .map((song, i) => ({ id: song.id, i }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .forEach(({ i }, rank) => (f.idRank[i] = rank));
  return f;
}
