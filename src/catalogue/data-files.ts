/**
 * Reads the curated catalogue from data/: vocabulary.json, songs/*.json (one song per file) and
 * films/*.json. Every problem is reported with its file, song and field, and nothing is returned
 * half-loaded: a catalogue with problems is refused as a whole.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import {
  DomainError,
  FilmSchema,
  SongSchema,
  VocabularySchema,
  issuesToDetails,
  type Film,
  type Song,
  type Vocabulary,
} from "../domain/index.js";
import { checkCatalogue, unknownTerms } from "./quality.js";

export interface FileProblem {
  file: string;
  songId?: string;
  path: string;
  problem: string;
}

export interface CatalogueData {
  vocabulary: Vocabulary;
  songs: Song[];
  films: Film[];
}

function readJson(file: string, problems: FileProblem[]): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    problems.push({ file, path: "", problem: `cannot read JSON: ${(err as Error).message}` });
    return undefined;
  }
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Load and check everything; returns the data and the full list of problems (maybe empty). */
export function readCatalogueData(dataDir: string): {
  data: CatalogueData | null;
  problems: FileProblem[];
} {
  const problems: FileProblem[] = [];
  const vocabFile = path.join(dataDir, "vocabulary.json");
  const rawVocab = readJson(vocabFile, problems);
  let vocabulary: Vocabulary | null = null;
  if (rawVocab !== undefined) {
    const parsed = VocabularySchema.safeParse(rawVocab);
    if (parsed.success) vocabulary = parsed.data;
    else problems.push(...issuesToDetails(parsed.error).map((d) => ({ file: vocabFile, ...d })));
  }

  const songs: Song[] = [];
  const fileOf = new Map<string, string>();
  for (const file of jsonFiles(path.join(dataDir, "songs"))) {
    const raw = readJson(file, problems);
    if (raw === undefined) continue;
    const parsed = SongSchema.safeParse(raw);
    const songId =
      typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : undefined;
    if (!parsed.success) {
      problems.push(
        ...issuesToDetails(parsed.error).map((d) => ({
          file,
          ...(songId ? { songId } : {}),
          ...d,
        })),
      );
      continue;
    }
    const expected = `${parsed.data.id}.json`;
    if (path.basename(file) !== expected) {
      problems.push({
        file,
        songId: parsed.data.id,
        path: "id",
        problem: `file should be named ${expected}`,
      });
    }
    songs.push(parsed.data);
    fileOf.set(parsed.data.id, file);
  }
  if (vocabulary) {
    for (const p of checkCatalogue(songs, vocabulary)) {
      problems.push({ file: fileOf.get(p.songId) ?? path.join(dataDir, "songs"), ...p });
    }
  }

  const films: Film[] = [];
  for (const file of jsonFiles(path.join(dataDir, "films"))) {
    const raw = readJson(file, problems);
    if (raw === undefined) continue;
    const parsed = FilmSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesToDetails(parsed.error).map((d) => ({ file, ...d })));
      continue;
    }
    films.push(parsed.data);
    if (vocabulary) {
      // Films use the same vocabulary as songs: the same rule checks each scene's terms.
      parsed.data.scenes.forEach((scene, i) => {
        for (const p of unknownTerms(scene, vocabulary)) {
          problems.push({ file, path: `scenes.${i}.${p.path}`, problem: p.problem });
        }
      });
    }
  }

  if (!vocabulary || problems.length > 0) return { data: null, problems };
  return { data: { vocabulary, songs, films }, problems };
}

export function formatProblem(p: FileProblem): string {
  const where = [p.file, p.songId ? `song "${p.songId}"` : "", p.path].filter(Boolean).join(" · ");
  return `${where}: ${p.problem}`;
}

/** Load or throw a DomainError("catalogue_invalid") listing every problem. */
export function loadCatalogueData(dataDir: string): CatalogueData {
  const { data, problems } = readCatalogueData(dataDir);
  if (!data) {
    throw new DomainError(
      "catalogue_invalid",
      `The catalogue in ${dataDir} has ${problems.length} problem(s):\n${problems.slice(0, 50).map(formatProblem).join("\n")}`,
      problems.map((p) => ({
        path: [p.file, p.songId, p.path].filter(Boolean).join(":"),
        problem: p.problem,
      })),
    );
  }
  return data;
}
