/**
 * Keeps the in-memory Catalogue (indexes and all) in step with the store: before a request reads
 * it, the store's revision is compared with the one the catalogue was built from, and a changed
 * store (an edit by this process, or by the CLI in another one) is reloaded first. So every request
 * that starts after a commit sees that commit.
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

export class LiveCatalogue {
  private catalogue: Catalogue;
  private builtAt: number;

  constructor(readonly store: CatalogueStore) {
    this.builtAt = store.revision();
    this.catalogue = catalogueFromStore(store);
  }

  current(): Catalogue {
    const revision = this.store.revision();
    if (revision !== this.builtAt) {
      this.catalogue = catalogueFromStore(this.store);
      this.builtAt = revision;
    }
    return this.catalogue;
  }
}
