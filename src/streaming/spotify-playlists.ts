/**
 * Creating a playlist in a user's account with the 2026 Web API:
 *   1. `POST /v1/me/playlists` (private, with the description),
 *   2. `POST /v1/playlists/{id}/items` with the track URIs in order, at most 100 per request.
 * Never the old `/v1/playlists/{id}/tracks` (403 since 2026), so never the library's
 * addTracksToPlaylist.
 *
 * Rules: URIs that are not `spotify:track:<22 base-62>` are reported `invalid` and not sent (one bad
 * URI would make Spotify refuse the whole chunk). Chunks go one after another so the order holds;
 * after a failed chunk the rest are `not-sent` (adding them would leave a gap in the order).
 * These POSTs are not idempotent, so they are never retried (a retried 5xx could duplicate the
 * playlist or its items); they still obey the shared cool-down, breaker, concurrency and deadline.
 */
import { MAX_ITEMS_PER_REQUEST, type SpotifyClient } from "./spotify-client.js";
import type { CallPolicy } from "./call-policy.js";
import { describeProblem, problemOf, type UpstreamProblem } from "./upstream-error.js";

export interface TrackOutcome {
  uri: string;
  status: "added" | "invalid" | "failed" | "not-sent";
  /** Position in the playlist, for added tracks. */
  position?: number;
  reason?: string;
}

export type PlaylistResult =
  | {
      status: "created";
      playlistId: string;
      uri: string;
      url: string;
      /** One outcome per requested URI, in the order given. */
      tracks: TrackOutcome[];
      /** Every valid track was added. */
      complete: boolean;
    }
  | { status: "rate-limited"; until: string }
  /** The user's token was refused (expired, or lacks playlist-modify-private). */
  | { status: "unauthorized"; reason: string }
  | { status: "unavailable"; reason: string };

export interface PlaylistWriter {
  createPlaylist(
    accessToken: string,
    name: string,
    description: string,
    trackUris: string[],
  ): Promise<PlaylistResult>;
}

const TRACK_URI = /^spotify:track:[0-9A-Za-z]{22}$/;

export class SpotifyPlaylists implements PlaylistWriter {
  constructor(
    private readonly client: SpotifyClient,
    private readonly policy: CallPolicy,
  ) {}

  async createPlaylist(
    accessToken: string,
    name: string,
    description: string,
    trackUris: string[],
  ): Promise<PlaylistResult> {
    let playlistId: string;
    try {
      const created = await this.policy.run(
        () => this.client.createPlaylist(accessToken, name, description),
        { retries: 0 },
      );
      playlistId = created.id;
    } catch (error) {
      return failure(problemOf(error));
    }

    const tracks: TrackOutcome[] = trackUris.map((uri) =>
      TRACK_URI.test(uri)
        ? { uri, status: "not-sent" as const }
        : { uri, status: "invalid" as const, reason: "not a spotify:track URI" },
    );
    const valid = tracks.filter((t) => t.status === "not-sent");
    let position = 0;
    for (let start = 0; start < valid.length; start += MAX_ITEMS_PER_REQUEST) {
      const chunk = valid.slice(start, start + MAX_ITEMS_PER_REQUEST);
      try {
        await this.policy.run(
          () =>
            this.client.addPlaylistItems(
              accessToken,
              playlistId,
              chunk.map((t) => t.uri),
            ),
          { retries: 0 },
        );
        for (const t of chunk) Object.assign(t, { status: "added", position: position++ });
      } catch (error) {
        const reason = describeProblem(problemOf(error));
        for (const t of chunk) Object.assign(t, { status: "failed", reason });
        for (const t of valid.slice(start + chunk.length)) {
          t.reason = "not sent after an earlier chunk failed";
        }
        break;
      }
    }
    return {
      status: "created",
      playlistId,
      uri: `spotify:playlist:${playlistId}`,
      url: `https://open.spotify.com/playlist/${playlistId}`,
      tracks,
      complete: valid.every((t) => t.status === "added"),
    };
  }
}

function failure(problem: UpstreamProblem): PlaylistResult {
  if (problem.kind === "cooling-down") {
    return { status: "rate-limited", until: new Date(problem.until).toISOString() };
  }
  if (problem.kind === "unauthorized" || (problem.kind === "rejected" && problem.status === 403)) {
    return { status: "unauthorized", reason: describeProblem(problem) };
  }
  return { status: "unavailable", reason: describeProblem(problem) };
}
