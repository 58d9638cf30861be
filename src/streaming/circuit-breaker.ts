/**
 * Circuit breaker over upstream health.
 *
 * - closed: requests flow; `failureThreshold` consecutive failures open it.
 * - open: nothing is sent until `cooldownMs` has passed; callers fail at once.
 * - half-open: after the cool-down exactly one probe is let through; its success closes the
 *   breaker, its failure opens it for another cool-down. Others fail fast while it is in flight.
 *
 * Only failures that say "upstream is unhealthy" are reported here (5xx, network, timeout,
 * garbage); a 4xx or a 429 is an answer, so it counts as a success.
 */
export type BreakerState = "closed" | "open" | "half-open";

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  state(): BreakerState {
    if (this.consecutiveFailures < this.failureThreshold) return "closed";
    return this.now() < this.openUntil || this.probing ? "open" : "half-open";
  }

  /** When a caller turned away now may try again (epoch ms). */
  get retryAt(): number {
    return this.openUntil;
  }

  /** Non-mutating: would a request be turned away right now? */
  rejects(): boolean {
    return this.state() === "open";
  }

  /** Asks to send one request. In half-open state only the first caller gets a yes. */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === "closed") return true;
    if (state === "open") return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.consecutiveFailures = 0;
    this.probing = false;
  }

  failure(): void {
    this.consecutiveFailures++;
    if (this.probing || this.consecutiveFailures >= this.failureThreshold) {
      this.consecutiveFailures = Math.max(this.consecutiveFailures, this.failureThreshold);
      this.openUntil = this.now() + this.cooldownMs;
    }
    this.probing = false;
  }
}
