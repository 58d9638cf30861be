/**
 * Writes the catalogue back in the data/ format: vocabulary.json, songs/<id>.json, films/<id>.json.
 * Keys come in schema order and files are formatted the same way every time (2-space JSON, final
 * newline), so a git diff of an export shows exactly what editors changed. Songs and films that no
 * longer exist (deleted) have their files removed.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  FilmSchema,
  FilmSceneSchema,
  MoodSchema,
  PersonSchema,
  RecordingSchema,
  SongSchema,
  ThemeSchema,
  type Film,
  type Mood,
  type Song,
  type Theme,
} from "../domain/index.js";

type Order = { keys: string[]; nested?: Record<string, Order> };

const PERSON: Order = { keys: Object.keys(PersonSchema.shape) };
const RECORDING: Order = {
  keys: Object.keys(RecordingSchema.shape),
  nested: { performers: PERSON },
};
const SONG: Order = {
  keys: Object.keys(SongSchema.shape),
  nested: { composers: PERSON, lyricists: PERSON, recordings: RECORDING },
};
const THEME: Order = { keys: Object.keys(ThemeSchema.shape) };
const MOOD: Order = { keys: Object.keys(MoodSchema.shape) };
const FILM: Order = {
  keys: Object.keys(FilmSchema.shape),
  nested: { scenes: { keys: Object.keys(FilmSceneSchema.shape) } },
};

/** The same value with object keys in the schema's order (unknown keys after, alphabetically). */
export function canonical(value: unknown, order?: Order): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, order));
  if (typeof value !== "object" || value === null) return value;
  const obj = value as Record<string, unknown>;
  const known = order?.keys ?? [];
  const keys = [
    ...known.filter((k) => k in obj),
    ...Object.keys(obj)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = canonical(obj[k], order?.nested?.[k]);
  return out;
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

export const formatSong = (song: Song) => formatJson(canonical(song, SONG));
export const formatFilm = (film: Film) => formatJson(canonical(film, FILM));
export const formatVocabulary = (themes: Theme[], moods: Mood[]) =>
  formatJson({
    themes: themes.map((t) => canonical(t, THEME)),
    moods: moods.map((m) => canonical(m, MOOD)),
  });

export interface ExportSummary {
  written: number;
  unchanged: number;
  removed: number;
}

/** Writes only files whose content changes, and removes files of entries that no longer exist. */
export function exportCatalogue(
  dir: string,
  content: { themes: Theme[]; moods: Mood[]; songs: Song[]; films: Film[] },
): ExportSummary {
  const summary: ExportSummary = { written: 0, unchanged: 0, removed: 0 };
  const put = (file: string, text: string) => {
    if (existsSync(file) && readFileSync(file, "utf8") === text) summary.unchanged++;
    else {
      writeFileSync(file, text);
      summary.written++;
    }
  };
  const sync = (sub: string, entries: { id: string; text: string }[]) => {
    const folder = path.join(dir, sub);
    mkdirSync(folder, { recursive: true });
    const keep = new Set(entries.map((e) => `${e.id}.json`));
    for (const e of entries) put(path.join(folder, `${e.id}.json`), e.text);
    for (const f of readdirSync(folder)) {
      if (f.endsWith(".json") && !keep.has(f)) {
        rmSync(path.join(folder, f));
        summary.removed++;
      }
    }
  };
  mkdirSync(dir, { recursive: true });
  put(path.join(dir, "vocabulary.json"), formatVocabulary(content.themes, content.moods));
  sync(
    "songs",
    content.songs.map((s) => ({ id: s.id, text: formatSong(s) })),
  );
  sync(
    "films",
    content.films.filter((f) => f.id).map((f) => ({ id: f.id as string, text: formatFilm(f) })),
  );
  return summary;
}
