import { expect } from "chai";
import type { Recording, Song } from "../../src/domain/index.js";
import { CachingResolver, cacheKey } from "../../src/streaming/caching-resolver.js";
import type { Resolution, StreamingResolver } from "../../src/streaming/resolver.js";
import { createSpotifyApp } from "../../src/streaming/spotify-app.js";
import { FakeSpotify, serverError } from "./fake-spotify.js";
import { BEREZA, ORIGINAL, bereza, nezhnost, settingsFor } from "./fixtures.js";

/** A scripted inner resolver that counts its calls. */
class Scripted implements StreamingResolver {
  readonly provider = "spotify" as const;
  calls = 0;
  constructor(private readonly answers: (n: number) => Resolution) {}
  async resolve(_song: Song, _recording: Recording): Promise<Resolution> {
    this.calls++;
    await new Promise((r) => setTimeout(r, 5));
    return this.answers(this.calls);
  }
}

const unresolved: Resolution = { status: "unresolved", candidates: [], reason: "nothing" };

describe("streaming/caching-resolver", () => {
  const a = nezhnost();
  const b = bereza();

  describe("over the real Spotify resolver", () => {
    let fake: FakeSpotify;
    afterEach(async () => fake.close());

    it("answers a repeated resolve without any upstream call", async () => {
      fake = await FakeSpotify.start({ tracks: [ORIGINAL, BEREZA] });
      const app = createSpotifyApp(settingsFor(fake.url));
      const cached = new CachingResolver(app.resolver, { ttlSec: 60, maxKeys: 10 });
      const first = await cached.resolve(a.song, a.recording);
      const count = fake.requests.length;
      expect(count).to.equal(2); // token + one search
      const second = await cached.resolve(a.song, a.recording);
      expect(second).to.deep.equal(first);
      expect(fake.requests.length).to.equal(count);
      await cached.resolve(b.song, b.recording); // another song does go upstream
      expect(fake.to("search")).to.have.length(2);
      cached.close();
    });

    it("does not keep an unavailable answer", async () => {
      fake = await FakeSpotify.start({ tracks: [ORIGINAL] });
      const app = createSpotifyApp(settingsFor(fake.url, { retries: 0 }));
      const cached = new CachingResolver(app.resolver, { ttlSec: 60, maxKeys: 10 });
      fake.script("search", serverError(500));
      expect((await cached.resolve(a.song, a.recording)).status).to.equal("unavailable");
      expect((await cached.resolve(a.song, a.recording)).status).to.equal("resolved");
      cached.close();
    });
  });

  it("shares one inner call between concurrent resolves of the same recording", async () => {
    const inner = new Scripted(() => unresolved);
    const cached = new CachingResolver(inner, { ttlSec: 60, maxKeys: 10 });
    const answers = await Promise.all([1, 2, 3].map(() => cached.resolve(a.song, a.recording)));
    expect(inner.calls).to.equal(1);
    expect(answers).to.deep.equal([unresolved, unresolved, unresolved]);
    cached.close();
  });

  it("never stores rate-limited or unavailable answers", async () => {
    const transient: Resolution[] = [
      { status: "rate-limited", until: "2026-09-01T13:00:00.000Z" },
      { status: "unavailable", reason: "down" },
      unresolved,
    ];
    const inner = new Scripted((n) => transient[n - 1] as Resolution);
    const cached = new CachingResolver(inner, { ttlSec: 60, maxKeys: 10 });
    expect((await cached.resolve(a.song, a.recording)).status).to.equal("rate-limited");
    expect((await cached.resolve(a.song, a.recording)).status).to.equal("unavailable");
    expect((await cached.resolve(a.song, a.recording)).status).to.equal("unresolved");
    expect((await cached.resolve(a.song, a.recording)).status).to.equal("unresolved");
    expect(inner.calls).to.equal(3);
    cached.close();
  });

  it("holds at most maxKeys entries, dropping the oldest", async () => {
    const inner = new Scripted(() => unresolved);
    const cached = new CachingResolver(inner, { ttlSec: 60, maxKeys: 2 });
    const c = nezhnost({ id: "test-third" });
    await cached.resolve(a.song, a.recording);
    await cached.resolve(b.song, b.recording);
    await cached.resolve(c.song, c.recording);
    expect(cached.size).to.equal(2);
    expect(inner.calls).to.equal(3);
    await cached.resolve(c.song, c.recording); // kept
    await cached.resolve(b.song, b.recording); // kept
    expect(inner.calls).to.equal(3);
    await cached.resolve(a.song, a.recording); // the oldest was dropped
    expect(inner.calls).to.equal(4);
    cached.close();
  });

  it("expires entries after the TTL", async () => {
    const inner = new Scripted(() => unresolved);
    const cached = new CachingResolver(inner, { ttlSec: 1, maxKeys: 10 });
    await cached.resolve(a.song, a.recording);
    await new Promise((r) => setTimeout(r, 1050));
    await cached.resolve(a.song, a.recording);
    expect(inner.calls).to.equal(2);
    cached.close();
  });

  it("hands out copies, so a caller cannot change the cache", async () => {
    const inner = new Scripted(() => ({ ...unresolved, candidates: [] }));
    const cached = new CachingResolver(inner, { ttlSec: 60, maxKeys: 10 });
    const first = await cached.resolve(a.song, a.recording);
    (first as { reason: string }).reason = "changed";
    expect(await cached.resolve(a.song, a.recording)).to.deep.equal(unresolved);
    cached.close();
  });

  it("keys on what matching reads, so an edited pin or title is looked up afresh", () => {
    const pinned = nezhnost({ streaming: { spotify: { trackId: "Pinned0TrackId00000001" } } });
    const retitled = nezhnost({ titleLatin: "Nezhnost'" });
    const base = cacheKey("spotify", a.song, a.recording);
    expect(cacheKey("spotify", pinned.song, pinned.recording)).to.not.equal(base);
    expect(cacheKey("spotify", retitled.song, retitled.recording)).to.not.equal(base);
    expect(cacheKey("spotify", nezhnost().song, nezhnost().recording)).to.equal(base);
  });
});
