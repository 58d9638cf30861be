/** Reading the catalogue: search with filters, one song by id, the vocabulary. */
import {
  SongSearchSchema,
  notFound,
  parseOrThrow,
  type Song,
  type SongPage,
} from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { checkTerms } from "./suggest.js";

export function searchSongs(catalogue: Catalogue, query: unknown): SongPage<Song> {
  const params = parseOrThrow(SongSearchSchema, query, "search");
  checkTerms(catalogue, params.theme ? [params.theme] : [], params.mood ? [params.mood] : []);
  return catalogue.search(params);
}

export function getSong(catalogue: Catalogue, id: string): Song {
  const song = catalogue.get(id);
  if (!song) throw notFound("song", id);
  return song;
}
