/** Planning a whole film's soundtrack: the request and the plan. */
import { z } from "zod";
import { FilmSchema } from "./film.js";
import type { YearRange } from "./era.js";
import type { Interpretation } from "./scene.js";
import type { ListeningLink, SpotifyLink, Suggestion } from "./suggestion.js";

export const PlanRequestSchema = z
  .object({
    film: FilmSchema,
    /** Songs chosen per scene. */
    perScene: z.number().int().min(1).max(5, "must be at most 5").default(1),
    /** Ranked alternates listed per scene. */
    alternates: z.number().int().min(0).max(10, "must be at most 10").default(3),
    /** Songs one performer may have across the whole film. */
    maxPerPerformer: z.number().int().min(1).max(50).default(2),
    periodCorrect: z.boolean().default(true),
    /** Language of the reasons' sentences. */
    lang: z.enum(["en", "ru"]).default("en"),
    /** Smooth the mood between consecutive scenes (see planning/mood-arc.ts). */
    moodArc: z.boolean().default(false),
  })
  .strict();
export type PlanRequest = z.infer<typeof PlanRequestSchema>;

export interface PlanPick extends Suggestion {
  /** True when an editor pinned this song to the scene. */
  pinned: boolean;
}

export interface ScenePlan {
  sceneId: string;
  title: string;
  period: YearRange | null;
  interpreted: Interpretation;
  picks: PlanPick[];
  alternates: Suggestion[];
  /** Slots left empty because no candidate was left that fits (shown, never hidden). */
  unfilled: number;
}

export interface PlanTrack {
  order: number;
  sceneId: string;
  sceneTitle: string;
  song: Suggestion["song"];
  recording: Suggestion["recording"];
  score: number;
  pinned: boolean;
  /** Search links that need no account (always present). */
  listening?: ListeningLink[];
  /** Present when the plan was asked with resolve=spotify. */
  streaming?: { spotify: SpotifyLink };
}

export interface Plan {
  film: {
    id?: string | undefined;
    title: string;
    titleEnglish?: string | undefined;
    year?: number | undefined;
    era?: YearRange | undefined;
    country?: string | undefined;
    language?: string | undefined;
  };
  options: {
    perScene: number;
    alternates: number;
    maxPerPerformer: number;
    periodCorrect: boolean;
    moodArc: boolean;
  };
  /** Picks the mood arc swapped for smoother transitions (0 when moodArc is off). */
  arcSwaps: number;
  scenes: ScenePlan[];
  tracks: PlanTrack[];
  /** Sum of the picks' scores: what the assignment maximised. */
  totalScore: number;
}
