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
