/**
 * Odd input never becomes a 500: a battery of malformed bodies and queries against every kind of
 * endpoint, each answered with a 4xx JSON error, and nothing logged as an internal error.
 */
import { expect } from "chai";
import { editableServer, type Editable } from "../helpers/editable.js";

const BODIES: unknown[] = [
  null,
  0,
  "text",
  [],
  [null],
  {},
  { year: null },
  { year: 1965.5 },
  { year: -1 },
  { era: { from: 1970, to: 1960 } },
  { era: "19600s" },
  { themes: "space" },
  { themes: [1, 2] },
  { moods: [{}] },
  { description: 42 },
  { limit: 0 },
  { limit: "10" },
  { exclude: "nezhnost" },
  { periodCorrect: "yes" },
  { country: "USSR" },
  { language: "russian" },
  { lang: "fr" },
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  { film: null },
  { film: { title: "", scenes: [] } },
  { film: { title: "T", year: 1965, scenes: [{ id: "", title: "x" }] } },
  { film: { title: "T", year: 1965, scenes: [{ id: "a", title: "x", pinned: "nezhnost" }] } },
  { film: { title: "T", era: "1960s", year: 1965, scenes: [{ id: "a", title: "x" }] } },
  { film: { title: "T", year: 1965, scenes: [{ id: "a", title: "x" }] }, perScene: 9 },
];

describe("odd input never becomes a 500 (real server)", () => {
  let srv: Editable;
  before(async () => (srv = await editableServer()));
  after(() => srv.close());

  const refused: string[] = [];
  after(() => {
    // Only bodies that are genuinely valid may pass: a scene with no criteria, and
    // import dry runs, which report bad rows instead of refusing (see the rows' "rejected").
    const valid = new Set([
      "/v1/suggestions {}",
      "/v1/import?dryRun=true []",
      "/v1/import?dryRun=true [null]",
    ]);
    expect(refused.filter((r) => !valid.has(r))).to.deep.equal([]);
  });
  for (const path of [
    "/v1/suggestions",
    "/v1/playlists",
    "/v1/playlists?format=csv",
    "/v1/songs",
    "/v1/import?dryRun=true",
    "/v1/films",
  ]) {
    it(`POST ${path}`, async () => {
      for (const body of BODIES) {
        const res = await srv.req("POST", path, {
          body: body === undefined ? "" : JSON.stringify(body),
          type: "application/json",
        });
        // A few of these are valid for some endpoints ({} is a scene with no criteria); none may fail.
        expect(res.status, `${path} ${JSON.stringify(body)}`).to.be.below(500);
        if (res.status >= 400)
          expect(res.json?.error?.code, `${path} ${JSON.stringify(body)}`).to.be.a("string");
        else refused.push(`${path} ${JSON.stringify(body)}`);
      }
    });
  }

  it("PATCH and PUT with odd bodies and versions", async () => {
    const cases: [string, unknown, string | undefined][] = [
      ["PATCH", [], '"v1"'],
      ["PATCH", "x", '"v1"'],
      ["PATCH", { year: "1965" }, '"v1"'],
      ["PATCH", { recordings: [] }, '"v1"'],
      ["PATCH", { id: "other" }, '"v1"'],
      ["PUT", {}, '"v1"'],
      ["PUT", { title: "x" }, "garbage"],
      ["PATCH", { notes: "x" }, '"v999"'],
      ["DELETE", undefined, 'W/"v0"'],
    ];
    for (const [method, body, ifMatch] of cases) {
      const res = await srv.req(method, "/v1/songs/nezhnost", {
        ...(body !== undefined ? { body } : {}),
        ...(ifMatch ? { ifMatch } : {}),
      });
      expect(res.status, `${method} ${JSON.stringify(body)} ${ifMatch}`).to.be.within(400, 499);
    }
  });

  it("odd queries", async () => {
    for (const q of [
      "limit=-1",
      "limit=1e9",
      "offset=abc",
      "decade=abc",
      "q=" + "x".repeat(500),
      "theme=",
      "mood=%00",
      "country=su",
      "yearFrom=1e3",
      "q=a&q=b",
      "unknown=1",
    ]) {
      const res = await srv.req("GET", `/v1/songs?${q}`, { key: null });
      expect(res.status, q).to.be.within(400, 499);
    }
    for (const q of ["format=pdf", "resolve=tidal"]) {
      const res = await srv.req("GET", `/v1/films/first-man/playlist?${q}`, { key: null });
      expect(res.status, q).to.be.within(400, 499);
    }
  });

  it("logged no internal error", () => {
    expect(srv.logs).to.deep.equal([]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});
