/**
 * The one shared rate-limit cool-down of a Spotify app. A 429 sets it to now + Retry-After (which
 * Spotify has sent as high as a day); until then nothing may go upstream, because requests during
 * a cool-down appear to extend it. Callers fail fast with the end time; nobody sleeps waiting.
 */

/** When a 429 comes without a usable Retry-After: Spotify's rate window is a rolling 30 s. */
export const DEFAULT_RETRY_AFTER_SEC = 30;

export class CoolDown {
  private until = 0;
  private why: string | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** The end of the current cool-down (epoch ms), or null when requests may go out. */
  activeUntil(): number | null {
    return this.now() < this.until ? this.until : null;
  }

  /** What the 429 said, e.g. QUOTA_EXCEEDED (the latest one). */
  get reason(): string | undefined {
    return this.why;
  }

  /** Starts (or extends, never shortens) the cool-down; returns its end. */
  start(retryAfterSec: number | undefined, reason?: string): number {
    this.why = reason;
    const seconds =
      retryAfterSec !== undefined && Number.isFinite(retryAfterSec) && retryAfterSec >= 0
        ? retryAfterSec
        : DEFAULT_RETRY_AFTER_SEC;
    // At least one second: "Retry-After: 0" must not turn into a hammering loop.
    this.until = Math.max(this.until, this.now() + Math.max(1, seconds) * 1000);
    return this.until;
  }
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns seconds from
 * `now`, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(
  header: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
