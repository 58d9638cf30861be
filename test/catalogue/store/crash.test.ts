/**
 * A process killed with SIGKILL in the middle of a 10,000-row import leaves the store exactly as
 * before or exactly as after, and the service starts cleanly on it.
 */
import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SqliteStore } from "../../../src/catalogue/store/sqlite-store.js";
import { PROJECT_ROOT, loadConfig } from "../../../src/config.js";
import { openStore } from "../../../src/container.js";
import { startServer } from "../../../src/server.js";
import { DATA_DIR } from "../../helpers/fixtures.js";
import { newSong } from "../../helpers/editable.js";

const ROWS = 10_000;

/** `soundtrack --db DB import FILE` in its own process (so it can be killed). */
function importInChild(db: string, file: string): ChildProcess {
  const cli = path.join(PROJECT_ROOT, "src", "cli", "main.ts");
  return spawn(process.execPath, ["--import", "tsx", cli, "--db", db, "import", file], {
    cwd: PROJECT_ROOT,
    stdio: "ignore",
  });
}

function countSongs(file: string): number {
  const store = SqliteStore.open(file, () => {
    throw new Error("must not seed again");
  });
  try {
    return store.list("song").length;
  } finally {
    store.close();
  }
}

describe("crash safety of a bulk import", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), "soundtrack-crash-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("SIGKILL during a 10,000-row import leaves all or nothing, and the service starts", async () => {
    const db = path.join(dir, "catalogue.db");
    openStore({ dataDir: DATA_DIR, dbPath: db }).close();
    const before = countSongs(db);
    const file = path.join(dir, "big.json");
    const themes = ["waiting", "love", "space", "war", "sea", "road"];
    writeFileSync(
      file,
      JSON.stringify(
        Array.from({ length: ROWS }, (_, i) =>
          newSong(`bulk-${i}`, {
            title: `Bulk ${i}`,
            titleLatin: `Bulk ${i}`,
            themes: [themes[i % themes.length]],
            notes: "x".repeat(400),
          }),
        ),
      ),
    );

    const child = importInChild(db, file);
    // Kill once the transaction is writing: the WAL grows past its size after seeding.
    const wal = `${db}-wal`;
    const walBefore = existsSync(wal) ? statSync(wal).size : 0;
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    let killedMidway = false;
    for (let i = 0; i < 6000; i++) {
      if (child.exitCode !== null) break;
      if (existsSync(wal) && statSync(wal).size > walBefore + 256 * 1024) {
        child.kill("SIGKILL");
        killedMidway = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const outcome = await exited;
    expect(killedMidway, "the import should still have been writing when killed").to.equal(true);
    expect(outcome.signal).to.equal("SIGKILL");

    const after = countSongs(db);
    expect([before, before + ROWS]).to.include(after);

    const { server, url } = await startServer({
      ...loadConfig({}),
      port: 0,
      host: "127.0.0.1",
      dataDir: DATA_DIR,
      dbPath: db,
    });
    try {
      const health = await (await fetch(`${url}/health`)).json();
      expect(health.songs).to.equal(after);
      const ok = await fetch(`${url}/v1/suggestions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ year: 1965, themes: ["waiting"] }),
      });
      expect(ok.status).to.equal(200);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }

    // Run undisturbed (if the kill came before the commit), the same import lands completely.
    if (after === before) {
      const done = importInChild(db, file);
      const code = await new Promise<number | null>((resolve) => done.once("exit", resolve));
      expect(code).to.equal(0);
      expect(countSongs(db)).to.equal(before + ROWS);
    }
  });
});
