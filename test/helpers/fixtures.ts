/**
 * Synthetic songs for unit tests (clearly fictional: "Test" titles, example.org sources), built on
 * the real vocabulary so the tests exercise the same terms as the catalogue.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  SongSchema,
  VocabularySchema,
  type Song,
  type SongInput,
  type Vocabulary,
} from "../../src/domain/index.js";
import { PROJECT_ROOT } from "../../src/config.js";

export const DATA_DIR = path.join(PROJECT_ROOT, "data");

let vocab: Vocabulary | null = null;
export function realVocabulary(): Vocabulary {
  vocab ??= VocabularySchema.parse(
    JSON.parse(readFileSync(path.join(DATA_DIR, "vocabulary.json"), "utf8")),
  );
  return vocab;
}

export interface FakeSong {
  id: string;
  year: number;
  themes?: string[];
  moods?: string[];
  performer?: string;
  performerLatin?: string;
  country?: string;
  language?: string;
  recordings?: { id?: string; year?: number; performer?: string; bestKnown?: boolean }[];
  title?: string;
  notes?: string;
}

export function fakeSong(f: FakeSong): Song {
  const performer = f.performer ?? `Performer ${f.id}`;
  const input: SongInput = {
    id: f.id,
    title: f.title ?? `Test ${f.id}`,
    titleLatin: f.title ?? `Test ${f.id}`,
    composers: [{ name: "Test Composer" }],
    lyricists: [],
    year: f.year,
    country: f.country ?? "SU",
    language: f.language ?? "ru",
    themes: f.themes ?? ["love"],
    moods: f.moods ?? ["lyrical"],
    notes: f.notes ?? "",
    sources: ["https://example.org/test"],
    recordings: (f.recordings ?? [{ year: f.year }]).map((r, i) => ({
      id: r.id ?? `${f.id}-rec-${i}`,
      performers: [
        {
          name: r.performer ?? performer,
          ...(f.performerLatin && !r.performer ? { nameLatin: f.performerLatin } : {}),
        },
      ],
      ...(r.year !== undefined ? { year: r.year } : {}),
      ...(r.bestKnown ? { bestKnown: true } : {}),
      sources: ["https://example.org/test"],
    })),
  };
  return SongSchema.parse(input);
}
