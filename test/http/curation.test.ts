import { expect } from "chai";
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { editableServer, KEYS, newSong, type Editable } from "../helpers/editable.js";

describe("editing the catalogue over HTTP (real server, real database file)", () => {
  let srv: Editable;
  beforeEach(async () => (srv = await editableServer()));
  afterEach(() => srv.close());

  it("reads carry an ETag; a PUT with it updates, bumps the version and is visible to the next suggestion", async () => {
    const read = await srv.req("GET", "/v1/songs/nezhnost", { key: null });
    expect(read.status).to.equal(200);
    expect(read.etag).to.equal('"v1"');
    const scene = { year: 1965, themes: ["sailors"], limit: 100, maxPerPerformer: 100 };
    const themesOf = (answer: any) =>
      answer.json.suggestions
        .find((s: any) => s.song.id === "nezhnost")
        ?.reasons.find((r: any) => r.factor === "themes")?.text ?? "";
    const before = await srv.req("POST", "/v1/suggestions", { key: null, body: scene });
    expect(themesOf(before)).to.not.contain("theme 'sailors' matches the scene");
    const edited = { ...read.json, themes: ["sea", "sailors"] };
    const put = await srv.req("PUT", "/v1/songs/nezhnost?comment=retag%20for%20a%20sea%20film", {
      body: edited,
      ifMatch: read.etag!,
    });
    expect(put.status).to.equal(200);
    expect(put.etag).to.equal('"v2"');
    const after = await srv.req("POST", "/v1/suggestions", { key: null, body: scene });
    expect(themesOf(after)).to.contain("theme 'sailors' matches the scene");
    const search = await srv.req("GET", "/v1/songs?theme=sailors&limit=100", { key: null });
    expect(search.json.items.map((s: any) => s.id)).to.include("nezhnost");
  });

  it("refuses writes without a key (401), with a reader key (403), and without If-Match (428)", async () => {
    const body = newSong("test-auth");
    expect((await srv.req("POST", "/v1/songs", { key: null, body })).status).to.equal(401);
    expect((await srv.req("POST", "/v1/songs", { key: "reader", body })).status).to.equal(403);
    const bad = await srv.req("POST", "/v1/songs", { body, key: null });
    expect(bad.json.error.code).to.equal("unauthorized");
    const wrong = await fetch(`${srv.url}/v1/songs`, {
      method: "POST",
      headers: { authorization: "Bearer not-a-key", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(wrong.status).to.equal(401);
    const noMatch = await srv.req("PATCH", "/v1/songs/nezhnost", { body: { notes: "x" } });
    expect(noMatch.status).to.equal(428);
    expect(noMatch.json.error.details[0].path).to.equal("If-Match");
  });

  it("gives exactly one winner among concurrent edits of the same version; the rest get 412 and change nothing", async () => {
    const read = await srv.req("GET", "/v1/songs/nezhnost");
    const attempts = Array.from({ length: 12 }, (_, i) =>
      srv.req("PATCH", "/v1/songs/nezhnost", {
        key: i % 2 ? "editor" : "editor2",
        body: { notes: `edit number ${i}` },
        ifMatch: read.etag!,
      }),
    );
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r.status === 200);
    expect(winners).to.have.length(1);
    expect(results.filter((r) => r.status === 412)).to.have.length(11);
    const final = await srv.req("GET", "/v1/songs/nezhnost");
    expect(final.etag).to.equal('"v2"');
    const history = await srv.req("GET", "/v1/songs/nezhnost/history");
    const updates = history.json.history.filter((h: any) => h.action === "update");
    expect(updates).to.have.length(1);
    expect(final.json.notes).to.equal(updates[0].changes[0].after);
  });

  it("a stale If-Match gets 412 and loses nothing", async () => {
    const read = await srv.req("GET", "/v1/songs/nezhnost");
    expect(
      (
        await srv.req("PATCH", "/v1/songs/nezhnost", {
          body: { notes: "first" },
          ifMatch: read.etag!,
        })
      ).status,
    ).to.equal(200);
    const stale = await srv.req("PATCH", "/v1/songs/nezhnost", {
      key: "editor2",
      body: { notes: "second" },
      ifMatch: read.etag!,
    });
    expect(stale.status).to.equal(412);
    expect(stale.json.error.message).to.contain("version 2");
    expect((await srv.req("GET", "/v1/songs/nezhnost")).json.notes).to.equal("first");
  });

  it("records who, when, what (field-level) and why", async () => {
    const read = await srv.req("GET", "/v1/songs/nezhnost");
    await srv.req("PATCH", "/v1/songs/nezhnost?comment=more%20precise", {
      body: { moods: ["tender", "longing"] },
      ifMatch: read.etag!,
    });
    const { json } = await srv.req("GET", "/v1/songs/nezhnost/history", { key: null });
    const last = json.history.at(-1);
    expect(last).to.include({
      action: "update",
      actor: "eddie (editor)",
      comment: "more precise",
      version: 2,
    });
    expect(last.changes).to.deep.equal([
      { path: "moods", before: read.json.moods, after: ["tender", "longing"] },
    ]);
    expect(Date.parse(last.at)).to.be.closeTo(Date.now(), 60_000);
  });

  it("validates edits with the read-side rules, naming the field", async () => {
    const noSource = await srv.req("POST", "/v1/songs", {
      body: newSong("test-nosource", { sources: [] }),
    });
    expect(noSource.status).to.equal(400);
    expect(noSource.json.error.details.map((d: any) => d.path)).to.include("sources");
    const term = await srv.req("POST", "/v1/songs", {
      body: newSong("test-term", { moods: ["groovy"] }),
    });
    expect(term.status).to.equal(400);
    expect(term.json.error.details[0]).to.deep.equal({
      path: "moods.0",
      problem: 'unknown mood "groovy" (not in the vocabulary)',
    });
    const idChange = await srv.req("PUT", "/v1/songs/nezhnost", {
      body: newSong("other-id"),
      ifMatch: '"v1"',
    });
    expect(idChange.status).to.equal(400);
    expect(idChange.json.error.details[0].path).to.equal("id");
  });

  it("refuses a duplicate across scripts and spellings with 409 naming the song, unless an admin forces it", async () => {
    const dup = newSong("nezhnost-again", {
      title: "Nezhnost",
      titleLatin: "Nezhnost",
      recordings: [
        {
          id: "nezhnost-again-rec",
          performers: [{ name: "Maya Kristalinskaja" }],
          year: 1965,
          sources: ["https://example.org/test"],
        },
      ],
    });
    const refused = await srv.req("POST", "/v1/songs", { body: dup });
    expect(refused.status).to.equal(409);
    expect(refused.json.error.code).to.equal("duplicate");
    expect(refused.json.error.message).to.contain('"nezhnost"');
    expect((await srv.req("POST", "/v1/songs?force=true", { body: dup })).status).to.equal(403);
    expect(
      (await srv.req("POST", "/v1/songs?force=true", { key: "admin", body: dup })).status,
    ).to.equal(201);
  });

  it("creates, soft-deletes and (as admin) restores a song", async () => {
    const created = await srv.req("POST", "/v1/songs", { body: newSong("test-life") });
    expect(created.status).to.equal(201);
    expect(created.etag).to.equal('"v1"');
    const del = await srv.req("DELETE", "/v1/songs/test-life", { ifMatch: created.etag! });
    expect(del.status).to.equal(200);
    expect((await srv.req("GET", "/v1/songs/test-life")).status).to.equal(404);
    expect(
      (await srv.req("GET", "/v1/songs?q=test-life")).json.items.map((s: any) => s.id),
    ).to.not.include("test-life");
    expect((await srv.req("POST", "/v1/songs/test-life/restore")).status).to.equal(403);
    const restored = await srv.req("POST", "/v1/songs/test-life/restore", { key: "admin" });
    expect(restored.status).to.equal(200);
    expect((await srv.req("GET", "/v1/songs/test-life")).json.title).to.equal(
      "Test song test-life",
    );
  });

  it("lets only admins edit the vocabulary, and refuses to delete a term in use", async () => {
    const theme = {
      id: "rescue",
      parent: "danger",
      related: ["landing"],
      label: { en: "rescue", ru: "спасение" },
      synonyms: { en: ["rescue", "rescuers"], ru: ["спасатели", "спасение"] },
    };
    expect((await srv.req("POST", "/v1/vocabulary/themes", { body: theme })).status).to.equal(403);
    const made = await srv.req("POST", "/v1/vocabulary/themes", { key: "admin", body: theme });
    expect(made.status).to.equal(201);
    const analysed = await srv.req("POST", "/v1/suggestions", {
      key: null,
      body: { description: "спасатели идут по тайге" },
    });
    expect(analysed.json.interpreted.themes.map((t: any) => t.id)).to.include("rescue");
    const bad = await srv.req("POST", "/v1/vocabulary/themes", {
      key: "admin",
      body: { ...theme, id: "orphan", parent: "nothing" },
    });
    expect(bad.status).to.equal(400);
    expect(bad.json.error.details[0].path).to.equal("parent");
    const mood = await srv.req("GET", "/v1/vocabulary/moods/tender");
    const inUse = await srv.req("DELETE", "/v1/vocabulary/moods/tender", {
      key: "admin",
      ifMatch: mood.etag!,
    });
    expect(inUse.status).to.equal(409);
    expect(inUse.json.error.details[0].problem).to.match(/song ".*" uses mood "tender"/);
  });

  it("edits films with history", async () => {
    const film = await srv.req("GET", "/v1/films/first-man");
    const patched = await srv.req("PATCH", "/v1/films/first-man?comment=retitle", {
      body: { titleEnglish: "First Man (2018)" },
      ifMatch: film.etag!,
    });
    expect(patched.status).to.equal(200);
    const history = await srv.req("GET", "/v1/films/first-man/history");
    expect(history.json.history.at(-1).changes).to.deep.equal([
      { path: "titleEnglish", after: "First Man (2018)" },
    ]);
    const bad = await srv.req("POST", "/v1/films", {
      body: {
        id: "x-film",
        title: "X",
        year: 1965,
        scenes: [{ id: "s1", title: "S", pinned: ["no-such-song"] }],
      },
    });
    expect(bad.status).to.equal(400);
    expect(bad.json.error.details[0].path).to.equal("scenes.0.pinned.0");
  });

  it("bulk import: a dry run reports per row and changes nothing; a real import is all or nothing", async () => {
    const current = (await srv.req("GET", "/v1/songs/nezhnost")).json;
    const rows = [
      newSong("imp-a"),
      { ...current },
      { ...current, notes: "Changed by import." },
      newSong("imp-bad", { moods: ["groovy"] }),
    ];
    rows.splice(1, 1, { ...(await srv.req("GET", "/v1/songs/dva-berega")).json });
    const dry = await srv.req("POST", "/v1/import?dryRun=true", { body: rows });
    expect(dry.status).to.equal(200);
    expect(dry.json.rows.map((r: any) => r.status)).to.deep.equal([
      "created",
      "unchanged",
      "updated",
      "rejected",
    ]);
    expect(dry.json.rows[3].problems[0].path).to.equal("moods.0");
    expect((await srv.req("GET", "/v1/songs/imp-a")).status).to.equal(404);
    const real = await srv.req("POST", "/v1/import", { body: rows });
    expect(real.status).to.equal(400);
    expect(real.json.error.details[0].path).to.equal("rows.4.moods.0");
    expect((await srv.req("GET", "/v1/songs/imp-a")).status).to.equal(404);
    expect((await srv.req("GET", "/v1/songs/nezhnost")).json.notes).to.equal(current.notes);
    const good = await srv.req("POST", "/v1/import?comment=batch", { body: rows.slice(0, 3) });
    expect(good.status).to.equal(201);
    expect(good.json.counts).to.deep.equal({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect((await srv.req("GET", "/v1/songs/imp-a")).status).to.equal(200);
    expect((await srv.req("GET", "/v1/songs/nezhnost")).json.notes).to.equal("Changed by import.");
  });

  it("imports CSV", async () => {
    const csv = [
      "id,title,titleLatin,year,country,language,composers,lyricists,themes,moods,notes,sources,recordingId,performers,recordingYear",
      'csv-song,Тестовая песня,Testovaya pesnya,1963,SU,ru,Композитор Тест / Kompozitor Test,,waiting|love,tender,"A test, with a comma",https://example.org/csv,csv-song-1963,Певица Тест / Pevitsa Test,1963',
    ].join("\n");
    const res = await srv.req("POST", "/v1/import", { body: csv, type: "text/csv" });
    expect(res.status).to.equal(201);
    const song = (await srv.req("GET", "/v1/songs/csv-song")).json;
    expect(song.recordings[0].performers[0]).to.deep.equal({
      name: "Певица Тест",
      nameLatin: "Pevitsa Test",
    });
    expect(song.notes).to.equal("A test, with a comma");
  });

  it("admins create keys over HTTP; only the hash is stored", async () => {
    expect(
      (await srv.req("POST", "/v1/keys", { body: { role: "editor", name: "new" } })).status,
    ).to.equal(403);
    const made = await srv.req("POST", "/v1/keys", {
      key: "admin",
      body: { role: "editor", name: "new" },
    });
    expect(made.status).to.equal(201);
    const key = made.json.key as string;
    const res = await fetch(`${srv.url}/v1/songs`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(newSong("by-new-key")),
    });
    expect(res.status).to.equal(201);
    const raw = readFileSync(srv.dbPath);
    expect(raw.includes(Buffer.from(key))).to.equal(false);
    const db = new Database(srv.dbPath, { readonly: true });
    try {
      const rows = db.prepare("SELECT hash FROM api_keys").all() as { hash: string }[];
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).to.equal(true);
    } finally {
      db.close();
    }
    const list = await srv.req("GET", "/v1/keys", { key: "admin" });
    expect(JSON.stringify(list.json)).to.not.contain(key);
    expect(JSON.stringify(list.json)).to.not.contain(KEYS.editor);
    expect(srv.logs).to.deep.equal([]);
  });
});

describe("reads that require a key", () => {
  let srv: Editable;
  before(async () => (srv = await editableServer({ readsNeedKey: true })));
  after(() => srv.close());
  it("answers 401 to anonymous reads and serves a reader", async () => {
    expect((await srv.req("GET", "/v1/songs/nezhnost", { key: null })).status).to.equal(401);
    expect(
      (await srv.req("POST", "/v1/suggestions", { key: null, body: { year: 1965 } })).status,
    ).to.equal(401);
    expect((await srv.req("GET", "/v1/songs/nezhnost", { key: "reader" })).status).to.equal(200);
    expect((await srv.req("GET", "/health", { key: null })).status).to.equal(200);
  });
});
