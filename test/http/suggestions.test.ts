import { expect } from "chai";
import { listen, postJson, type Running } from "../helpers/server.js";

describe("POST /v1/suggestions (real server)", () => {
  let srv: Running;
  before(async () => (srv = await listen()));
  after(() => srv.close());
  const post = (body: unknown) => postJson(`${srv.url}/v1/suggestions`, body);

  it("answers the wives-waiting scene with «Нежность» first, explained", async () => {
    const { status, json } = await post({
      year: 1965,
      country: "SU",
      description: "Жёны космонавтов ждут мужей дома, тревога и нежность",
    });
    expect(status).to.equal(200);
    expect(json.interpreted.period).to.deep.equal({ from: 1965, to: 1965, source: "year" });
    expect(json.interpreted.themes.map((t: any) => t.id)).to.include("waiting");
    const first = json.suggestions[0];
    expect(first.song.id).to.equal("nezhnost");
    expect(first.recording.performers[0].nameLatin).to.equal("Maya Kristalinskaya");
    expect(first.score).to.be.within(0, 1);
    expect(first.reasons.map((r: any) => r.factor)).to.include.members(["era", "themes", "mood"]);
    for (const s of json.suggestions) expect(s.recording.year).to.be.at.most(1965);
  });

  it("explains in Russian when asked (lang: ru), with the same ranking", async () => {
    const scene = {
      year: 1965,
      country: "SU",
      description: "Жёны космонавтов ждут мужей дома, тревога и нежность",
    };
    const en = await post(scene);
    const ru = await post({ ...scene, lang: "ru" });
    expect(ru.json.suggestions.map((s: any) => [s.song.id, s.score])).to.deep.equal(
      en.json.suggestions.map((s: any) => [s.song.id, s.score]),
    );
    const reasons = Object.fromEntries(
      ru.json.suggestions[0].reasons.map((r: any) => [r.factor, r.text]),
    );
    expect(reasons.era).to.equal("записана в 1965, в год действия");
    expect(reasons.themes).to.contain("тема «ожидание» совпадает со сценой");
    expect(reasons.mood).to.contain("«нежный»");
    expect(reasons.origin).to.equal("страна SU, как у сцены");
    expect((await post({ ...scene, lang: "de" })).status).to.equal(400);
  });

  it("answers an English scene too", async () => {
    const { status, json } = await post({
      year: 1969,
      country: "US",
      description: "astronauts fly to the moon, dreamy and hopeful",
    });
    expect(status).to.equal(200);
    expect(json.suggestions.length).to.be.greaterThan(0);
    for (const s of json.suggestions) expect(s.recording.year).to.be.at.most(1969);
    expect(json.interpreted.themes.map((t: any) => t.id)).to.include("moon");
  });

  it("honours limit, exclude and era", async () => {
    const { json } = await post({
      era: "1960s",
      themes: ["space"],
      limit: 3,
      exclude: ["nezhnost"],
    });
    expect(json.suggestions).to.have.length(3);
    expect(json.suggestions.map((s: any) => s.song.id)).to.not.include("nezhnost");
    expect(json.interpreted.period).to.deep.equal({ from: 1960, to: 1969, source: "era" });
  });

  it("gives the same answer twice", async () => {
    const body = { year: 1965, themes: ["love"], limit: 20 };
    const a = await post(body);
    const b = await post(body);
    expect(a.json).to.deep.equal(b.json);
  });

  describe("bad input gets a clear 4xx naming the field", () => {
    const expectError = (
      res: { status: number; json: any },
      status: number,
      code: string,
      path?: string,
    ) => {
      expect(res.status).to.equal(status);
      expect(res.json.error.code).to.equal(code);
      expect(res.json.error.message)
        .to.be.a("string")
        .and.not.match(/at .*\.ts:\d+/);
      if (path !== undefined)
        expect(res.json.error.details.map((d: any) => d.path)).to.include(path);
    };

    it("malformed JSON", async () =>
      expectError(await post("{ year: 1965"), 400, "malformed_json"));
    it("wrong types", async () =>
      expectError(await post({ year: "nineteen sixty-five" }), 400, "invalid_input", "year"));
    it("an absurd year", async () =>
      expectError(await post({ year: 30000 }), 400, "invalid_input", "year"));
    it("an unknown theme", async () => {
      const res = await post({ themes: ["space", "disco-inferno"] });
      expectError(res, 400, "unknown_term", "themes.1");
      expect(res.json.error.details[0].problem).to.contain("disco-inferno");
    });
    it("an unknown mood", async () =>
      expectError(await post({ moods: ["groovy"] }), 400, "unknown_term", "moods.0"));
    it("a bad era", async () =>
      expectError(await post({ era: "the sixties" }), 400, "invalid_input", "era"));
    it("year and era together", async () =>
      expectError(await post({ year: 1965, era: "1960s" }), 400, "invalid_input", "era"));
    it("a limit over 100", async () =>
      expectError(await post({ limit: 1000 }), 400, "invalid_input", "limit"));
    it("an unknown field", async () =>
      expectError(await post({ yaer: 1965 }), 400, "invalid_input"));
    it("a long description", async () =>
      expectError(
        await post({ description: "х".repeat(5000) }),
        400,
        "invalid_input",
        "description",
      ));
    it("a 1 MB description", async () =>
      expectError(await post({ description: "a".repeat(1024 * 1024) }), 413, "payload_too_large"));
    it("a body that is not JSON", async () => {
      const res = await fetch(`${srv.url}/v1/suggestions`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "year=1965",
      });
      expectError({ status: res.status, json: await res.json() }, 415, "unsupported_media_type");
    });
    it("a JSON array instead of an object", async () =>
      expectError(await post([1, 2]), 400, "invalid_input"));
    it("logs no internal error for any of them", () => expect(srv.logs).to.deep.equal([]));
  });
});
