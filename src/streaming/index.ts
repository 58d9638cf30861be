/**
 * The streaming module's front door: the resolver for the settings (the disabled one when no
 * credentials are configured; otherwise Spotify behind a cache) and the playlist writer, sharing
 * one Spotify app (one cool-down, one breaker, one concurrency limit).
 *
 * @example
 *   const resolver = createStreamingResolver({ ...DEFAULT_STREAMING_SETTINGS, clientId, clientSecret });
 *   const answer = await resolver.resolve(song, recording); // never throws for upstream trouble
 */
import { CachingResolver } from "./caching-resolver.js";
import { DisabledResolver } from "./disabled-resolver.js";
import type { StreamingResolver } from "./resolver.js";
import { checkStreamingSettings, type StreamingSettings } from "./settings.js";
import { createSpotifyApp, type StreamingRuntime } from "./spotify-app.js";
import type { PlaylistWriter } from "./spotify-playlists.js";

export type { Resolution, StreamingResolver, TrackCandidate } from "./resolver.js";
export { DEFAULT_STREAMING_SETTINGS, type StreamingSettings } from "./settings.js";
export type { StreamingRuntime } from "./spotify-app.js";
export { DISABLED_REASON, DisabledResolver } from "./disabled-resolver.js";
export { resolveMany, type ResolveItem, type ResolveProgress } from "./resolve-many.js";
export type { PlaylistResult, PlaylistWriter, TrackOutcome } from "./spotify-playlists.js";
export { listeningLinks, type ListeningLink } from "./listening-links.js";

export interface Streaming {
  resolver: StreamingResolver;
  /** Works without app credentials: it acts with the user's own access token. */
  playlists: PlaylistWriter;
  /** Stops timers (the cache's expiry check); the objects must not be used afterwards. */
  close(): void;
}

/** Throws (at start-up) on settings that make no sense; never for upstream trouble. */
export function createStreaming(
  settings: StreamingSettings,
  runtime: StreamingRuntime = {},
): Streaming {
  checkStreamingSettings(settings);
  const app = createSpotifyApp(settings, runtime);
  if (!settings.clientId || !settings.clientSecret) {
    return { resolver: new DisabledResolver(), playlists: app.playlists, close: () => {} };
  }
  const resolver = new CachingResolver(app.resolver, {
    ttlSec: settings.cacheTtlSec,
    maxKeys: settings.cacheMaxKeys,
  });
  return { resolver, playlists: app.playlists, close: () => resolver.close() };
}

/** The resolver for these settings: disabled without credentials, else cached Spotify. */
export function createStreamingResolver(settings: StreamingSettings): StreamingResolver {
  return createStreaming(settings).resolver;
}
