import { expect } from "chai";
import { createSpotifyApp, type SpotifyApp } from "../../src/streaming/spotify-app.js";
import { FakeSpotify, fakeId, rateLimited, serverError } from "./fake-spotify.js";
import { settingsFor } from "./fixtures.js";

const uri = (n: number) => `spotify:track:${fakeId(`PlaylistTrack${n}`)}`;

describe("streaming/spotify-playlists (2026 API)", () => {
  let fake: FakeSpotify;
  let app: SpotifyApp;

  beforeEach(async () => {
    fake = await FakeSpotify.start();
    app = createSpotifyApp(settingsFor(fake.url));
  });
  afterEach(async () => fake.close());

  it("creates a private playlist via /v1/me/playlists and adds items in order, 100 at a time", async () => {
    const uris = Array.from({ length: 250 }, (_, i) => uri(i));
    const result = await app.playlists.createPlaylist(
      fake.userToken,
      "Фильм 1965",
      "Period songs for the scenes",
      uris,
    );
    expect(result.status).to.equal("created");
    if (result.status !== "created") return;
    const playlist = fake.playlists.get(result.playlistId);
    expect(playlist).to.include({ name: "Фильм 1965", description: "Period songs for the scenes" });
    expect(playlist?.public).to.equal(false);
    expect(playlist?.items).to.deep.equal(uris);
    expect(result.url).to.equal(`https://open.spotify.com/playlist/${result.playlistId}`);
    expect(result.uri).to.equal(`spotify:playlist:${result.playlistId}`);
    expect(result.complete).to.equal(true);
    expect(result.tracks.map((t) => t.position)).to.deep.equal(uris.map((_, i) => i));
    expect(result.tracks.every((t) => t.status === "added")).to.equal(true);

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      "POST /v1/me/playlists",
      `POST /v1/playlists/${result.playlistId}/items`,
      `POST /v1/playlists/${result.playlistId}/items`,
      `POST /v1/playlists/${result.playlistId}/items`,
    ]);
    const sizes = fake
      .to("add-items")
      .map((r) => (JSON.parse(r.body) as { uris: string[] }).uris.length);
    expect(sizes).to.deep.equal([100, 100, 50]);
    expect(fake.to("old-tracks")).to.have.length(0);
    for (const r of fake.requests)
      expect(r.headers.authorization).to.equal(`Bearer ${fake.userToken}`);
  });

  it("reports invalid URIs without sending them", async () => {
    const result = await app.playlists.createPlaylist(fake.userToken, "P", "", [
      uri(1),
      "spotify:album:nope",
      uri(2),
    ]);
    expect(result.status).to.equal("created");
    if (result.status !== "created") return;
    expect(result.tracks.map((t) => t.status)).to.deep.equal(["added", "invalid", "added"]);
    expect(result.tracks.map((t) => t.position)).to.deep.equal([0, undefined, 1]);
    expect(fake.playlists.get(result.playlistId)?.items).to.deep.equal([uri(1), uri(2)]);
  });

  it("stops after a failed chunk so the order never has gaps, and does not retry a POST", async () => {
    const uris = Array.from({ length: 230 }, (_, i) => uri(i));
    fake.script("add-items", { status: 201, body: { snapshot_id: "s1" } }, serverError(500));
    const result = await app.playlists.createPlaylist(fake.userToken, "P", "", uris);
    expect(result.status).to.equal("created");
    if (result.status !== "created") return;
    const counts = (s: string) => result.tracks.filter((t) => t.status === s).length;
    expect([counts("added"), counts("failed"), counts("not-sent")]).to.deep.equal([100, 100, 30]);
    expect(result.complete).to.equal(false);
    expect(result.tracks[150]?.reason).to.equal("Spotify answered 500");
    expect(fake.to("add-items")).to.have.length(2);
  });

  it("says so when the user's token is refused", async () => {
    const result = await app.playlists.createPlaylist("expired-user-token", "P", "", [uri(1)]);
    expect(result).to.deep.equal({
      status: "unauthorized",
      reason: "Spotify did not accept the access token (Invalid access token)",
    });
  });

  it("obeys the shared rate-limit cool-down", async () => {
    fake.script("create-playlist", rateLimited(600));
    const first = await app.playlists.createPlaylist(fake.userToken, "P", "", [uri(1)]);
    expect(first.status).to.equal("rate-limited");
    const count = fake.requests.length;
    const second = await app.playlists.createPlaylist(fake.userToken, "P", "", [uri(1)]);
    expect(second).to.deep.equal(first);
    expect(fake.requests.length).to.equal(count);
  });
});
