/**
 * The Spotify implementation of the StreamingResolver port.
 *
 * - A pinned track id (`song.streaming.spotify.trackId`, set by an editor) always wins and needs no
 *   upstream call: `resolved`, `pinned: true`, with the catalogue's own title and performers.
 * - Otherwise: the searches of spotify-matching.ts in order (each with limit 10), merging results,
 *   stopping at the first confident best match. Best ≥ `minConfidence` → `resolved`; otherwise
 *   `unresolved` with the candidates for an editor to review, never a guessed track.
 * - Every upstream request goes through the shared CallPolicy (cool-down, breaker, concurrency,
 *   deadline, retries). A 401 drops the token and retries once with a fresh one.
 * - Upstream trouble becomes `rate-limited` (with the cool-down's end) or `unavailable`; a search
 *   that failed half-way is `unavailable`, not `unresolved`, because we did not look everywhere.
 */
import type { Recording, Song } from "../domain/index.js";
import type { CallPolicy } from "./call-policy.js";
import type { Resolution, StreamingResolver, TrackCandidate } from "./resolver.js";
import { MAX_SEARCH_LIMIT, type SpotifyClient } from "./spotify-client.js";
import {
  rankTracks,
  searchQueries,
  type ScoredTrack,
  type SpotifyTrack,
} from "./spotify-matching.js";
import type { TokenProvider } from "./spotify-token.js";
import { describeProblem, problemOf, type UpstreamProblem } from "./upstream-error.js";

export interface SpotifyResolverOptions {
  client: SpotifyClient;
  policy: CallPolicy;
  tokens: TokenProvider;
  minConfidence: number;
  /** Candidates returned with a resolution (best first). */
  maxCandidates?: number;
}

export class SpotifyResolver implements StreamingResolver {
  readonly provider = "spotify" as const;
  private readonly maxCandidates: number;

  constructor(private readonly options: SpotifyResolverOptions) {
    this.maxCandidates = options.maxCandidates ?? 5;
  }

  async resolve(song: Song, recording: Recording): Promise<Resolution> {
    const pin = song.streaming?.spotify?.trackId;
    if (pin) return pinned(song, recording, pin);
    try {
      return await this.search(song, recording);
    } catch (error) {
      return fromProblem(problemOf(error));
    }
  }

  private async search(song: Song, recording: Recording): Promise<Resolution> {
    const { client, minConfidence } = this.options;
    const pool = new Map<string, SpotifyTrack>();
    let ranked: ScoredTrack[] = [];
    const queries = searchQueries(song, recording);
    for (const query of queries) {
      const found = await this.authorized((token) =>
        client.searchTracks(token, query.q, MAX_SEARCH_LIMIT),
      );
      for (const track of found) if (!pool.has(track.id)) pool.set(track.id, track);
      ranked = rankTracks(song, recording, [...pool.values()]);
      if ((ranked[0]?.confidence ?? 0) >= minConfidence) break;
    }
    const candidates = ranked.slice(0, this.maxCandidates).map(toCandidate);
    const best = candidates[0];
    if (best && best.confidence >= minConfidence) {
      return { status: "resolved", best, candidates, pinned: false };
    }
    const performer = recording.performers[0]?.name ?? "";
    return {
      status: "unresolved",
      candidates,
      reason: best
        ? `best match «${best.title}» by ${best.artists.join(", ")} scored ${best.confidence}, below ${minConfidence}`
        : `no Spotify track found for «${song.title}» by ${performer} (${queries.length} searches)`,
    };
  }

  /** One upstream call with the app token; a refused token is replaced once. */
  private async authorized<T>(send: (token: string) => Promise<T>): Promise<T> {
    const { policy, tokens } = this.options;
    const token = await tokens.get();
    try {
      return await policy.run(() => send(token));
    } catch (error) {
      if (problemOf(error).kind !== "unauthorized") throw error;
      tokens.invalidate(token);
      const fresh = await tokens.get();
      return policy.run(() => send(fresh));
    }
  }
}

export function trackLinks(trackId: string): { uri: string; url: string } {
  return { uri: `spotify:track:${trackId}`, url: `https://open.spotify.com/track/${trackId}` };
}

function pinned(song: Song, recording: Recording, trackId: string): Resolution {
  const best: TrackCandidate = {
    provider: "spotify",
    trackId,
    ...trackLinks(trackId),
    title: song.title,
    artists: recording.performers.map((p) => p.name),
    ...(recording.year !== undefined ? { year: recording.year } : {}),
    ...(recording.durationSec !== undefined ? { durationSec: recording.durationSec } : {}),
    ...(recording.isrc !== undefined ? { isrc: recording.isrc } : {}),
    confidence: 1,
  };
  return { status: "resolved", best, candidates: [best], pinned: true };
}

function toCandidate(scored: ScoredTrack): TrackCandidate {
  const t = scored.track;
  return {
    provider: "spotify",
    trackId: t.id,
    ...trackLinks(t.id),
    ...(t.previewUrl ? { previewUrl: t.previewUrl } : {}),
    title: t.name,
    artists: t.artists,
    ...(t.releaseYear !== undefined ? { year: t.releaseYear } : {}),
    ...(t.durationMs !== undefined ? { durationSec: Math.round(t.durationMs / 1000) } : {}),
    ...(t.isrc !== undefined ? { isrc: t.isrc } : {}),
    confidence: scored.confidence,
  };
}

export function fromProblem(problem: UpstreamProblem): Resolution {
  if (problem.kind === "cooling-down") {
    return { status: "rate-limited", until: new Date(problem.until).toISOString() };
  }
  return { status: "unavailable", reason: describeProblem(problem) };
}
