import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LiveCatalogue, catalogueFromStore } from "../../src/catalogue/live-catalogue.js";
import type { CatalogueStore } from "../../src/catalogue/store/store.js";
import { openStore } from "../../src/container.js";
import { SongSearchSchema, type Song, type Theme } from "../../src/domain/index.js";
import { suggest } from "../../src/services/suggest.js";
import { DATA_DIR } from "../helpers/fixtures.js";
import { newSong } from "../helpers/editable.js";

describe("live catalogue", () => {
  let dir: string;
  let store: CatalogueStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "soundtrack-live-"));
    store = openStore({ dataDir: DATA_DIR, dbPath: path.join(dir, "c.db") });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const meta = { actor: "test" };
  const ids = (c: ReturnType<LiveCatalogue["current"]>, q: string) =>
    c.search(SongSearchSchema.parse({ q, limit: "100" })).items.map((s) => s.id);

  it("patches song edits into the indexes, with the same answers as a full rebuild", () => {
    const live = new LiveCatalogue(store);
    const before = live.current();
    const n = store.get("song", "nezhnost")!;
    store.update(
      "song",
      "nezhnost",
      { ...(n.doc as Song), title: "Нежность (Опустела без тебя земля)", themes: ["sea"] },
      n.version,
      meta,
    );
    store.create(
      "song",
      "live-new",
      newSong("live-new", { title: "Морская тестовая" }) as unknown as Song,
      meta,
    );
    const d = store.get("song", "dva-berega")!;
    store.remove("song", "dva-berega", d.version, meta);

    const after = live.current();
    expect(live.lastRefresh).to.equal("incremental");
    expect(after).to.not.equal(before);
    expect(after.index).to.equal(before.index);
    const full = catalogueFromStore(store);
    for (const q of ["опустела", "морская", "Два берега", "Kristalinskaya"])
      expect(ids(after, q), q).to.deep.equal(ids(full, q));
    expect(after.get("dva-berega")).to.equal(null);
    const scene = { year: 1965, themes: ["sea"], limit: 20 };
    expect(suggest(after, scene, { cache: false })).to.deep.equal(
      suggest(full, scene, { cache: false }),
    );
  });

  it("rebuilds everything when the vocabulary changes", () => {
    const live = new LiveCatalogue(store);
    const before = live.current();
    const theme: Theme = {
      id: "rescue",
      parent: "danger",
      related: [],
      label: { en: "rescue", ru: "спасение" },
      synonyms: { en: ["rescue"], ru: ["спасатели"] },
    };
    store.create("theme", "rescue", theme, meta);
    const after = live.current();
    expect(live.lastRefresh).to.equal("full");
    expect(after.index).to.not.equal(before.index);
    expect(after.hasTheme("rescue")).to.equal(true);
  });

  it("does nothing when nothing was committed", () => {
    const live = new LiveCatalogue(store);
    expect(live.current()).to.equal(live.current());
    expect(live.lastRefresh).to.equal("initial");
  });
});
