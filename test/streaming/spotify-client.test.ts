import { expect } from "chai";
import SpotifyWebApi from "spotify-web-api-node";
import { SpotifyClient } from "../../src/streaming/spotify-client.js";
import { UpstreamError, type UpstreamProblem } from "../../src/streaming/upstream-error.js";
import { FakeSpotify, rateLimited } from "./fake-spotify.js";
import { BEREZA, ORIGINAL } from "./fixtures.js";

async function problem(work: Promise<unknown>): Promise<UpstreamProblem> {
  try {
    await work;
  } catch (error) {
    expect(error).to.be.instanceOf(UpstreamError);
    return (error as UpstreamError).problem;
  }
  throw new Error("expected an UpstreamError");
}

describe("streaming/spotify-client (the real spotify-web-api-node, aimed at a fake)", () => {
  let a: FakeSpotify;
  let b: FakeSpotify;
  const clientFor = (fake: FakeSpotify, market?: string) =>
    new SpotifyClient({
      apiUrl: fake.url,
      accountsUrl: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      ...(market ? { market } : {}),
    });

  beforeEach(async () => {
    a = await FakeSpotify.start({ tracks: [ORIGINAL] });
    b = await FakeSpotify.start({ tracks: [BEREZA] });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it("gets a client-credentials token from accountsUrl with Basic auth", async () => {
    const token = await clientFor(a).requestAppToken();
    expect(token).to.deep.equal({ accessToken: "fake-app-token-1", expiresInSec: 3600 });
    const [request] = a.to("token");
    expect(request?.headers.authorization).to.equal(
      `Basic ${Buffer.from("test-client-id:test-client-secret").toString("base64")}`,
    );
    expect(request?.body).to.equal("grant_type=client_credentials");
  });

  it("searches apiUrl with the query, type=track, the market and a limit of at most 10", async () => {
    const client = clientFor(a, "DE");
    const { accessToken } = await client.requestAppToken();
    const tracks = await client.searchTracks(accessToken, 'track:"Нежность"', 50);
    expect(tracks.map((t) => t.id)).to.deep.equal([ORIGINAL.id]);
    expect(tracks[0]).to.deep.include({
      name: ORIGINAL.name,
      artists: ["Майя Кристалинская"],
      releaseYear: 2004,
      durationMs: 187_000,
      isrc: "RUA000400001",
      previewUrl: ORIGINAL.previewUrl,
    });
    const [search] = a.to("search");
    expect(search?.query).to.deep.equal({
      q: 'track:"Нежность"',
      type: "track",
      limit: "10",
      market: "DE",
    });
    expect(search?.headers.authorization).to.equal(`Bearer ${accessToken}`);
  });

  it("keeps two clients aimed at different servers apart, and leaves the library's defaults alone", async () => {
    const ca = clientFor(a);
    const cb = clientFor(b);
    const [ta, tb] = await Promise.all([ca.requestAppToken(), cb.requestAppToken()]);
    const [ra, rb] = await Promise.all([
      ca.searchTracks(ta.accessToken, "Нежность", 5),
      cb.searchTracks(tb.accessToken, "Берёзка", 5),
    ]);
    expect(ra.map((t) => t.id)).to.deep.equal([ORIGINAL.id]);
    expect(rb.map((t) => t.id)).to.deep.equal([BEREZA.id]);
    expect(a.to("search")).to.have.length(1);
    expect(b.to("search")).to.have.length(1);
    // Outside our calls the library still builds requests for Spotify itself.
    const url = new SpotifyWebApi().createAuthorizeURL(["playlist-modify-private"], "s");
    expect(url.startsWith("https://accounts.spotify.com/authorize?")).to.equal(true);
  });

  it("turns a 429 into rate-limited with Retry-After and the quota reason", async () => {
    a.script("token", rateLimited(86_400, true));
    expect(await problem(clientFor(a).requestAppToken())).to.deep.equal({
      kind: "rate-limited",
      retryAfterSec: 86_400,
      reason: "QUOTA_EXCEEDED",
    });
  });

  it("reads a pinned track with GET /v1/tracks/{id}", async () => {
    const client = clientFor(a);
    const { accessToken } = await client.requestAppToken();
    expect((await client.getTrack(accessToken, ORIGINAL.id)).name).to.equal(ORIGINAL.name);
    expect(a.to("track").map((r) => r.path)).to.deep.equal([`/v1/tracks/${ORIGINAL.id}`]);
  });

  it("still sees a 429 or a 500 whose body is broken JSON", async () => {
    const client = clientFor(a);
    a.script("token", { status: 429, raw: "{oops", headers: { "retry-after": "120" } });
    // superagent drops the headers of a body it cannot parse: the default cool-down applies.
    expect(await problem(client.requestAppToken())).to.deep.equal({
      kind: "rate-limited",
      retryAfterSec: undefined,
      reason: undefined,
    });
    a.script("token", { status: 500, raw: "{oops" });
    expect(await problem(client.requestAppToken())).to.deep.equal({ kind: "server", status: 500 });
  });

  it("turns other failures into typed problems", async () => {
    const client = clientFor(a);
    const { accessToken } = await client.requestAppToken();
    a.script("search", {
      status: 503,
      raw: "<html>busy</html>",
      headers: { "content-type": "text/html" },
    });
    expect(await problem(client.searchTracks(accessToken, "x", 5))).to.deep.equal({
      kind: "server",
      status: 503,
    });
    a.script("search", { status: 200, raw: '{"tracks": {"items": [', headers: {} });
    expect((await problem(client.searchTracks(accessToken, "x", 5))).kind).to.equal("malformed");
    a.script("search", { status: 200, body: { tracks: { items: [{ id: "short", name: 7 }] } } });
    expect((await problem(client.searchTracks(accessToken, "x", 5))).kind).to.equal("malformed");
    a.script("search", { status: 200, body: { albums: {} } });
    expect((await problem(client.searchTracks(accessToken, "x", 5))).kind).to.equal("malformed");
    expect(await problem(client.searchTracks("not-a-token", "x", 5))).to.deep.equal({
      kind: "unauthorized",
      message: "Invalid access token",
    });
    expect(await problem(client.getTrack(accessToken, "0".repeat(22)))).to.deep.equal({
      kind: "rejected",
      status: 404,
      message: "Resource not found",
    });
    const badCredentials = new SpotifyClient({
      apiUrl: a.url,
      accountsUrl: a.url,
      clientId: "wrong",
      clientSecret: "wrong",
    });
    expect(await problem(badCredentials.requestAppToken())).to.deep.equal({
      kind: "rejected",
      status: 400,
      message: "invalid_client: Invalid client",
    });
  });

  it("reports a closed port as a network problem", async () => {
    const url = a.url;
    await a.close();
    const dead = new SpotifyClient({
      apiUrl: url,
      accountsUrl: url,
      clientId: "x",
      clientSecret: "y",
    });
    expect(await problem(dead.requestAppToken())).to.deep.equal({
      kind: "network",
      code: "ECONNREFUSED",
    });
    a = await FakeSpotify.start(); // for afterEach
  });

  it("drops an odd search item but keeps the readable ones", async () => {
    const client = clientFor(a);
    const { accessToken } = await client.requestAppToken();
    a.script("search", {
      status: 200,
      body: { tracks: { items: [null, { id: "bad" }, goodTrackBody()] } },
    });
    const tracks = await client.searchTracks(accessToken, "x", 5);
    expect(tracks.map((t) => t.id)).to.deep.equal([ORIGINAL.id]);
  });
});

function goodTrackBody(): Record<string, unknown> {
  return {
    id: ORIGINAL.id,
    name: ORIGINAL.name,
    artists: [{ name: "Майя Кристалинская" }],
    album: { name: ORIGINAL.album, release_date: ORIGINAL.releaseDate },
    duration_ms: ORIGINAL.durationMs,
  };
}
