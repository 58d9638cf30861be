/** A ranked, explained recommendation: the song, the recording to use, and why. */
import type { Recording, Song } from "./song.js";

export type FactorName = "era" | "themes" | "mood" | "origin" | "text";

export interface Reason {
  factor: FactorName;
  /** This factor's share of the final score (the contributions sum to `score`). */
  contribution: number;
  text: string;
}

export interface Suggestion {
  song: Song;
  recording: Recording;
  score: number;
  reasons: Reason[];
}

/** Where a recommended recording can be played on Spotify, or why it cannot (yet). */
export type SpotifyLink =
  | {
      status: "resolved";
      trackId: string;
      uri: string;
      url: string;
      previewUrl?: string;
      confidence: number;
      /** An editor confirmed this track. */
      pinned: boolean;
    }
  | { status: "unresolved"; reason: string }
  | { status: "rate-limited"; until: string }
  | { status: "unavailable"; reason: string }
  | { status: "disabled"; reason: string };

/** A search page on a service that needs no API key: a search, not a confirmed match. */
export interface ListeningLink {
  provider: string;
  kind: "search";
  url: string;
}

/** A suggestion as answered to users, with ways to listen. */
export interface ListenableSuggestion extends Suggestion {
  listening: ListeningLink[];
  streaming?: { spotify: SpotifyLink };
}
