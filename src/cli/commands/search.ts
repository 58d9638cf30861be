/** `soundtrack search <query>`: catalogue search as a table or JSON. */
import type { Catalogue } from "../../catalogue/catalogue.js";
import { searchSongs } from "../../services/songs.js";
import { songRow } from "../format.js";
import { table } from "../table.js";

export interface SearchOptions {
  decade?: string;
  country?: string;
  theme?: string;
  mood?: string;
  limit?: string;
  json?: boolean;
}

export function searchCommand(
  catalogue: Catalogue,
  query: string | undefined,
  opts: SearchOptions,
  out: (s: string) => void,
): number {
  const params: Record<string, string> = {};
  if (query) params.q = query;
  for (const key of ["decade", "country", "theme", "mood", "limit"] as const) {
    const v = opts[key];
    if (v !== undefined) params[key] = v;
  }
  const page = searchSongs(catalogue, params);
  if (opts.json) {
    out(JSON.stringify(page, null, 2));
    return 0;
  }
  if (page.items.length === 0) {
    out("No songs found.");
    return 0;
  }
  out(table(["id", "title", "year", "country", "performer", "composer"], page.items.map(songRow)));
  out(`\n${page.items.length} of ${page.total} shown`);
  return 0;
}
