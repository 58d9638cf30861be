/**
 * Songs as CSV, for bulk import from spreadsheets. One row per recording; rows with the same song id
 * add recordings to that song (its song-level cells are taken from the first row).
 *
 * Columns: id, title, titleLatin, titleEnglish, year, country, language, composers, lyricists,
 * themes, moods, notes, sources, recordingId, performers, recordingYear, recordingSources, bestKnown.
 * Lists are separated by "|"; a person is "Name" or "Name / Latin name".
 * Cells are turned into the song's JSON shape here; whether it is a valid song is decided by the
 * same schema and rules as every other write.
 */
import { parse } from "csv-parse/sync";
import { DomainError } from "../domain/index.js";

export const SONG_CSV_COLUMNS = [
  "id",
  "title",
  "titleLatin",
  "titleEnglish",
  "year",
  "country",
  "language",
  "composers",
  "lyricists",
  "themes",
  "moods",
  "notes",
  "sources",
  "recordingId",
  "performers",
  "recordingYear",
  "recordingSources",
  "bestKnown",
] as const;

const list = (cell: string | undefined) =>
  (cell ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
const person = (text: string) => {
  const [name, latin] = text.split(" / ").map((s) => s.trim());
  return latin ? { name, nameLatin: latin } : { name };
};
const num = (cell: string | undefined) =>
  cell && /^\d+$/.test(cell.trim()) ? Number(cell) : cell?.trim() ? cell : undefined;

export function songsFromCsv(text: string): unknown[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    throw new DomainError("invalid_input", `The CSV cannot be read: ${(err as Error).message}`, [
      { path: "", problem: "malformed CSV" },
    ]);
  }
  const missing = ["id", "title"].filter(
    (c) => records.length > 0 && !(c in (records[0] as object)),
  );
  if (missing.length > 0)
    throw new DomainError(
      "invalid_input",
      `The CSV lacks columns ${missing.join(", ")}`,
      missing.map((c) => ({ path: c, problem: "missing column" })),
    );
  const songs = new Map<string, Record<string, unknown>>();
  const order: Record<string, unknown>[] = [];
  for (const r of records) {
    const recording: Record<string, unknown> = {
      id: r.recordingId,
      performers: list(r.performers).map(person),
      ...(num(r.recordingYear) !== undefined ? { year: num(r.recordingYear) } : {}),
      sources: list(r.recordingSources).length > 0 ? list(r.recordingSources) : list(r.sources),
      ...(r.bestKnown?.toLowerCase() === "true" ? { bestKnown: true } : {}),
    };
    const existing = r.id ? songs.get(r.id) : undefined;
    if (existing) {
      (existing.recordings as unknown[]).push(recording);
      continue;
    }
    const song: Record<string, unknown> = {
      id: r.id,
      title: r.title,
      titleLatin: r.titleLatin,
      ...(r.titleEnglish ? { titleEnglish: r.titleEnglish } : {}),
      composers: list(r.composers).map(person),
      lyricists: list(r.lyricists).map(person),
      year: num(r.year),
      country: r.country,
      language: r.language,
      themes: list(r.themes),
      moods: list(r.moods),
      notes: r.notes ?? "",
      sources: list(r.sources),
      recordings: [recording],
    };
    if (r.id) songs.set(r.id, song);
    order.push(song);
  }
  return order;
}
