/**
 * The app's access token (client-credentials flow).
 *
 * - Fetched on first use, then reused until shortly before it expires: `refreshEarlyMs` (60 s)
 *   early, or half its lifetime for short-lived tokens, so a request never leaves with a token
 *   that dies on the way.
 * - Concurrent callers share one in-flight fetch: a burst of resolves costs one token request.
 * - If an early refresh fails while the old token is still valid, the old token is used.
 * - `invalidate()` drops a token the API refused (401), so the next caller fetches a new one.
 */
export interface FetchedToken {
  accessToken: string;
  expiresInSec: number;
}

interface HeldToken {
  value: string;
  refreshAt: number;
  expiresAt: number;
}

export class TokenProvider {
  private current: HeldToken | null = null;
  private inflight: Promise<HeldToken> | null = null;
  private fetchCount = 0;

  constructor(
    private readonly fetchToken: () => Promise<FetchedToken>,
    private readonly now: () => number = Date.now,
    private readonly refreshEarlyMs = 60_000,
  ) {}

  /** Token fetches started (the call policy may have refused some without sending anything). */
  get fetches(): number {
    return this.fetchCount;
  }

  async get(): Promise<string> {
    const held = this.current;
    if (held && this.now() < held.refreshAt) return held.value;
    try {
      return (await this.refresh()).value;
    } catch (error) {
      if (held && this.current === held && this.now() < held.expiresAt) return held.value;
      throw error;
    }
  }

  invalidate(value: string): void {
    if (this.current?.value === value) this.current = null;
  }

  private refresh(): Promise<HeldToken> {
    if (!this.inflight) {
      this.fetchCount++;
      const started = this.now();
      this.inflight = this.fetchToken()
        .then((fetched) => {
          const lifetimeMs = fetched.expiresInSec * 1000;
          const token = {
            value: fetched.accessToken,
            expiresAt: started + lifetimeMs,
            refreshAt: started + lifetimeMs - Math.min(this.refreshEarlyMs, lifetimeMs / 2),
          };
          this.current = token;
          return token;
        })
        .finally(() => {
          this.inflight = null;
        });
    }
    return this.inflight;
  }
}
