import { expect } from "chai";
import type { Recording, Song } from "../../src/domain/index.js";
import {
  DEFAULT_STREAMING_SETTINGS,
  DISABLED_REASON,
  createStreaming,
  createStreamingResolver,
  resolveMany,
  type Resolution,
  type StreamingResolver,
} from "../../src/streaming/index.js";
import { FakeSpotify, rateLimited } from "./fake-spotify.js";
import { BEREZA, ORIGINAL, bereza, nezhnost, settingsFor } from "./fixtures.js";

describe("streaming/index", () => {
  describe("createStreamingResolver", () => {
    it("is the disabled resolver without credentials, and calls nothing", async () => {
      const fake = await FakeSpotify.start({ tracks: [ORIGINAL] });
      try {
        for (const creds of [{}, { clientId: "id" }, { clientSecret: "secret" }]) {
          const resolver = createStreamingResolver({
            ...DEFAULT_STREAMING_SETTINGS,
            apiUrl: fake.url,
            accountsUrl: fake.url,
            ...creds,
          });
          const { song, recording } = nezhnost();
          expect(await resolver.resolve(song, recording)).to.deep.equal({
            status: "disabled",
            reason: DISABLED_REASON,
          });
        }
        expect(DISABLED_REASON).to.equal(
          "Spotify credentials are not configured (SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET)",
        );
        expect(fake.requests).to.deep.equal([]);
      } finally {
        await fake.close();
      }
    });

    it("with credentials resolves through Spotify and caches the answer", async () => {
      const fake = await FakeSpotify.start({ tracks: [ORIGINAL] });
      const streaming = createStreaming(settingsFor(fake.url));
      try {
        const { song, recording } = nezhnost();
        const first = await streaming.resolver.resolve(song, recording);
        expect(first.status === "resolved" && first.best.trackId).to.equal(ORIGINAL.id);
        const count = fake.requests.length;
        expect(await streaming.resolver.resolve(song, recording)).to.deep.equal(first);
        expect(fake.requests.length).to.equal(count);
      } finally {
        streaming.close();
        await fake.close();
      }
    });

    it("refuses settings that make no sense, naming each", () => {
      expect(() =>
        createStreamingResolver({
          ...DEFAULT_STREAMING_SETTINGS,
          apiUrl: "ftp://example.org",
          accountsUrl: "https://accounts.example.org/prefix",
          concurrency: 0,
          minConfidence: 2,
          market: "Finland",
        }),
      ).to.throw(/apiUrl.*accountsUrl must not have a path.*market.*concurrency.*minConfidence/);
    });

    it("has the documented defaults", () => {
      expect(DEFAULT_STREAMING_SETTINGS).to.deep.equal({
        apiUrl: "https://api.spotify.com",
        accountsUrl: "https://accounts.spotify.com",
        timeoutMs: 3000,
        concurrency: 4,
        retries: 2,
        cacheTtlSec: 86_400,
        cacheMaxKeys: 10_000,
        minConfidence: 0.6,
        breakerFailures: 5,
        breakerCooldownMs: 30_000,
      });
    });
  });

  describe("resolveMany", () => {
    class Slow implements StreamingResolver {
      readonly provider = "spotify" as const;
      running = 0;
      peak = 0;
      async resolve(song: Song): Promise<Resolution> {
        this.peak = Math.max(this.peak, ++this.running);
        await new Promise((r) => setTimeout(r, song.id === "nezhnost" ? 20 : 2));
        this.running--;
        if (song.id === "test-boom") throw new Error("boom");
        return { status: "unavailable", reason: song.id };
      }
    }

    it("answers in input order, within the concurrency, reporting progress", async () => {
      const a = nezhnost();
      const b = bereza();
      const boom = nezhnost({ id: "test-boom" });
      const items = [a, b, boom, b, a].map(({ song, recording }) => ({ song, recording }));
      const resolver = new Slow();
      const progress: [number, number, string][] = [];
      const answers = await resolveMany(resolver, items, 2, (done, total, item) =>
        progress.push([done, total, item.song.id]),
      );
      expect(answers).to.deep.equal([
        { status: "unavailable", reason: "nezhnost" },
        { status: "unavailable", reason: "test-bereza" },
        { status: "unavailable", reason: "boom" },
        { status: "unavailable", reason: "test-bereza" },
        { status: "unavailable", reason: "nezhnost" },
      ]);
      expect(resolver.peak).to.equal(2);
      expect(progress.map((p) => p[0])).to.deep.equal([1, 2, 3, 4, 5]);
      expect(progress.every((p) => p[1] === 5)).to.equal(true);
      expect(await resolveMany(resolver, [], 4)).to.deep.equal([]);
    });

    it("finishes fast during a rate-limit cool-down instead of waiting it out", async () => {
      const fake = await FakeSpotify.start({ tracks: [ORIGINAL, BEREZA] });
      const streaming = createStreaming(settingsFor(fake.url));
      try {
        fake.script("token", rateLimited(3600));
        const items: { song: Song; recording: Recording }[] = Array.from({ length: 50 }, (_, i) =>
          nezhnost({ id: `test-song-${i}` }),
        );
        const started = performance.now();
        const answers = await resolveMany(streaming.resolver, items, 4);
        expect(performance.now() - started).to.be.below(500);
        expect(answers.every((a) => a.status === "rate-limited")).to.equal(true);
        expect(fake.requests).to.have.length(1);
      } finally {
        streaming.close();
        await fake.close();
      }
    });
  });
});
