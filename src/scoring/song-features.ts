/**
 * The catalogue reduced to numbers for fast ranking: one row per song in struct-of-arrays typed
 * arrays, songs ordered by their earliest dated recording (then id) so that a period-correct scan
 * can stop at the story year. Built once per catalogue version.
 */
import type { Song, Vocabulary } from "../domain/index.js";
import type { MoodSpace } from "./mood-space.js";
import { bestKnownRecording } from "./recording-choice.js";
import type { ThemeSimilarity } from "./theme-similarity.js";

/** Stands for "no dated recording": sorts after every real year. */
export const NO_YEAR = 32767;

export interface SongFeatures {
  songs: Song[];
  /** Earliest dated recording year (NO_YEAR if none), ascending. */
  earliest: Int16Array;
  /** Year of the best-known recording (or the song's year if that one is undated). */
  bestKnownYear: Int16Array;
  /** Song i's themes are themeIdx[themeStart[i] .. themeStart[i+1]). */
  themeStart: Int32Array;
  themeIdx: Uint16Array;
  moodStart: Int32Array;
  moodIdx: Uint16Array;
  valence: Float32Array;
  arousal: Float32Array;
  /** 1 when the song has a point on the mood plane. */
  hasAffect: Uint8Array;
  country: Uint16Array;
  language: Uint16Array;
  /** Each song's position in id order, so tie-breaks compare numbers, not strings. */
  idRank: Int32Array;
  /** themeSim[w * themeCount + h]: how well song theme h serves wanted theme w. */
  themeSim: Float32Array;
  /**
   * themeBest[i * themeCount + w]: how well song i serves wanted theme w (its best theme for w),
   * in hundredths. Precomputed so a request adds one number per wanted theme instead of searching
   * the song's themes; similarities are multiples of 0.1, so hundredths are exact.
   */
  themeBest: Uint8Array;
  themeCount: number;
  themeIndex: Map<string, number>;
  moodIndex: Map<string, number>;
  /** Interned country and language codes. */
  codes: Map<string, number>;
  position: Map<string, number>;
}

function earliestOf(song: Song): number {
  return song.recordings.reduce(
    (y, r) => (r.year !== undefined && r.year < y ? r.year : y),
    NO_YEAR,
  );
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
  const themeSim = new Float32Array(T * T);
  vocabulary.themes.forEach((want, w) =>
    vocabulary.themes.forEach((have, h) => {
      themeSim[w * T + h] = themes.between(want.id, have.id)?.value ?? 0;
    }),
  );
  const withYear = input.map((song) => ({ song, earliest: earliestOf(song) }));
  withYear.sort(
    (a, b) =>
      a.earliest - b.earliest || (a.song.id < b.song.id ? -1 : a.song.id > b.song.id ? 1 : 0),
  );
  const songs = withYear.map((x) => x.song);
  const n = songs.length;
  const codes = new Map<string, number>();
  const code = (value: string) => {
    let c = codes.get(value);
    if (c === undefined) codes.set(value, (c = codes.size));
    return c;
  };
  const f: SongFeatures = {
    songs,
    earliest: Int16Array.from(withYear, (x) => x.earliest),
    bestKnownYear: new Int16Array(n),
    themeStart: new Int32Array(n + 1),
    themeIdx: new Uint16Array(0),
    moodStart: new Int32Array(n + 1),
    moodIdx: new Uint16Array(0),
    valence: new Float32Array(n),
    arousal: new Float32Array(n),
    hasAffect: new Uint8Array(n),
    country: new Uint16Array(n),
    language: new Uint16Array(n),
    idRank: new Int32Array(n),
    themeSim,
    themeBest: new Uint8Array(n * T),
    themeCount: T,
    themeIndex,
    moodIndex,
    codes,
    position: new Map(songs.map((s, i) => [s.id, i])),
  };
  const themeList: number[] = [];
  const moodList: number[] = [];
  songs.forEach((song, i) => {
    f.themeStart[i] = themeList.length;
    for (const t of song.themes) {
      const k = themeIndex.get(t);
      if (k !== undefined) themeList.push(k);
    }
    f.moodStart[i] = moodList.length;
    for (const m of song.moods) {
      const k = moodIndex.get(m);
      if (k !== undefined) moodList.push(k);
    }
    const point = moods.songPoint(song);
    if (point) {
      f.valence[i] = point.valence;
      f.arousal[i] = point.arousal;
      f.hasAffect[i] = 1;
    }
    f.bestKnownYear[i] = bestKnownRecording(song).year ?? song.year;
    f.country[i] = code(song.country);
    f.language[i] = code(song.language);
  });
  f.themeStart[n] = themeList.length;
  f.moodStart[n] = moodList.length;
  f.themeIdx = Uint16Array.from(themeList);
  // column[h * T + w]: what song theme h gives wanted theme w, in hundredths; a song's row is the
  // element-wise maximum of its themes' columns.
  const column = new Uint8Array(T * T);
  for (let h = 0; h < T; h++)
    for (let w = 0; w < T; w++)
      column[h * T + w] = Math.round((themeSim[w * T + h] as number) * 100);
  const best = f.themeBest;
  for (let i = 0; i < n; i++) {
    const row = i * T;
    const to = f.themeStart[i + 1] as number;
    for (let j = f.themeStart[i] as number; j < to; j++) {
      const col = (f.themeIdx[j] as number) * T;
      for (let w = 0; w < T; w++) {
        const v = column[col + w] as number;
        if (v > (best[row + w] as number)) best[row + w] = v;
      }
    }
  }
  f.moodIdx = Uint16Array.from(moodList);
  songs
    .map((song, i) => ({ id: song.id, i }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .forEach(({ i }, rank) => (f.idRank[i] = rank));
  return f;
}
