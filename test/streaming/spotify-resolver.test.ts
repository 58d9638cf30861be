/**
 * The Spotify resolver end to end: the real spotify-web-api-node client, through our client,
 * policy and token provider, against the fake 2026 API. Clock-dependent behaviour (token expiry,
 * cool-down end, breaker cool-down) uses an injected clock instead of sleeping.
 */
import { expect } from "chai";
import type { Recording, Song } from "../../src/domain/index.js";
import type { Resolution } from "../../src/streaming/resolver.js";
import type { StreamingSettings } from "../../src/streaming/settings.js";
import {
  createSpotifyApp,
  type SpotifyApp,
  type StreamingRuntime,
} from "../../src/streaming/spotify-app.js";
import {
  FakeSpotify,
  freePort,
  rateLimited,
  searchPage,
  serverError,
  type FakeOptions,
} from "./fake-spotify.js";
import {
  BEREZA,
  COVER,
  ENGLISH_ONLY,
  KARAOKE,
  KARAOKE_SAME_ARTIST,
  LATIN_ONLY,
  LIVE,
  ORIGINAL,
  SAME_TITLE_OTHER_ARTIST,
  bereza,
  nezhnost,
  settingsFor,
} from "./fixtures.js";

const T0 = Date.parse("2026-09-01T12:00:00.000Z");

describe("streaming/spotify-resolver", () => {
  let fake: FakeSpotify;
  let app: SpotifyApp;
  let clock: number;
  const { song, recording } = nezhnost();

  async function setup(
    options: FakeOptions = {},
    overrides: Partial<StreamingSettings> = {},
    runtime: StreamingRuntime = {},
  ): Promise<void> {
    fake = await FakeSpotify.start(options);
    clock = T0;
    app = createSpotifyApp(settingsFor(fake.url, overrides), {
      now: () => clock,
      random: () => 0.5,
      backoffBaseMs: 5,
      ...runtime,
    });
  }

  const resolve = (s: Song = song, r: Recording = recording) => app.resolver.resolve(s, r);

  async function timed(work: () => Promise<Resolution>): Promise<[Resolution, number]> {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  }

  afterEach(async () => {
    await fake?.close();
  });

  describe("matching against the fake catalogue", () => {
    it("chooses the right recording over a karaoke version, a cover and a same-title song", async () => {
      await setup();
      // Spotify's relevance order puts the decoys first.
      fake.script(
        "search",
        searchPage([KARAOKE, COVER, SAME_TITLE_OTHER_ARTIST, KARAOKE_SAME_ARTIST, ORIGINAL, LIVE]),
      );
      const answer = await resolve();
      expect(answer.status).to.equal("resolved");
      if (answer.status !== "resolved") return;
      expect(answer.pinned).to.equal(false);
      expect(answer.best).to.deep.equal({
        provider: "spotify",
        trackId: ORIGINAL.id,
        uri: `spotify:track:${ORIGINAL.id}`,
        url: `https://open.spotify.com/track/${ORIGINAL.id}`,
        previewUrl: ORIGINAL.previewUrl,
        title: ORIGINAL.name,
        artists: ["Майя Кристалинская"],
        year: 2004,
        durationSec: 187,
        isrc: "RUA000400001",
        confidence: answer.best.confidence,
      });
      expect(answer.best.confidence).to.be.at.least(0.9);
      expect(answer.candidates[0]).to.deep.equal(answer.best);
      const runnerUps = answer.candidates.slice(1);
      expect(runnerUps.map((c) => c.trackId)).to.include(LIVE.id);
      for (const c of runnerUps) expect(c.confidence).to.be.below(answer.best.confidence);
      // Confident after the first search: no transliterated or English search.
      expect(fake.to("search")).to.have.length(1);
    });

    it("answers unresolved, with the candidates, when only decoys exist", async () => {
      await setup();
      fake.always("search", searchPage([KARAOKE, COVER, SAME_TITLE_OTHER_ARTIST]));
      const answer = await resolve();
      expect(answer.status).to.equal("unresolved");
      if (answer.status !== "unresolved") return;
      expect(answer.candidates.map((c) => c.trackId)).to.have.members([
        KARAOKE.id,
        COVER.id,
        SAME_TITLE_OTHER_ARTIST.id,
      ]);
      for (const c of answer.candidates) expect(c.confidence).to.be.below(0.6);
      expect(answer.reason).to.match(/below 0\.6/);
      expect(fake.to("search")).to.have.length(3); // every tier was tried
    });

    it("falls back to the transliterated title when the Cyrillic search finds nothing", async () => {
      await setup({ tracks: [LATIN_ONLY, BEREZA] });
      const answer = await resolve();
      expect(answer.status).to.equal("resolved");
      if (answer.status === "resolved") expect(answer.best.trackId).to.equal(LATIN_ONLY.id);
      expect(fake.to("search").map((r) => r.query.q)).to.deep.equal([
        'track:"Нежность" artist:"Майя Кристалинская"',
        'track:"Nezhnost" artist:"Maya Kristalinskaya"',
      ]);
    });

    it("falls back to the English title last", async () => {
      await setup({ tracks: [ENGLISH_ONLY] });
      const answer = await resolve();
      expect(answer.status).to.equal("resolved");
      if (answer.status === "resolved") expect(answer.best.trackId).to.equal(ENGLISH_ONLY.id);
      expect(fake.to("search").map((r) => r.query.q)).to.deep.equal([
        'track:"Нежность" artist:"Майя Кристалинская"',
        'track:"Nezhnost" artist:"Maya Kristalinskaya"',
        'track:"Tenderness" artist:"Maya Kristalinskaya"',
      ]);
    });

    it("says plainly when nothing was found", async () => {
      await setup({ tracks: [BEREZA] });
      expect(await resolve()).to.deep.equal({
        status: "unresolved",
        candidates: [],
        reason: "no Spotify track found for «Нежность» by Майя Кристалинская (3 searches)",
      });
    });

    it("never asks for more than 10 results (Spotify 2026 answers 400 above 10)", async () => {
      await setup({ tracks: [ENGLISH_ONLY] });
      await resolve();
      const searches = fake.to("search");
      expect(searches).to.have.length(3);
      for (const s of searches) {
        expect(s.query.type).to.equal("track");
        expect(Number(s.query.limit)).to.be.within(1, 10);
      }
    });

    it("passes the configured market", async () => {
      await setup({ tracks: [ORIGINAL] }, { market: "FI" });
      await resolve();
      expect(fake.to("search")[0]?.query.market).to.equal("FI");
    });
  });

  describe("pins", () => {
    it("returns an editor's pinned track without any upstream call", async () => {
      await setup({ tracks: [ORIGINAL] });
      const pin = "Pinned0TrackId00000001";
      const pinnedSong = nezhnost({ streaming: { spotify: { trackId: pin } } });
      const answer = await resolve(pinnedSong.song, pinnedSong.recording);
      expect(answer).to.deep.equal({
        status: "resolved",
        pinned: true,
        best: {
          provider: "spotify",
          trackId: pin,
          uri: `spotify:track:${pin}`,
          url: `https://open.spotify.com/track/${pin}`,
          title: "Нежность",
          artists: ["Майя Кристалинская"],
          year: 1965,
          durationSec: 186,
          confidence: 1,
        },
        candidates: [(answer as { best: unknown }).best],
      });
      expect(fake.requests).to.deep.equal([]);
    });

    it("wins even while Spotify is rate-limiting", async () => {
      await setup({ tracks: [ORIGINAL] });
      fake.script("token", rateLimited(3600));
      expect((await resolve()).status).to.equal("rate-limited");
      const pinnedSong = nezhnost({
        streaming: { spotify: { trackId: "Pinned0TrackId00000001" } },
      });
      const answer = await resolve(pinnedSong.song, pinnedSong.recording);
      expect(answer.status === "resolved" && answer.pinned).to.equal(true);
    });
  });

  describe("tokens", () => {
    it("fetches one token for concurrent resolves", async () => {
      await setup({ tracks: [ORIGINAL, BEREZA] });
      const b = bereza();
      const answers = await Promise.all([
        resolve(),
        resolve(b.song, b.recording),
        resolve(),
        resolve(b.song, b.recording),
        resolve(),
      ]);
      expect(answers.map((a) => a.status)).to.deep.equal(Array(5).fill("resolved"));
      expect(fake.to("token")).to.have.length(1);
      expect(app.tokens.fetches).to.equal(1);
      // Every search carried that token.
      const auth = new Set(fake.to("search").map((r) => r.headers.authorization));
      expect([...auth]).to.deep.equal(["Bearer fake-app-token-1"]);
    });

    it("reuses the token until a minute before it expires, then fetches a new one", async () => {
      await setup({ tracks: [ORIGINAL], tokenLifetimeSec: 3600 });
      await resolve();
      clock = T0 + 3500_000; // 100 s before expiry: still fine
      await resolve();
      expect(fake.to("token")).to.have.length(1);
      clock = T0 + 3550_000; // 50 s before expiry: refresh early
      await resolve();
      expect(fake.to("token")).to.have.length(2);
      expect(fake.to("search").at(-1)?.headers.authorization).to.equal("Bearer fake-app-token-2");
    });

    it("replaces a token the API refuses (401) and carries on", async () => {
      await setup({ tracks: [ORIGINAL] });
      await resolve();
      fake.revokeTokens();
      const answer = await resolve();
      expect(answer.status).to.equal("resolved");
      expect(fake.to("token")).to.have.length(2);
      expect(fake.to("search").map((r) => r.headers.authorization)).to.deep.equal([
        "Bearer fake-app-token-1",
        "Bearer fake-app-token-1",
        "Bearer fake-app-token-2",
      ]);
    });

    it("reports refused credentials as unavailable", async () => {
      await setup({ tracks: [ORIGINAL], clientSecret: "another-secret" });
      const answer = await resolve();
      expect(answer).to.deep.equal({
        status: "unavailable",
        reason: "Spotify refused the request (400: invalid_client: Invalid client)",
      });
      expect(fake.to("search")).to.have.length(0);
    });
  });

  describe("rate limiting", () => {
    it("starts one shared cool-down on a 429 and sends nothing until it ends", async () => {
      await setup({ tracks: [ORIGINAL, BEREZA] });
      await resolve(); // a token and one search
      const before = fake.requests.length;
      fake.script("search", rateLimited(3600, true));
      const until = new Date(T0 + 3600_000).toISOString();
      expect(await resolve()).to.deep.equal({ status: "rate-limited", until });
      expect(fake.requests.length).to.equal(before + 1);

      const b = bereza();
      for (const [s, r] of [
        [song, recording],
        [b.song, b.recording],
      ] as const) {
        const [answer, ms] = await timed(() => resolve(s, r));
        expect(answer).to.deep.equal({ status: "rate-limited", until });
        expect(ms).to.be.below(200);
      }
      const [, burst] = await timed(async () => {
        const all = await Promise.all(Array.from({ length: 20 }, () => resolve()));
        expect(all.every((a) => a.status === "rate-limited")).to.equal(true);
        return all[0] as Resolution;
      });
      expect(burst).to.be.below(200);
      expect(fake.requests.length).to.equal(before + 1); // nothing new went upstream

      clock = T0 + 3600_000; // the cool-down is over
      expect((await resolve()).status).to.equal("resolved");
      expect(fake.requests.length).to.be.greaterThan(before + 1);
    });

    it("honours a day-long quota cool-down from the token endpoint too", async () => {
      await setup({ tracks: [ORIGINAL] });
      fake.script("token", rateLimited(86_400, true));
      const until = new Date(T0 + 86_400_000).toISOString();
      expect(await resolve()).to.deep.equal({ status: "rate-limited", until });
      clock = T0 + 86_399_000;
      expect(await resolve()).to.deep.equal({ status: "rate-limited", until });
      expect(fake.requests).to.have.length(1);
    });

    it("does not count a 429 as an upstream failure (the breaker stays closed)", async () => {
      await setup({ tracks: [ORIGINAL] }, { breakerFailures: 1 });
      fake.script("token", rateLimited(1));
      await resolve();
      expect(app.policy.breaker.state()).to.equal("closed");
    });
  });

  describe("failures", () => {
    it("retries 5xx with backoff, then reports unavailable", async () => {
      await setup({ tracks: [ORIGINAL] }, { retries: 2 });
      fake.always("search", serverError(500));
      const answer = await resolve();
      expect(answer).to.deep.equal({ status: "unavailable", reason: "Spotify answered 500" });
      expect(fake.to("search")).to.have.length(3);
    });

    it("recovers when a retry succeeds", async () => {
      await setup({ tracks: [ORIGINAL] }, { retries: 2 });
      fake.script("search", serverError(502), serverError(503));
      expect((await resolve()).status).to.equal("resolved");
      expect(fake.to("search")).to.have.length(3);
    });

    it("does not retry a 4xx, and reports it", async () => {
      await setup({ tracks: [ORIGINAL] });
      fake.script("search", {
        status: 400,
        body: { error: { status: 400, message: "Invalid limit" } },
      });
      expect(await resolve()).to.deep.equal({
        status: "unavailable",
        reason: "Spotify refused the request (400: Invalid limit)",
      });
      expect(fake.to("search")).to.have.length(1);
    });

    it("gives up on a server that never answers after the deadline", async () => {
      await setup({ tracks: [ORIGINAL] }, { timeoutMs: 150 });
      fake.always("search", { hang: true });
      const [answer, ms] = await timed(() => resolve());
      expect(answer).to.deep.equal({
        status: "unavailable",
        reason: "Spotify did not answer within 150 ms",
      });
      expect(ms).to.be.within(140, 1000);
      expect(fake.to("search")).to.have.length(1); // a timeout is not retried
    });

    it("does not wait on a slow answer past the deadline, but takes one within it", async () => {
      await setup({ tracks: [ORIGINAL] }, { timeoutMs: 300 });
      fake.script("search", { ...searchPage([ORIGINAL]), delayMs: 50 });
      expect((await resolve()).status).to.equal("resolved");
    });

    it("opens the breaker on a dead upstream, then answers at once without calling it", async () => {
      const port = await freePort(); // nothing listens here
      fake = undefined as unknown as FakeSpotify;
      clock = T0;
      app = createSpotifyApp(
        settingsFor(`http://127.0.0.1:${port}`, {
          retries: 0,
          breakerFailures: 2,
          breakerCooldownMs: 30_000,
        }),
        { now: () => clock },
      );
      for (let i = 0; i < 2; i++) {
        expect(await resolve()).to.deep.equal({
          status: "unavailable",
          reason: "cannot reach Spotify (ECONNREFUSED)",
        });
      }
      expect(app.policy.breaker.state()).to.equal("open");

      // Now something listens on that port, but the open breaker must not call it.
      fake = await FakeSpotify.start({ tracks: [ORIGINAL], port });
      const [answer, ms] = await timed(() => resolve());
      expect(answer.status).to.equal("unavailable");
      expect((answer as { reason: string }).reason).to.match(/circuit breaker open until/);
      expect(ms).to.be.below(50);
      expect(fake.requests).to.deep.equal([]);

      clock = T0 + 30_000; // half-open: one probe goes through, succeeds and closes it
      expect((await resolve()).status).to.equal("resolved");
      expect(app.policy.breaker.state()).to.equal("closed");
    });

    it("does not trust a body that is not JSON", async () => {
      await setup({ tracks: [ORIGINAL] });
      fake.always("search", { status: 200, raw: "<!doctype html><p>maintenance" });
      expect(await resolve()).to.deep.equal({
        status: "unavailable",
        reason: "Spotify sent a response we cannot trust (body is not valid JSON)",
      });
      expect(fake.to("search")).to.have.length(1); // not retried
    });

    it("does not trust a search page of the wrong shape", async () => {
      await setup({ tracks: [ORIGINAL] });
      fake.always("search", {
        status: 200,
        body: { tracks: { items: [{ id: 42, name: null, artists: "nobody" }] } },
      });
      expect(await resolve()).to.deep.equal({
        status: "unavailable",
        reason: "Spotify sent a response we cannot trust (no readable track in the search page)",
      });
    });

    it("does not trust a token response of the wrong shape", async () => {
      await setup({ tracks: [ORIGINAL] });
      fake.always("token", { status: 200, body: { access_token: "", expires_in: "soon" } });
      expect(await resolve()).to.deep.equal({
        status: "unavailable",
        reason: "Spotify sent a response we cannot trust (not a token response at access_token)",
      });
      expect(fake.to("search")).to.have.length(0);
    });

    it("answers unavailable, not unresolved, when a later search fails", async () => {
      await setup({ tracks: [] }, { retries: 0 });
      fake.script("search", searchPage([]), serverError(500));
      expect(await resolve()).to.deep.equal({
        status: "unavailable",
        reason: "Spotify answered 500",
      });
    });
  });
});
