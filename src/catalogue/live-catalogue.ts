/**
 * Keeps the in-memory Catalogue (indexes and all) in step with the store: before a request reads
 * it, the store's revision is compared with the one the catalogue was built from, and a changed
 * store (an edit by this process, or by the CLI in another one) is loaded first. So every request
 * that starts after a commit sees that commit.
 *
 * Loading is incremental when only songs and films changed: the songs whose version moved are read
 * and patched into the indexes (see Catalogue.withSongChanges). A vocabulary change rebuilds all,
 * since every index depends on it.
 */
import { VocabularySchema, type Film, type Song } from "../domain/index.js";
import { Catalogue } from "./catalogue.js";
import type { CatalogueStore } from "./store/store.js";

export function catalogueFromStore(store: CatalogueStore): Catalogue {
  const vocabulary = VocabularySchema.parse({
    themes: store.list("theme").map((t) => t.doc),
    moods: store.list("mood").map((m) => m.doc),
  });
  return new Catalogue({
    vocabulary,
    songs: store.list("song").map((s) => s.doc as Song),
    films: store.list("film").map((f) => f.doc as Film),
  });
}

const termVersions = (store: CatalogueStore) =>
  JSON.stringify(
    [...store.versions("theme"), ...store.versions("mood")].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  );

export class LiveCatalogue {
  private catalogue: Catalogue;
  private builtAt: number;
  private songVersions: Map<string, number>;
  private terms: string;
  /** How the catalogue was last refreshed (for tests and diagnostics). */
  lastRefresh: "initial" | "incremental" | "full" = "initial";

  constructor(readonly store: CatalogueStore) {
    this.builtAt = store.revision();
    this.catalogue = catalogueFromStore(store);
    this.songVersions = store.versions("song");
    this.terms = termVersions(store);
  }

  current(): Catalogue {
    const revision = this.store.revision();
    if (revision === this.builtAt) return this.catalogue;
    const songs = this.store.versions("song");
    const terms = termVersions(this.store);
    if (terms !== this.terms) {
      this.catalogue = catalogueFromStore(this.store);
      this.lastRefresh = "full";
    } else {
      const changed: Song[] = [];
      for (const [id, version] of songs) {
        if (this.songVersions.get(id) !== version) {
          const stored = this.store.get("song", id);
          if (stored && !stored.deleted) changed.push(stored.doc as Song);
        }
      }
      const removed = [...this.songVersions.keys()].filter((id) => !songs.has(id));
      const films = this.store.list("film").map((f) => f.doc as Film);
      this.catalogue = this.catalogue.withSongChanges(changed, removed, films);
      this.lastRefresh = "incremental";
    }
    this.songVersions = songs;
    this.terms = terms;
    this.builtAt = revision;
    return this.catalogue;
  }
}
