import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main.js";
import { newSong } from "../helpers/editable.js";

describe("soundtrack editing commands (real database file)", () => {
  let dir: string;
  let db: string;
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCli(["--db", db, ...args], (s) => lines.push(s));
    return { code, out: lines.join("\n") };
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "soundtrack-cli-db-"));
    db = path.join(dir, "c.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("adds, edits, removes and shows the history of a song", async () => {
    const file = path.join(dir, "song.json");
    writeFileSync(file, JSON.stringify(newSong("cli-song")));
    expect((await run("songs", "add", file, "--comment", "new entry")).out).to.contain(
      "added cli-song (version 1)",
    );
    expect(
      (
        await run(
          "songs",
          "edit",
          "cli-song",
          "--set",
          "year=1963",
          "--set",
          'moods=["tender","longing"]',
          "--comment",
          "fix",
        )
      ).code,
    ).to.equal(0);
    const history = await run("songs", "history", "cli-song", "--json");
    const entries = JSON.parse(history.out);
    expect(entries.map((e: any) => e.action)).to.deep.equal(["create", "update"]);
    expect(entries[1].changes.map((c: any) => c.path)).to.deep.equal(["moods", "year"]);
    expect(entries[1].comment).to.equal("fix");
    expect(entries[1].actor).to.match(/^cli:/);
    expect((await run("songs", "rm", "cli-song")).code).to.equal(0);
    expect((await run("search", "cli-song", "--json")).out).to.not.contain('"cli-song"');
    expect((await run("songs", "restore", "cli-song")).code).to.equal(0);
  });

  it("refuses an invalid edit with the field named, changing nothing", async () => {
    const res = await run("songs", "edit", "nezhnost", "--set", "year=1850");
    expect(res.code).to.equal(2);
    expect(res.out).to.contain("year");
    const history = JSON.parse((await run("songs", "history", "nezhnost", "--json")).out);
    expect(history).to.have.length(1);
  });

  it("imports JSON with a dry run first, and exports back to data/ format with stable output", async () => {
    const file = path.join(dir, "batch.json");
    writeFileSync(file, JSON.stringify([newSong("batch-1"), newSong("batch-2")]));
    const dry = await run("import", file, "--dry-run");
    expect(dry.out).to.contain("dry run, nothing written: 2 created");
    expect((await run("import", file)).out).to.contain("2 created");
    const out = path.join(dir, "export");
    expect((await run("export", "--to", out)).code).to.equal(0);
    expect(readdirSync(path.join(out, "songs"))).to.include("batch-1.json");
    const again = await run("export", "--to", out);
    expect(again.out).to.match(/0 written, \d+ unchanged, 0 removed/);
    const exported = JSON.parse(readFileSync(path.join(out, "songs", "batch-1.json"), "utf8"));
    expect(Object.keys(exported).slice(0, 3)).to.deep.equal(["id", "title", "titleLatin"]);
  });

  it("exports the seed unchanged: data/ is already in export format", async () => {
    const out = path.join(dir, "export");
    await run("export", "--to", out);
    const repoSongs = path.join(path.dirname(path.dirname(import.meta.dirname)), "data", "songs");
    for (const f of readdirSync(repoSongs).slice(0, 50)) {
      expect(readFileSync(path.join(out, "songs", f), "utf8"), f).to.equal(
        readFileSync(path.join(repoSongs, f), "utf8"),
      );
    }
  });

  it("creates an API key that is printed once and stored hashed", async () => {
    const res = await run("keys", "create", "--role", "editor", "--name", "alice");
    const key = res.out.split("\n")[0]!;
    expect(key).to.match(/^stk_[A-Za-z0-9_-]{43}$/);
    const list = await run("keys", "list");
    expect(list.out).to.contain("alice");
    expect(list.out).to.not.contain(key);
    expect(readFileSync(db).includes(Buffer.from(key))).to.equal(false);
    expect((await run("keys", "create", "--role", "boss")).code).to.equal(2);
  });
});
