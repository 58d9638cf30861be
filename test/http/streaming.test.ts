/**
 * Streaming through the whole service: the real spotify-web-api-node client (inside our adapter)
 * talking to a fake Spotify on 127.0.0.1, behind a real listening server.
 */
import { expect } from "chai";
import { editableServer, type Editable } from "../helpers/editable.js";
import { FakeSpotify, fakeId, rateLimited, type FakeTrack } from "../streaming/fake-spotify.js";
import { settingsFor } from "../streaming/fixtures.js";

const NEZHNOST: FakeTrack = {
  id: fakeId("CatalogueNezhnost"),
  name: "Нежность",
  artists: ["Майя Кристалинская"],
  album: "Майя Кристалинская. Лучшее",
  releaseDate: "2001-01-01",
  durationMs: 190_000,
  previewUrl: "https://p.scdn.co/mp3-preview/fakenezhnost",
};
const KARAOKE: FakeTrack = {
  id: fakeId("CatalogueKaraoke"),
  name: "Нежность (Karaoke Version)",
  artists: ["Karaoke Hits"],
  album: "Karaoke",
  releaseDate: "2015-01-01",
  durationMs: 189_000,
};
const WIVES = {
  year: 1965,
  country: "SU",
  description: "Жёны космонавтов ждут мужей дома, тревога и нежность",
  limit: 5,
};

describe("streaming resolution through the service (fake Spotify on 127.0.0.1)", () => {
  let fake: FakeSpotify;
  let srv: Editable;
  beforeEach(async () => {
    fake = await FakeSpotify.start({ tracks: [KARAOKE, NEZHNOST] });
    srv = await editableServer({
      streaming: settingsFor(fake.url, {
        timeoutMs: 500,
        retries: 1,
        breakerFailures: 3,
        breakerCooldownMs: 60_000,
      }),
    });
  });
  afterEach(async () => {
    await srv.close();
    await fake.close();
  });
  const nezhnostOf = (answer: any) =>
    answer.json.suggestions.find((s: any) => s.song.id === "nezhnost");

  it("adds the right Spotify track (not the karaoke decoy) to suggestions, and caches it", async () => {
    const first = await srv.req("POST", "/v1/suggestions?resolve=spotify", {
      key: null,
      body: WIVES,
    });
    expect(first.status).to.equal(200);
    const link = nezhnostOf(first).streaming.spotify;
    expect(link).to.include({
      status: "resolved",
      trackId: NEZHNOST.id,
      uri: `spotify:track:${NEZHNOST.id}`,
      url: `https://open.spotify.com/track/${NEZHNOST.id}`,
      pinned: false,
    });
    expect(link.confidence).to.be.within(0.6, 1);
    expect(first.json.resolution).to.include({ provider: "spotify", status: "done" });
    expect(nezhnostOf(first).listening.map((l: any) => l.provider)).to.deep.equal([
      "youtube",
      "yandex-music",
    ]);
    const searches = fake.to("search").length;
    expect(searches).to.be.greaterThan(0);
    const second = await srv.req("POST", "/v1/suggestions?resolve=spotify", {
      key: null,
      body: WIVES,
    });
    expect(nezhnostOf(second).streaming.spotify.trackId).to.equal(NEZHNOST.id);
    expect(fake.to("search").length).to.equal(searches);
  });

  it("answers in full and fast while Spotify rate-limits, marking songs rate-limited until the end", async () => {
    fake.always("search", rateLimited(7200, true));
    const first = await srv.req("POST", "/v1/suggestions?resolve=spotify", {
      key: null,
      body: WIVES,
    });
    expect(first.status).to.equal(200);
    expect(first.json.suggestions).to.have.length(5);
    const until = Date.parse(nezhnostOf(first).streaming.spotify.until);
    expect(until).to.be.closeTo(Date.now() + 7_200_000, 60_000);
    const calls = fake.requests.length;
    const t = Date.now();
    const again = await srv.req("POST", "/v1/suggestions?resolve=spotify", {
      key: null,
      body: { ...WIVES, limit: 6 },
    });
    expect(Date.now() - t).to.be.below(500);
    expect(
      again.json.suggestions.every((s: any) => s.streaming.spotify.status === "rate-limited"),
    ).to.equal(true);
    expect(fake.requests.length).to.equal(calls);
  });

  it("keeps suggestions intact when Spotify is down (breaker opens, answers stay fast)", async () => {
    await fake.close();
    const first = await srv.req("POST", "/v1/suggestions?resolve=spotify", {
      key: null,
      body: WIVES,
    });
    expect(first.status).to.equal(200);
    expect(first.json.suggestions).to.have.length(5);
    expect(
      first.json.suggestions.every((s: any) => s.streaming.spotify.status === "unavailable"),
    ).to.equal(true);
    const t = Date.now();
    const again = await srv.req("POST", "/v1/suggestions?resolve=spotify", {
      key: null,
      body: { ...WIVES, limit: 7 },
    });
    expect(again.json.suggestions).to.have.length(7);
    expect(Date.now() - t).to.be.below(500);
    fake = await FakeSpotify.start({ tracks: [] });
  });

  it("shows a song's resolution with candidates, and lets an editor pin the right track", async () => {
    const view = await srv.req("GET", "/v1/songs/nezhnost/streaming", { key: null });
    expect(view.json.spotify.status).to.equal("resolved");
    expect(view.json.spotify.candidates.map((c: any) => c.trackId)).to.include.members([
      NEZHNOST.id,
    ]);
    const pinnedId = fakeId("EditorsChoice");
    const song = await srv.req("GET", "/v1/songs/nezhnost");
    expect(
      (
        await srv.req("PUT", "/v1/songs/nezhnost/streaming/spotify", {
          key: "reader",
          body: { trackId: pinnedId },
          ifMatch: song.etag!,
        })
      ).status,
    ).to.equal(403);
    expect(
      (
        await srv.req("PUT", "/v1/songs/nezhnost/streaming/spotify", {
          body: { trackId: "not-an-id" },
          ifMatch: song.etag!,
        })
      ).status,
    ).to.equal(400);
    const pin = await srv.req(
      "PUT",
      "/v1/songs/nezhnost/streaming/spotify?comment=confirmed%20by%20ear",
      { body: { trackId: pinnedId }, ifMatch: song.etag! },
    );
    expect(pin.status).to.equal(200);
    const after = await srv.req("GET", "/v1/songs/nezhnost/streaming", { key: null });
    expect(after.json.spotify).to.include({ status: "resolved", trackId: pinnedId, pinned: true });
    const history = await srv.req("GET", "/v1/songs/nezhnost/history");
    expect(history.json.history.at(-1)).to.include({ comment: "confirmed by ear" });
    expect(history.json.history.at(-1).changes[0].path).to.equal("streaming");
  });

  it("puts resolved links into plan exports and creates the playlist in the user's account via /items", async () => {
    const film = {
      title: "Test film",
      year: 1965,
      country: "SU",
      scenes: [
        { id: "w", title: "Wives", description: WIVES.description, pinned: ["nezhnost"] },
        { id: "n", title: "Night", description: "ночь у костра в тайге" },
      ],
    };
    const m3u = await srv.req("POST", "/v1/playlists?resolve=spotify&format=m3u8", {
      key: null,
      body: { film },
    });
    expect(m3u.text).to.contain(`https://open.spotify.com/track/${NEZHNOST.id}`);
    const made = await srv.req("POST", "/v1/playlists/spotify", {
      key: null,
      body: { film, spotify: { accessToken: fake.userToken, name: "Test soundtrack" } },
    });
    expect(made.status).to.equal(201);
    expect(made.json.tracks[0]).to.include({
      songId: "nezhnost",
      status: "added",
      uri: `spotify:track:${NEZHNOST.id}`,
    });
    expect(made.json.tracks.filter((t: any) => t.status === "not-resolved").length).to.equal(
      made.json.tracks.length - 1,
    );
    const playlist = [...fake.playlists.values()][0]!;
    expect(playlist.name).to.equal("Test soundtrack");
    expect(playlist.items).to.deep.equal([`spotify:track:${NEZHNOST.id}`]);
    expect(fake.to("create-playlist")).to.have.length(1);
    expect(fake.to("old-tracks")).to.have.length(0);
  });
});

describe("streaming without credentials", () => {
  let srv: Editable;
  before(async () => (srv = await editableServer()));
  after(() => srv.close());
  it("says plainly that resolution is disabled and still answers in full", async () => {
    const res = await srv.req("POST", "/v1/suggestions?resolve=spotify", {
      key: null,
      body: WIVES,
    });
    expect(res.status).to.equal(200);
    expect(res.json.suggestions).to.have.length(5);
    expect(res.json.resolution).to.include({ provider: "spotify", status: "disabled" });
    expect(res.json.suggestions[0].streaming.spotify.status).to.equal("disabled");
    const bad = await srv.req("POST", "/v1/suggestions?resolve=deezer", { key: null, body: WIVES });
    expect(bad.status).to.equal(400);
    expect(bad.json.error.details[0].path).to.equal("resolve");
  });
});
