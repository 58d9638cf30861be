/**
 * How every upstream request of one Spotify app is made. In order, for each attempt:
 *
 * 1. In a 429 cool-down? Fail at once with its end time (nothing is sent, nobody sleeps).
 * 2. Breaker open? Fail at once.
 * 3. Wait for one of `concurrency` slots, then check 1 and 2 again (they may have changed).
 * 4. Send, with a deadline of `timeoutMs`.
 * 5. On a 429: start the shared cool-down and fail. On 5xx or a connection error: count a breaker
 *    failure, wait `backoffBaseMs · 2^attempt` with jitter (half fixed, half random, capped) and
 *    try again, at most `retries` more times. A timeout or an untrustworthy body counts as a
 *    failure but is not retried (it would only multiply the wait). Any other 4xx is an answer:
 *    it resets the breaker and is reported to the caller as is.
 *
 * The only sleeping is the short bounded backoff between retries of a 5xx.
 */
import { CircuitBreaker } from "./circuit-breaker.js";
import { ConcurrencyLimit } from "./concurrency-limit.js";
import { CoolDown } from "./cool-down.js";
import { withDeadline } from "./deadline.js";
import { UpstreamError, isFailure, isRetryable, problemOf } from "./upstream-error.js";

export interface CallPolicyOptions {
  timeoutMs: number;
  concurrency: number;
  retries: number;
  breakerFailures: number;
  breakerCooldownMs: number;
  /** First backoff delay; doubles per retry. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  now?: () => number;
  random?: () => number;
}

export interface CallOptions {
  /** Override the retry count, e.g. 0 for requests that must not be repeated (POSTs that create). */
  retries?: number;
}

export class CallPolicy {
  readonly coolDown: CoolDown;
  readonly breaker: CircuitBreaker;
  private readonly slots: ConcurrencyLimit;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;

  constructor(private readonly options: CallPolicyOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.backoffBaseMs = options.backoffBaseMs ?? 200;
    this.backoffMaxMs = options.backoffMaxMs ?? 2000;
    this.coolDown = new CoolDown(this.now);
    this.breaker = new CircuitBreaker(options.breakerFailures, options.breakerCooldownMs, this.now);
    this.slots = new ConcurrencyLimit(options.concurrency);
  }

  /** Runs `request` under the policy; throws only UpstreamError. */
  async run<T>(request: () => Promise<T>, call: CallOptions = {}): Promise<T> {
    const retries = call.retries ?? this.options.retries;
    for (let attempt = 0; ; attempt++) {
      this.failFast();
      const outcome = await this.slots.run(() => this.attempt(request));
      if (outcome.ok) return outcome.value;
      const problem = outcome.error.problem;
      if (!isRetryable(problem) || attempt >= retries || this.breaker.rejects()) {
        throw outcome.error;
      }
      await sleep(this.backoff(attempt));
    }
  }

  /** Delay before retry number `attempt + 1`: equal jitter, capped. */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** attempt);
    return ceiling / 2 + (this.random() * ceiling) / 2;
  }

  private failFast(): void {
    const until = this.coolDown.activeUntil();
    if (until !== null) {
      throw new UpstreamError({ kind: "cooling-down", until, reason: this.coolDown.reason });
    }
    if (this.breaker.rejects()) {
      throw new UpstreamError({ kind: "circuit-open", until: this.breaker.retryAt });
    }
  }

  private async attempt<T>(
    request: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: UpstreamError }> {
    try {
      this.failFast();
      if (!this.breaker.tryAcquire()) {
        throw new UpstreamError({ kind: "circuit-open", until: this.breaker.retryAt });
      }
    } catch (error) {
      return { ok: false, error: error as UpstreamError };
    }
    try {
      const value = await withDeadline(request(), this.options.timeoutMs);
      this.breaker.success();
      return { ok: true, value };
    } catch (error) {
      const problem = problemOf(error);
      if (isFailure(problem)) this.breaker.failure();
      else this.breaker.success();
      if (problem.kind === "rate-limited") {
        const until = this.coolDown.start(problem.retryAfterSec, problem.reason);
        const reason = problem.reason;
        return { ok: false, error: new UpstreamError({ kind: "cooling-down", until, reason }) };
      }
      return {
        ok: false,
        error: error instanceof UpstreamError ? error : new UpstreamError(problem),
      };
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
