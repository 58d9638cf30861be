/** Reading the catalogue: search with filters, one song by id, the vocabulary. */
import {
  SongSearchSchema,
  notFound,
  parseOrThrow,
  type Song,
  type SongPage,
} from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { refuseUnknownTerms, termProblems } from "./terms.js";

export function searchSongs(catalogue: Catalogue, query: unknown): SongPage<Song> {
  const params = parseOrThrow(SongSearchSchema, query, "search");
  const single = (kind: "themes" | "moods") => (kind === "themes" ? "theme" : "mood");
  refuseUnknownTerms(
    termProblems(
      catalogue,
      params.theme ? [params.theme] : [],
      params.mood ? [params.mood] : [],
      single,
    ),
  );
  return catalogue.search(params);
}

export function getSong(catalogue: Catalogue, id: string): Song {
  const song = catalogue.get(id);
  if (!song) throw notFound("song", id);
  return song;
}
