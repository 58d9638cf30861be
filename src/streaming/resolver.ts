/**
 * The streaming port, in the core's terms: given a catalogue song and the recording we recommend,
 * find that recording on a streaming service.
 *
 * Rules every implementation keeps:
 * - `resolve()` never throws for upstream problems (network, timeouts, 5xx, 429, odd bodies); it
 *   answers with a `Resolution` the caller can show or act on.
 * - A weak best match is `unresolved` (with the candidates for an editor), never a wrong track.
 * - An editor's pin always wins (`resolved` with `pinned: true`).
 */
import type { Recording, Song } from "../domain/index.js";

export interface TrackCandidate {
  provider: "spotify";
  trackId: string;
  /** `spotify:track:<id>` */
  uri: string;
  /** `https://open.spotify.com/track/<id>` */
  url: string;
  previewUrl?: string;
  title: string;
  artists: string[];
  /** Release year of the album the track appears on (a reissue may be later than the recording). */
  year?: number;
  durationSec?: number;
  isrc?: string;
  /** How sure we are that this is the recording asked for, in [0, 1]. */
  confidence: number;
}

export type Resolution =
  | { status: "disabled"; reason: string }
  /** `candidates` is the ranked list, best first (so `candidates[0]` is `best`). */
  | { status: "resolved"; best: TrackCandidate; candidates: TrackCandidate[]; pinned: boolean }
  /** The best match was below the confidence threshold: never a wrong track. */
  | { status: "unresolved"; candidates: TrackCandidate[]; reason: string }
  /** A 429 started a cool-down; nothing goes upstream until `until` (ISO time). */
  | { status: "rate-limited"; until: string }
  /** Timeout, 5xx after retries, circuit breaker open, rejected request or a body we cannot trust. */
  | { status: "unavailable"; reason: string };

export interface StreamingResolver {
  readonly provider: "spotify";
  resolve(song: Song, recording: Recording): Promise<Resolution>;
}
