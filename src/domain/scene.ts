/** What a user asks for one scene, and what the engine understood from it. */
import { z } from "zod";
import { EraSchema, type YearRange } from "./era.js";
import {
  CountrySchema,
  LanguageSchema,
  RequestYearSchema,
  SlugSchema,
  TermIdSchema,
} from "./primitives.js";

export const MAX_DESCRIPTION_CHARS = 4000;
export const MAX_LIMIT = 100;

export const SceneRequestSchema = z
  .object({
    year: RequestYearSchema.optional(),
    era: EraSchema.optional(),
    country: CountrySchema.optional(),
    language: LanguageSchema.optional(),
    themes: z.array(TermIdSchema).max(20).default([]),
    moods: z.array(TermIdSchema).max(20).default([]),
    description: z
      .string()
      .max(MAX_DESCRIPTION_CHARS, `must be at most ${MAX_DESCRIPTION_CHARS} characters`)
      .optional(),
    limit: z.number().int().min(1).max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`).default(10),
    periodCorrect: z.boolean().default(true),
    exclude: z.array(SlugSchema).max(1000).default([]),
    /** Language of the reasons' sentences. */
    lang: z.enum(["en", "ru"]).default("en"),
    /** How many songs one performer may have in one answer. */
    maxPerPerformer: z.number().int().min(1).max(100).default(2),
  })
  .strict()
  .refine((r) => !(r.year !== undefined && r.era !== undefined), {
    message: "give either year or era, not both",
    path: ["era"],
  });
export type SceneRequest = z.infer<typeof SceneRequestSchema>;
export type SceneRequestInput = z.input<typeof SceneRequestSchema>;

/** A vocabulary term the engine is using, and where it came from (so a user can correct it). */
export interface InterpretedTerm {
  id: string;
  source: "request" | "description";
  /** Words of the description that produced this term. */
  matched: string[];
}

export interface Interpretation {
  /** The story time used, if any: from `year`, `era`, or a year written in the description. */
  period: (YearRange & { source: "year" | "era" | "description" }) | null;
  language: "ru" | "en" | "mixed" | null;
  themes: InterpretedTerm[];
  moods: InterpretedTerm[];
  /** Content words of the description that matched nothing in the vocabulary. */
  unmatched: string[];
}
