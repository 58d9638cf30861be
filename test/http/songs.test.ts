import { expect } from "chai";
import { getJson, listen, type Running } from "../helpers/server.js";

describe("songs, vocabulary and meta endpoints (real server)", () => {
  let srv: Running;
  before(async () => (srv = await listen()));
  after(() => srv.close());

  it("searches script-agnostically", async () => {
    const lat = await getJson(`${srv.url}/v1/songs?q=Kristalinskaya&limit=100`);
    const cyr = await getJson(
      `${srv.url}/v1/songs?q=${encodeURIComponent("Кристалинская")}&limit=100`,
    );
    expect(lat.status).to.equal(200);
    expect(lat.json.items.map((s: any) => s.id)).to.have.members(
      cyr.json.items.map((s: any) => s.id),
    );
    expect(lat.json.total).to.be.greaterThan(2);
  });

  it("filters by decade and theme", async () => {
    const { json } = await getJson(`${srv.url}/v1/songs?decade=1960s&theme=space&limit=100`);
    expect(json.items.length).to.be.greaterThan(0);
    for (const s of json.items) expect(s.year).to.be.within(1960, 1969);
  });

  it("returns one song with recordings and sources", async () => {
    const { status, json } = await getJson(`${srv.url}/v1/songs/nezhnost`);
    expect(status).to.equal(200);
    expect(json.title).to.equal("Нежность");
    expect(json.sources.length).to.be.greaterThan(0);
    expect(json.recordings[0].performers[0].name).to.equal("Майя Кристалинская");
  });

  it("404s an unknown song with a JSON error", async () => {
    const { status, json } = await getJson(`${srv.url}/v1/songs/no-such-song`);
    expect(status).to.equal(404);
    expect(json.error.code).to.equal("not_found");
  });

  it("400s bad search parameters naming them", async () => {
    const bad = await getJson(`${srv.url}/v1/songs?limit=abc&decade=sixties`);
    expect(bad.status).to.equal(400);
    expect(bad.json.error.details.map((d: any) => d.path)).to.include.members(["limit", "decade"]);
    const term = await getJson(`${srv.url}/v1/songs?theme=disco`);
    expect(term.status).to.equal(400);
    expect(term.json.error.details[0].path).to.equal("theme");
  });

  it("serves the vocabulary with synonyms in both languages", async () => {
    const { json } = await getJson(`${srv.url}/v1/vocabulary`);
    const spacewalk = json.themes.find((t: any) => t.id === "spacewalk");
    expect(spacewalk.parent).to.equal("space");
    expect(spacewalk.synonyms.ru.length).to.be.greaterThan(0);
    expect(json.moods.find((m: any) => m.id === "tender")).to.have.property("valence");
  });

  it("serves health, an OpenAPI document built from the schemas, and an offline docs page", async () => {
    const health = await getJson(`${srv.url}/health`);
    expect(health.json.status).to.equal("ok");
    expect(health.json.songs).to.be.greaterThan(100);
    const doc = await getJson(`${srv.url}/openapi.json`);
    expect(doc.json.openapi).to.match(/^3\./);
    expect(doc.json.paths).to.have.property("/v1/suggestions");
    expect(doc.json.paths["/v1/songs"]).to.have.keys("get", "post");
    expect(doc.json.paths["/v1/songs/{id}"]).to.include.keys("get", "put", "patch", "delete");
    for (const p of [
      "/v1/playlists",
      "/v1/import",
      "/v1/songs/{id}/history",
      "/v1/songs/{id}/streaming/spotify",
      "/v1/vocabulary/themes/{id}",
    ]) {
      expect(doc.json.paths, p).to.have.property(p);
    }
    expect(doc.json.components.schemas.PlanRequest.properties).to.have.property("perScene");
    expect(doc.json.components.schemas.Song.properties).to.have.property("recordings");
    expect(doc.json.components.schemas.SceneRequest.properties).to.have.property("periodCorrect");
    const page = await fetch(`${srv.url}/docs`);
    const html = await page.text();
    expect(page.headers.get("content-type")).to.contain("text/html");
    expect(html).to.contain("/openapi.json");
    expect(html).to.not.match(/https?:\/\/(?!localhost)[a-z]/i);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const { status, json } = await getJson(`${srv.url}/v2/nothing`);
    expect(status).to.equal(404);
    expect(json.error.code).to.equal("route_not_found");
  });
});
