import { expect } from "chai";
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SqliteStore } from "../../../src/catalogue/store/sqlite-store.js";
import { DomainError, type Song } from "../../../src/domain/index.js";
import { startServer } from "../../../src/server.js";
import { loadConfig } from "../../../src/config.js";
import { fakeSong, realVocabulary } from "../../helpers/fixtures.js";
import { DATA_DIR } from "../../helpers/fixtures.js";

const seed = () => ({
  songs: [fakeSong({ id: "a", year: 1960 }), fakeSong({ id: "b", year: 1961 })],
  themes: realVocabulary().themes,
  moods: realVocabulary().moods,
  films: [],
});
const meta = { actor: "test" };

describe("SQLite store", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "soundtrack-store-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("creates and seeds a new file once, then uses it as it is", () => {
    const file = path.join(dir, "sub", "c.db");
    let seeded = 0;
    const first = SqliteStore.open(file, () => (seeded++, seed()));
    const a = first.get("song", "a")!;
    first.update("song", "a", { ...(a.doc as Song), notes: "edited" }, a.version, meta);
    first.close();
    const second = SqliteStore.open(file, () => (seeded++, seed()));
    expect(seeded).to.equal(1);
    expect((second.get("song", "a")!.doc as Song).notes).to.equal("edited");
    expect(second.get("song", "a")!.version).to.equal(2);
    expect(
      (second as unknown as { db: Database.Database }).db.pragma("journal_mode", { simple: true }),
    ).to.equal("wal");
    second.close();
  });

  it("refuses a corrupt file with a clear message and leaves it untouched", () => {
    const file = path.join(dir, "corrupt.db");
    const junk = Buffer.from("this is not a database, it is a shopping list\n".repeat(200));
    writeFileSync(file, junk);
    expect(() => SqliteStore.open(file, seed))
      .to.throw(DomainError)
      .that.satisfies(
        (e: DomainError) =>
          e.code === "store_invalid" && /Cannot use .*corrupt\.db.*left untouched/.test(e.message),
      );
    expect(readFileSync(file).equals(junk)).to.equal(true);
  });

  it("makes the service's start-up fail with that message on a corrupt file", async () => {
    const file = path.join(dir, "broken.db");
    writeFileSync(file, "garbage".repeat(1000));
    try {
      await startServer({
        ...loadConfig({}),
        port: 0,
        host: "127.0.0.1",
        dataDir: DATA_DIR,
        dbPath: file,
      });
      expect.fail("start-up should have failed");
    } catch (err) {
      expect(err).to.be.instanceOf(DomainError);
      expect((err as DomainError).code).to.equal("store_invalid");
      expect((err as DomainError).message).to.contain("broken.db");
    }
    expect(readFileSync(file, "utf8")).to.equal("garbage".repeat(1000));
  });

  it("refuses another application's SQLite database and leaves it untouched", () => {
    const file = path.join(dir, "foreign.db");
    const db = new Database(file);
    db.exec(
      "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);",
    );
    db.close();
    const before = readFileSync(file);
    expect(() => SqliteStore.open(file, seed)).to.throw(/another application/);
    expect(readFileSync(file).equals(before)).to.equal(true);
  });

  it("keeps history append-only, even against direct SQL", () => {
    const store = SqliteStore.open(path.join(dir, "h.db"), seed);
    const db = (store as unknown as { db: Database.Database }).db;
    expect(() => db.prepare("DELETE FROM history").run()).to.throw(/append-only/);
    expect(() => db.prepare("UPDATE history SET actor = 'someone else'").run()).to.throw(
      /append-only/,
    );
    store.close();
  });

  it("applies a batch all or nothing", () => {
    const store = SqliteStore.open(path.join(dir, "b.db"), seed);
    const a = store.get("song", "a")!;
    expect(() =>
      store.applyBatch(
        [
          { kind: "song", id: "c", doc: fakeSong({ id: "c", year: 1962 }), expectedVersion: null },
          { kind: "song", id: "a", doc: { ...(a.doc as Song), notes: "x" }, expectedVersion: 99 },
        ],
        meta,
      ),
    ).to.throw(/has changed/);
    expect(store.get("song", "c")).to.equal(null);
    expect(store.get("song", "a")!.version).to.equal(1);
    store.close();
  });

  it("lets a service start on a database another process created and edited", async () => {
    const file = path.join(dir, "svc.db");
    const store = SqliteStore.open(file, seed);
    store.close();
    const { server, url } = await startServer({
      ...loadConfig({}),
      port: 0,
      host: "127.0.0.1",
      dataDir: DATA_DIR,
      dbPath: file,
    });
    try {
      const health = await (await fetch(`${url}/health`)).json();
      expect(health.songs).to.equal(2);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
