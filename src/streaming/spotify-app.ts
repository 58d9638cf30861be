/**
 * Wires one Spotify app (one client id): the client, the call policy every request shares
 * (Spotify rate-limits the app as a whole, so one cool-down and one breaker), the app token, the
 * uncached resolver and the playlist writer. index.ts puts the cache in front; tests use this
 * directly to look inside (token fetches, breaker state) and to inject a clock.
 */
import { CallPolicy } from "./call-policy.js";
import type { StreamingSettings } from "./settings.js";
import { SpotifyClient } from "./spotify-client.js";
import { SpotifyPlaylists } from "./spotify-playlists.js";
import { SpotifyResolver } from "./spotify-resolver.js";
import { TokenProvider } from "./spotify-token.js";

/** Hooks for tests and tools; production uses the defaults. */
export interface StreamingRuntime {
  now?: () => number;
  random?: () => number;
  /** First retry backoff in ms (default 200, doubling, capped at 2 s). */
  backoffBaseMs?: number;
}

export interface SpotifyApp {
  client: SpotifyClient;
  policy: CallPolicy;
  tokens: TokenProvider;
  resolver: SpotifyResolver;
  playlists: SpotifyPlaylists;
}

export function createSpotifyApp(
  settings: StreamingSettings,
  runtime: StreamingRuntime = {},
): SpotifyApp {
  const policy = new CallPolicy({
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    retries: settings.retries,
    breakerFailures: settings.breakerFailures,
    breakerCooldownMs: settings.breakerCooldownMs,
    ...runtime,
  });
  const client = new SpotifyClient(settings);
  const tokens = new TokenProvider(() => policy.run(() => client.requestAppToken()), runtime.now);
  const resolver = new SpotifyResolver({
    client,
    policy,
    tokens,
    minConfidence: settings.minConfidence,
  });
  return { client, policy, tokens, resolver, playlists: new SpotifyPlaylists(client, policy) };
}
