import { expect } from "chai";
import { TokenProvider, type FetchedToken } from "../../src/streaming/spotify-token.js";

function provider(answers: (() => Promise<FetchedToken>)[], now: () => number) {
  let i = 0;
  const calls = { count: 0 };
  const tokens = new TokenProvider(() => {
    calls.count++;
    const next = answers[Math.min(i++, answers.length - 1)] as () => Promise<FetchedToken>;
    return next();
  }, now);
  return { tokens, calls };
}

const token =
  (value: string, expiresInSec = 3600) =>
  () =>
    new Promise<FetchedToken>((r) => setTimeout(() => r({ accessToken: value, expiresInSec }), 5));

describe("streaming/spotify-token", () => {
  it("shares one in-flight fetch among concurrent callers, including its failure", async () => {
    const { tokens, calls } = provider(
      [
        () => new Promise((_, reject) => setTimeout(() => reject(new Error("down")), 5)),
        token("t2"),
      ],
      Date.now,
    );
    const failures = await Promise.allSettled([tokens.get(), tokens.get(), tokens.get()]);
    expect(failures.map((f) => f.status)).to.deep.equal(["rejected", "rejected", "rejected"]);
    expect(calls.count).to.equal(1);
    expect(await Promise.all([tokens.get(), tokens.get()])).to.deep.equal(["t2", "t2"]);
    expect(calls.count).to.equal(2);
  });

  it("refreshes a minute early, or at half-life for short tokens", async () => {
    let now = 0;
    const { tokens } = provider([token("a", 3600), token("b", 60), token("c", 60)], () => now);
    expect(await tokens.get()).to.equal("a");
    now = 3539_999;
    expect(await tokens.get()).to.equal("a");
    now = 3540_000;
    expect(await tokens.get()).to.equal("b"); // lifetime 60 s: refresh after 30 s
    now += 29_999;
    expect(await tokens.get()).to.equal("b");
    now += 1;
    expect(await tokens.get()).to.equal("c");
  });

  it("keeps using a still-valid token when an early refresh fails", async () => {
    let now = 0;
    const { tokens } = provider(
      [token("a", 3600), () => Promise.reject(new Error("429"))],
      () => now,
    );
    expect(await tokens.get()).to.equal("a");
    now = 3590_000; // refresh window, not yet expired
    expect(await tokens.get()).to.equal("a");
    now = 3600_000; // expired: the failure surfaces
    let error: unknown;
    await tokens.get().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal("429");
  });

  it("forgets a token the API refused", async () => {
    const { tokens, calls } = provider([token("a"), token("b")], Date.now);
    expect(await tokens.get()).to.equal("a");
    tokens.invalidate("someone-else's");
    expect(await tokens.get()).to.equal("a");
    tokens.invalidate("a");
    expect(await tokens.get()).to.equal("b");
    expect(calls.count).to.equal(2);
  });
});
