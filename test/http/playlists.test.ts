import { expect } from "chai";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { CUE_SHEET_COLUMNS } from "../../src/exports/cue-sheet-csv.js";
import { listen, realCatalogue, type Running } from "../helpers/server.js";

describe("POST /v1/playlists (real server)", () => {
  let srv: Running;
  before(async () => (srv = await listen()));
  after(() => srv.close());
  const film = (id: string) => realCatalogue().films.find((f) => f.id === id);
  const post = (body: unknown, query = "", headers: Record<string, string> = {}) =>
    fetch(`${srv.url}/v1/playlists${query}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  for (const id of ["vremya-pervykh", "first-man"]) {
    describe(`showcase film ${id}`, () => {
      it("plans as JSON", async () => {
        const res = await post({ film: film(id), perScene: 1, alternates: 3 });
        expect(res.status).to.equal(200);
        const plan = await res.json();
        expect(plan.scenes).to.have.length(film(id)!.scenes.length);
        expect(plan.scenes[0].picks[0]).to.have.keys(
          "song",
          "recording",
          "score",
          "reasons",
          "pinned",
          "listening",
        );
        expect(plan.tracks.length).to.equal(plan.scenes.length);
      });

      it("exports a CSV cue sheet that parses back, Cyrillic intact", async () => {
        const res = await post({ film: film(id) }, "?format=csv");
        expect(res.headers.get("content-type")).to.contain("text/csv");
        expect(res.headers.get("content-disposition")).to.contain(`${id}.csv`);
        const text = await res.text();
        const rows: Record<string, string>[] = parseCsv(text, { columns: true, bom: true });
        expect(Object.keys(rows[0]!)).to.deep.equal([...CUE_SHEET_COLUMNS]);
        expect(rows).to.have.length(film(id)!.scenes.length);
        expect(rows.map((r) => r.scene)).to.deep.equal(film(id)!.scenes.map((s) => s.id));
        for (const r of rows) {
          expect(r.title).to.not.equal("");
          expect(r.performers).to.not.equal("");
          expect(r.reasons).to.not.equal("");
        }
        if (id === "vremya-pervykh")
          expect(rows.map((r) => r.original_title)).to.include("Нежность");
      });

      it("exports XSPF that parses as XML with one track per pick", async () => {
        const res = await post({ film: film(id) }, "", { accept: "application/xspf+xml" });
        expect(res.headers.get("content-type")).to.contain("application/xspf+xml");
        const xml = new XMLParser({ ignoreAttributes: false }).parse(await res.text());
        expect(xml.playlist["@_xmlns"]).to.equal("http://xspf.org/ns/0/");
        const tracks = [xml.playlist.trackList.track].flat();
        expect(tracks).to.have.length(film(id)!.scenes.length);
        expect(tracks[0].location).to.match(/^https:\/\//);
        expect(tracks[0].extension.scene["@_id"]).to.equal(film(id)!.scenes[0]!.id);
      });

      it("exports M3U8 with an EXTINF line per track", async () => {
        const res = await post({ film: film(id) }, "?format=m3u8");
        const lines = (await res.text()).trim().split("\n");
        expect(lines[0]).to.equal("#EXTM3U");
        const extinf = lines.filter((l) => l.startsWith("#EXTINF:"));
        expect(extinf).to.have.length(film(id)!.scenes.length);
        const uris = lines.filter((l) => !l.startsWith("#"));
        expect(uris).to.have.length(extinf.length);
        uris.forEach((u) => expect(() => new URL(u)).to.not.throw());
      });
    });
  }

  it("plans a showcase film by id", async () => {
    const res = await fetch(`${srv.url}/v1/films/vremya-pervykh/playlist?format=json`);
    expect(res.status).to.equal(200);
    expect((await res.json()).film.title).to.equal("Время первых");
  });

  it("answers bad films with 4xx naming the scene and field", async () => {
    const res = await post({
      film: {
        title: "T",
        year: 1965,
        scenes: [{ id: "s1", title: "x", pinned: ["trava-u-doma"] }],
      },
    });
    expect(res.status).to.equal(422);
    const body = await res.json();
    expect(body.error.code).to.equal("anachronism");
    expect(body.error.details[0].path).to.equal("film.scenes.0.pinned.0");
    expect(body.error.details[0].problem).to.contain('scene "s1"');
    const dup = await post({
      film: {
        title: "T",
        year: 1965,
        scenes: [
          { id: "a", title: "x" },
          { id: "a", title: "y" },
        ],
      },
    });
    expect(dup.status).to.equal(400);
    expect((await dup.json()).error.details[0].path).to.equal("film.scenes.1.id");
    const many = await post({
      film: {
        title: "T",
        year: 1965,
        scenes: Array.from({ length: 10000 }, (_, i) => ({ id: `s${i}`, title: "x" })),
      },
    });
    expect(many.status).to.equal(400);
    expect((await many.json()).error.details[0].path).to.equal("film.scenes");
    const fmt = await post({ film: film("first-man") }, "?format=docx");
    expect(fmt.status).to.equal(400);
    expect((await fmt.json()).error.details[0].path).to.equal("format");
    expect(srv.logs).to.deep.equal([]);
  });
});
