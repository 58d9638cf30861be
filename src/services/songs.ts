/** Reading the catalogue: search with filters, one song by id, the vocabulary. */
import {
  DomainError,
  SongSearchSchema,
  notFound,
  type IssueDetail,
  parseOrThrow,
  type Song,
  type SongPage,
} from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";

export function searchSongs(catalogue: Catalogue, query: unknown): SongPage<Song> {
  const params = parseOrThrow(SongSearchSchema, query, "search");
  const details: IssueDetail[] = [];
  if (params.theme && !catalogue.hasTheme(params.theme))
    details.push({
      path: "theme",
      problem: `unknown theme "${params.theme}"; see GET /v1/vocabulary`,
    });
  if (params.mood && !catalogue.hasMood(params.mood))
    details.push({
      path: "mood",
      problem: `unknown mood "${params.mood}"; see GET /v1/vocabulary`,
    });
  if (details.length > 0)
    throw new DomainError(
      "unknown_term",
      `Unknown vocabulary term (${details[0]?.path}: ${details[0]?.problem})`,
      details,
    );
  return catalogue.search(params);
}

export function getSong(catalogue: Catalogue, id: string): Song {
  const song = catalogue.get(id);
  if (!song) throw notFound("song", id);
  return song;
}
