/**
 * Adds ways to listen to answers: provider-neutral search links always, and — when the caller asks
 * for `resolve=spotify` — the Spotify resolution of each recommended recording. Resolution never
 * makes an answer fail: a song that cannot be resolved says why (disabled, unresolved,
 * rate-limited until …, unavailable), and the answer as a whole carries a summary.
 */
import type {
  ListenableSuggestion,
  Recording,
  Song,
  SpotifyLink,
  Suggestion,
} from "../domain/index.js";
import { listeningLinks } from "../streaming/listening-links.js";
import type { Resolution, StreamingResolver } from "../streaming/resolver.js";

export interface ResolutionSummary {
  provider: "spotify";
  status: "disabled" | "done";
  reason?: string;
  resolved: number;
  unresolved: number;
  rateLimitedUntil?: string;
  unavailable: number;
}

export function toSpotifyLink(r: Resolution): SpotifyLink {
  switch (r.status) {
    case "resolved":
      return {
        status: "resolved",
        trackId: r.best.trackId,
        uri: r.best.uri,
        url: r.best.url,
        ...(r.best.previewUrl ? { previewUrl: r.best.previewUrl } : {}),
        confidence: Math.round(r.best.confidence * 1000) / 1000,
        pinned: r.pinned,
      };
    case "unresolved":
      return { status: "unresolved", reason: r.reason };
    case "rate-limited":
      return { status: "rate-limited", until: r.until };
    case "unavailable":
      return { status: "unavailable", reason: r.reason };
    case "disabled":
      return { status: "disabled", reason: r.reason };
  }
}

/**
 * Links per recording object: a recording belongs to one song and both are immutable (an edit
 * makes new objects), so the links are built once and shared by every answer naming them.
 */
const linksOf = new WeakMap<Recording, ListenableSuggestion["listening"]>();

export function listeningFor(song: Song, recording: Recording): ListenableSuggestion["listening"] {
  let listening = linksOf.get(recording);
  if (!listening) {
    listening = listeningLinks(song, recording);
    linksOf.set(recording, listening);
  }
  return listening;
}

/** Any suggestion-like value (a plan's pick, say), with its extra keys, plus its listening links. */
export function withListening<T extends Suggestion>(s: T): T & ListenableSuggestion {
  return { ...s, listening: listeningFor(s.song, s.recording) };
}

/** Fails to compile if Suggestion gains a key that `listenable` would drop. */
type Exactly<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const ALL_SUGGESTION_KEYS: Exactly<keyof Suggestion, "song" | "recording" | "score" | "reasons"> =
  true;
void ALL_SUGGESTION_KEYS;

/**
 * A ranked suggestion plus its listening links, built as one literal: copying with spread made
 * objects of a slower kind, several times larger, that the answer writer then walked slowly.
 */
export function listenable(s: Suggestion): ListenableSuggestion {
  return {
    song: s.song,
    recording: s.recording,
    score: s.score,
    reasons: s.reasons,
    listening: listeningFor(s.song, s.recording),
  };
}

/** Resolves each (song, recording) once, in parallel (the resolver bounds upstream concurrency). */
export async function resolveAll(
  resolver: StreamingResolver,
  items: readonly { song: Song; recording: Recording }[],
): Promise<{ links: SpotifyLink[]; summary: ResolutionSummary }> {
  const resolutions = await Promise.all(items.map((i) => resolver.resolve(i.song, i.recording)));
  const links = resolutions.map(toSpotifyLink);
  const disabled = links.find((l) => l.status === "disabled");
  const summary: ResolutionSummary = {
    provider: "spotify",
    status: disabled ? "disabled" : "done",
    ...(disabled?.status === "disabled" ? { reason: disabled.reason } : {}),
    resolved: links.filter((l) => l.status === "resolved").length,
    unresolved: links.filter((l) => l.status === "unresolved").length,
    unavailable: links.filter((l) => l.status === "unavailable").length,
  };
  const limited = links.find((l) => l.status === "rate-limited");
  if (limited?.status === "rate-limited") summary.rateLimitedUntil = limited.until;
  return { links, summary };
}
