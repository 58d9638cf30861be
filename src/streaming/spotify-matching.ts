/**
 * Finding a catalogue recording among Spotify search results. Pure: no I/O.
 *
 * Searches, in order, stopping after the first that yields a confident match:
 *   1. the title and first performer as written (often Cyrillic): track:"Нежность" artist:"Майя Кристалинская"
 *   2. the transliterated title and performer (titleLatin, nameLatin)
 *   3. the English title (titleEnglish) with the Latin performer name
 * Identical queries are sent once; quotes are removed from the values.
 *
 * A candidate's confidence, in [0, 1], is a bag of named parts that explains itself:
 *   factors (weighted mean over those that are known):
 *     title 0.45     best similarity of the candidate's title, with bracketed or " - " suffixes
 *                    ("(Remastered 2004)", " - Live") stripped, to our title, titleLatin or
 *                    titleEnglish, compared as latinKey forms (script- and spelling-insensitive)
 *     artist 0.35    best similarity between any of our performers (name or nameLatin) and any
 *                    credited artist; a matching surname alone counts 0.8
 *     year 0.10      album release vs recording year: -1..+2 years 1; later (a reissue) decays
 *                    slowly to 0.6; clearly earlier 0.2 (cannot be this recording)
 *     duration 0.10  |difference| ≤5 s 1, ≤15 s 0.7, ≤30 s 0.4, else 0.1
 *   gates: title and artist below 0.75 scale the score down proportionally, so a wrong artist
 *     with the same title (or the right artist with another song) cannot pass on the other factors
 *   penalties (multiplied): a different recording of the song — karaoke, "in the style of",
 *     tribute, cover, instrumental/backing track when the song has lyrics, remix, sped-up
 *     versions, live — found in the track, album or artist names, unless our own title has the word
 *   ISRC: the same ISRC as the recording lifts the score to at least 0.97 (before penalties).
 * Ties are broken by closeness of the release year, then by id, so ranking is deterministic.
 */
import { latinKey } from "../analysis/text.js";
import type { Recording, Song } from "../domain/index.js";

export interface SpotifyTrack {
  id: string;
  name: string;
  artists: string[];
  albumName?: string;
  releaseYear?: number;
  durationMs?: number;
  isrc?: string;
  previewUrl?: string;
}

export interface SearchQuery {
  tier: "original" | "latin" | "english";
  q: string;
}

export interface Factor {
  name: "title" | "artist" | "year" | "duration";
  value: number;
  weight: number;
}

export interface Penalty {
  name: string;
  multiplier: number;
}

export interface ScoredTrack {
  track: SpotifyTrack;
  confidence: number;
  factors: Factor[];
  gate: number;
  penalties: Penalty[];
  isrcMatch: boolean;
}

export function searchQueries(song: Song, recording: Recording): SearchQuery[] {
  const performer = recording.performers[0];
  const name = performer?.name;
  const latinName = performer?.nameLatin ?? performer?.name;
  const all: SearchQuery[] = [
    { tier: "original", q: fieldQuery(song.title, name) },
    { tier: "latin", q: fieldQuery(song.titleLatin, latinName) },
  ];
  if (song.titleEnglish) all.push({ tier: "english", q: fieldQuery(song.titleEnglish, latinName) });
  const seen = new Set<string>();
  return all.filter((query) => !seen.has(query.q) && seen.add(query.q));
}

function fieldQuery(title: string, artist: string | undefined): string {
  const clean = (s: string) =>
    s
      .replace(/["“”«»]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  return artist ? `track:"${clean(title)}" artist:"${clean(artist)}"` : `track:"${clean(title)}"`;
}

const WEIGHTS = { title: 0.45, artist: 0.35, year: 0.1, duration: 0.1 } as const;
const GATE_AT = 0.75;
const ISRC_FLOOR = 0.97;

interface Marker {
  name: string;
  pattern: RegExp;
  multiplier: number;
  /** Applies only when the song has lyrics. */
  lyricsOnly?: boolean;
}

// Word-ish boundaries that work for Cyrillic too (\b is ASCII-only in JS).
const W = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, "iu");

const MARKERS: Marker[] = [
  { name: "karaoke", pattern: W("karaoke|караоке"), multiplier: 0.2 },
  {
    name: "imitation",
    pattern: W(
      "in the style of|originally performed by|made famous by|as performed by|в стиле|в исполнении автора",
    ),
    multiplier: 0.2,
  },
  { name: "tribute", pattern: W("tribute|трибьют"), multiplier: 0.4 },
  { name: "cover", pattern: W("cover|covers|covered by|кавер"), multiplier: 0.4 },
  {
    name: "instrumental",
    pattern: W("instrumental|backing track|minus|минус|минусовка|инструментал"),
    multiplier: 0.4,
    lyricsOnly: true,
  },
  { name: "altered", pattern: W("sped up|slowed|nightcore|8-bit|lullaby"), multiplier: 0.4 },
  { name: "remix", pattern: W("remix|ремикс|rmx"), multiplier: 0.6 },
  { name: "live", pattern: W("live|live at|концерт|concert"), multiplier: 0.75 },
];

export function scoreTrack(song: Song, recording: Recording, track: SpotifyTrack): ScoredTrack {
  const factors: Factor[] = [];
  const title = titleSimilarity(song, track.name);
  const artist = artistSimilarity(recording, track.artists);
  factors.push({ name: "title", value: title, weight: WEIGHTS.title });
  factors.push({ name: "artist", value: artist, weight: WEIGHTS.artist });
  const year = yearFit(recording.year ?? song.year, track.releaseYear);
  if (year !== undefined) factors.push({ name: "year", value: year, weight: WEIGHTS.year });
  const duration = durationFit(recording.durationSec, track.durationMs);
  if (duration !== undefined) {
    factors.push({ name: "duration", value: duration, weight: WEIGHTS.duration });
  }
  const mean =
    factors.reduce((s, f) => s + f.value * f.weight, 0) / factors.reduce((s, f) => s + f.weight, 0);
  const gate = Math.min(1, title / GATE_AT) * Math.min(1, artist / GATE_AT);
  const isrcMatch =
    recording.isrc !== undefined && track.isrc !== undefined && recording.isrc === track.isrc;
  const penalties = differentRecordingPenalties(song, track);
  let confidence = mean * gate;
  if (isrcMatch) confidence = Math.max(confidence, ISRC_FLOOR);
  for (const p of penalties) confidence *= p.multiplier;
  return {
    track,
    confidence: round(Math.min(1, Math.max(0, confidence))),
    factors: factors.map((f) => ({ ...f, value: round(f.value) })),
    gate: round(gate),
    penalties,
    isrcMatch,
  };
}

/** Best first; ties by release-year closeness, then id. */
export function rankTracks(
  song: Song,
  recording: Recording,
  tracks: SpotifyTrack[],
): ScoredTrack[] {
  const year = recording.year ?? song.year;
  const distance = (t: SpotifyTrack) =>
    t.releaseYear === undefined ? Number.POSITIVE_INFINITY : Math.abs(t.releaseYear - year);
  return tracks
    .map((t) => scoreTrack(song, recording, t))
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        distance(a.track) - distance(b.track) ||
        (a.track.id < b.track.id ? -1 : a.track.id > b.track.id ? 1 : 0),
    );
}

/** "Нежность (Remastered 2004)" → "Нежность"; "Song - Live at X" → "Song". */
export function coreTitle(title: string): string {
  return title
    .replace(/\s*[([{][^)\]}]*[)\]}]/g, " ")
    .replace(/\s+[-–—]\s+.*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function titleSimilarity(song: Song, candidate: string): number {
  const ours = [song.title, song.titleLatin, song.titleEnglish].filter(
    (t): t is string => t !== undefined,
  );
  const theirs = [candidate, coreTitle(candidate)];
  let best = 0;
  for (const a of ours)
    for (const b of theirs) best = Math.max(best, ratio(latinKey(a), latinKey(b)));
  return best;
}

function artistSimilarity(recording: Recording, artists: string[]): number {
  const ours = recording.performers.flatMap((p) =>
    p.nameLatin ? [p.name, p.nameLatin] : [p.name],
  );
  let best = 0;
  for (const a of ours) for (const b of artists) best = Math.max(best, nameSimilarity(a, b));
  return best;
}

/** Whole-name similarity, or 0.8 when the surname (our last word) matches one of theirs. */
export function nameSimilarity(ours: string, theirs: string): number {
  const a = latinKey(ours);
  const b = latinKey(theirs);
  const whole = ratio(a, b);
  const surname = a.split(" ").at(-1) ?? "";
  const surnameHit =
    surname.length >= 4 && b.split(" ").some((word) => ratio(surname, word) >= 0.85) ? 0.8 : 0;
  return Math.max(whole, surnameHit);
}

function yearFit(recorded: number, released: number | undefined): number | undefined {
  if (released === undefined) return undefined;
  if (released < recorded - 1) return 0.2;
  if (released <= recorded + 2) return 1;
  return Math.max(0.6, 1 - (released - recorded - 2) * 0.01);
}

function durationFit(ourSec: number | undefined, theirMs: number | undefined): number | undefined {
  if (ourSec === undefined || theirMs === undefined) return undefined;
  const diff = Math.abs(ourSec - theirMs / 1000);
  return diff <= 5 ? 1 : diff <= 15 ? 0.7 : diff <= 30 ? 0.4 : 0.1;
}

function differentRecordingPenalties(song: Song, track: SpotifyTrack): Penalty[] {
  const theirs = [track.name, track.albumName ?? "", ...track.artists].join(" · ");
  const ours = [song.title, song.titleLatin, song.titleEnglish ?? ""].join(" · ");
  const hasLyrics = song.language !== "zxx" && song.lyricists.length > 0;
  return MARKERS.filter(
    (m) => (!m.lyricsOnly || hasLyrics) && m.pattern.test(theirs) && !m.pattern.test(ours),
  ).map((m) => ({ name: m.name, multiplier: m.multiplier }));
}

/** 1 − normalised Levenshtein distance. */
export function ratio(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
