import { expect } from "chai";
import { CallPolicy } from "../../src/streaming/call-policy.js";
import { CircuitBreaker } from "../../src/streaming/circuit-breaker.js";
import { ConcurrencyLimit } from "../../src/streaming/concurrency-limit.js";
import { CoolDown, parseRetryAfter } from "../../src/streaming/cool-down.js";
import { withDeadline } from "../../src/streaming/deadline.js";
import { UpstreamError, type UpstreamProblem } from "../../src/streaming/upstream-error.js";

const fail = (p: UpstreamProblem) => () => Promise.reject(new UpstreamError(p));
const ok =
  <T>(v: T) =>
  () =>
    Promise.resolve(v);

async function problemOf(work: Promise<unknown>): Promise<UpstreamProblem> {
  try {
    await work;
  } catch (e) {
    return (e as UpstreamError).problem;
  }
  throw new Error("expected a failure");
}

describe("streaming/call-policy and its parts", () => {
  describe("CircuitBreaker", () => {
    it("opens after N consecutive failures, then lets exactly one probe through", () => {
      let now = 0;
      const b = new CircuitBreaker(3, 1000, () => now);
      b.failure();
      b.failure();
      b.success(); // consecutive only
      b.failure();
      b.failure();
      expect(b.state()).to.equal("closed");
      b.failure();
      expect(b.state()).to.equal("open");
      expect(b.tryAcquire()).to.equal(false);
      now = 1000;
      expect(b.state()).to.equal("half-open");
      expect(b.tryAcquire()).to.equal(true); // the probe
      expect(b.tryAcquire()).to.equal(false); // others wait for its outcome
      b.failure(); // the probe failed: open for another cool-down
      expect(b.state()).to.equal("open");
      expect(b.retryAt).to.equal(2000);
      now = 2000;
      expect(b.tryAcquire()).to.equal(true);
      b.success();
      expect(b.state()).to.equal("closed");
      expect(b.tryAcquire()).to.equal(true);
      expect(b.tryAcquire()).to.equal(true);
    });
  });

  describe("CoolDown and Retry-After", () => {
    it("reads delta-seconds and HTTP dates", () => {
      const now = Date.parse("2026-09-01T12:00:00Z");
      expect(parseRetryAfter("79892", now)).to.equal(79_892);
      expect(parseRetryAfter("Tue, 01 Sep 2026 12:01:30 GMT", now)).to.equal(90);
      expect(parseRetryAfter(["5"], now)).to.equal(5);
      expect(parseRetryAfter("soon", now)).to.equal(undefined);
      expect(parseRetryAfter(undefined, now)).to.equal(undefined);
    });

    it("lasts Retry-After seconds (30 without one, at least 1) and is never shortened", () => {
      let now = 0;
      const c = new CoolDown(() => now);
      expect(c.activeUntil()).to.equal(null);
      expect(c.start(undefined)).to.equal(30_000);
      expect(c.start(5)).to.equal(30_000); // a shorter one does not cut the longer short
      expect(c.start(100, "QUOTA_EXCEEDED")).to.equal(100_000);
      expect(c.reason).to.equal("QUOTA_EXCEEDED");
      now = 99_999;
      expect(c.activeUntil()).to.equal(100_000);
      now = 100_000;
      expect(c.activeUntil()).to.equal(null);
      expect(c.start(0)).to.equal(101_000);
    });
  });

  describe("ConcurrencyLimit", () => {
    it("never runs more than the limit at once, and keeps arrival order", async () => {
      const limit = new ConcurrencyLimit(2);
      let running = 0;
      let peak = 0;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          limit.run(async () => {
            order.push(i);
            peak = Math.max(peak, ++running);
            await new Promise((r) => setTimeout(r, 5));
            running--;
          }),
        ),
      );
      expect(peak).to.equal(2);
      expect(order).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
      expect([limit.active, limit.queued]).to.deep.equal([0, 0]);
    });
  });

  describe("withDeadline", () => {
    it("rejects with a timeout and swallows the late outcome", async () => {
      let rejectLate: (e: Error) => void = () => {};
      const late = new Promise<never>((_, reject) => (rejectLate = reject));
      const unhandled: unknown[] = [];
      const onUnhandled = (e: unknown) => unhandled.push(e);
      process.on("unhandledRejection", onUnhandled);
      try {
        expect(await problemOf(withDeadline(late, 20))).to.deep.equal({
          kind: "timeout",
          afterMs: 20,
        });
        rejectLate(new Error("socket hang up"));
        await new Promise((r) => setTimeout(r, 10));
        expect(unhandled).to.deep.equal([]);
      } finally {
        process.off("unhandledRejection", onUnhandled);
      }
    });
  });

  describe("CallPolicy", () => {
    const base = {
      timeoutMs: 200,
      concurrency: 2,
      retries: 3,
      breakerFailures: 10,
      breakerCooldownMs: 1000,
      backoffBaseMs: 1,
    };

    it("backs off exponentially with jitter, within bounds", () => {
      const low = new CallPolicy({
        ...base,
        backoffBaseMs: 100,
        backoffMaxMs: 1000,
        random: () => 0,
      });
      const high = new CallPolicy({
        ...base,
        backoffBaseMs: 100,
        backoffMaxMs: 1000,
        random: () => 1,
      });
      expect([0, 1, 2, 3, 4].map((a) => low.backoff(a))).to.deep.equal([50, 100, 200, 400, 500]);
      expect([0, 1, 2, 3, 4].map((a) => high.backoff(a))).to.deep.equal([100, 200, 400, 800, 1000]);
    });

    it("retries 5xx and network errors, not timeouts, 4xx or garbage", async () => {
      const policy = new CallPolicy(base);
      const count = async (p: UpstreamProblem) => {
        let calls = 0;
        await problemOf(
          policy.run(() => {
            calls++;
            return fail(p)();
          }),
        );
        return calls;
      };
      expect(await count({ kind: "server", status: 503 })).to.equal(4);
      expect(await count({ kind: "network", code: "ECONNRESET" })).to.equal(4);
      expect(await count({ kind: "timeout", afterMs: 1 })).to.equal(1);
      expect(await count({ kind: "rejected", status: 400, message: "Invalid limit" })).to.equal(1);
      expect(await count({ kind: "malformed", detail: "x" })).to.equal(1);
      expect(await count({ kind: "unauthorized", message: "x" })).to.equal(1);
    });

    it("honours a per-call retry override (POSTs are not repeated)", async () => {
      const policy = new CallPolicy(base);
      let calls = 0;
      await problemOf(
        policy.run(
          () => {
            calls++;
            return fail({ kind: "server", status: 500 })();
          },
          { retries: 0 },
        ),
      );
      expect(calls).to.equal(1);
    });

    it("stops retrying once the breaker opens", async () => {
      const policy = new CallPolicy({ ...base, retries: 5, breakerFailures: 2 });
      let calls = 0;
      const p = await problemOf(
        policy.run(() => {
          calls++;
          return fail({ kind: "server", status: 500 })();
        }),
      );
      expect(calls).to.equal(2);
      expect(p).to.deep.equal({ kind: "server", status: 500 });
      expect((await problemOf(policy.run(ok(1)))).kind).to.equal("circuit-open");
    });

    it("turns a 429 into the shared cool-down and sends nothing during it", async () => {
      let now = 1_000_000;
      const policy = new CallPolicy({ ...base, now: () => now });
      const p = await problemOf(
        policy.run(fail({ kind: "rate-limited", retryAfterSec: 60, reason: "QUOTA_EXCEEDED" })),
      );
      expect(p).to.deep.equal({ kind: "cooling-down", until: 1_060_000, reason: "QUOTA_EXCEEDED" });
      let sent = 0;
      const again = await problemOf(policy.run(() => (sent++, Promise.resolve(1))));
      expect(again.kind).to.equal("cooling-down");
      expect(sent).to.equal(0);
      now = 1_060_000;
      expect(await policy.run(ok(7))).to.equal(7);
    });

    it("a cool-down that starts while calls wait for a slot stops them too", async () => {
      const policy = new CallPolicy({ ...base, concurrency: 1 });
      let sent = 0;
      const first = policy.run(async () => {
        sent++;
        await new Promise((r) => setTimeout(r, 10));
        throw new UpstreamError({ kind: "rate-limited", retryAfterSec: 60 });
      });
      const queued = policy.run(() => (sent++, Promise.resolve(1)));
      expect((await problemOf(first)).kind).to.equal("cooling-down");
      expect((await problemOf(queued)).kind).to.equal("cooling-down");
      expect(sent).to.equal(1);
    });

    it("limits the calls in flight", async () => {
      const policy = new CallPolicy({ ...base, concurrency: 3 });
      let running = 0;
      let peak = 0;
      await Promise.all(
        Array.from({ length: 10 }, () =>
          policy.run(async () => {
            peak = Math.max(peak, ++running);
            await new Promise((r) => setTimeout(r, 5));
            running--;
          }),
        ),
      );
      expect(peak).to.equal(3);
    });

    it("times out a call that never settles", async () => {
      const policy = new CallPolicy({ ...base, timeoutMs: 30 });
      const p = await problemOf(policy.run(() => new Promise<never>(() => {})));
      expect(p).to.deep.equal({ kind: "timeout", afterMs: 30 });
    });
  });
});
