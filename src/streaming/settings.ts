/**
 * Streaming settings and their defaults. config.ts reads them from the environment; this module
 * only checks that they make sense (a wrong value is a start-up error, not an upstream problem).
 */
import { z } from "zod";

export interface StreamingSettings {
  clientId?: string;
  clientSecret?: string;
  /** Base URL of the Web API (scheme, host, optional port; no path). */
  apiUrl: string;
  /** Base URL of the accounts service that issues tokens. */
  accountsUrl: string;
  /** ISO 3166-1 alpha-2 market for search; without it Spotify uses the app's country. */
  market?: string;
  /** Deadline for one upstream request, in milliseconds. */
  timeoutMs: number;
  /** Upstream requests in flight at once (shared by all callers). */
  concurrency: number;
  /** Extra attempts after a 5xx or a connection error (never after a timeout or a 4xx). */
  retries: number;
  cacheTtlSec: number;
  cacheMaxKeys: number;
  /** Below this confidence a song is `unresolved`. */
  minConfidence: number;
  /** Consecutive failed requests that open the circuit breaker. */
  breakerFailures: number;
  /** How long the breaker stays open before one probe request is let through. */
  breakerCooldownMs: number;
}

export const DEFAULT_STREAMING_SETTINGS: StreamingSettings = {
  apiUrl: "https://api.spotify.com",
  accountsUrl: "https://accounts.spotify.com",
  timeoutMs: 3000,
  concurrency: 4,
  retries: 2,
  cacheTtlSec: 24 * 3600,
  cacheMaxKeys: 10_000,
  minConfidence: 0.6,
  breakerFailures: 5,
  breakerCooldownMs: 30_000,
};

const BaseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .refine((u) => new URL(u).pathname === "/", "must not have a path (scheme, host and port only)");

const SettingsSchema = z.object({
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  apiUrl: BaseUrl,
  accountsUrl: BaseUrl,
  market: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
    .optional(),
  timeoutMs: z.number().int().positive(),
  concurrency: z.number().int().min(1).max(64),
  retries: z.number().int().min(0).max(10),
  cacheTtlSec: z.number().int().positive(),
  cacheMaxKeys: z.number().int().positive(),
  minConfidence: z.number().min(0).max(1),
  breakerFailures: z.number().int().min(1),
  breakerCooldownMs: z.number().int().positive(),
});

/** Throws a readable Error listing every bad setting. */
export function checkStreamingSettings(settings: StreamingSettings): StreamingSettings {
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    throw new Error(`invalid streaming settings: ${problems.join("; ")}`);
  }
  return settings;
}
