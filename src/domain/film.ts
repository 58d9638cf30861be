/** A film (or episode) to plan music for: its story time and its ordered scenes. */
import { z } from "zod";
import { EraSchema } from "./era.js";
import { MAX_DESCRIPTION_CHARS } from "./scene.js";
import {
  CountrySchema,
  LanguageSchema,
  RequestYearSchema,
  SlugSchema,
  TermIdSchema,
  UrlSchema,
} from "./primitives.js";

export const MAX_SCENES = 500;

export const FilmSceneSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "must be letters, digits, - or _"),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(MAX_DESCRIPTION_CHARS).default(""),
    themes: z.array(TermIdSchema).max(20).default([]),
    moods: z.array(TermIdSchema).max(20).default([]),
    /** For flashbacks: the scene's own story year. */
    year: RequestYearSchema.optional(),
    durationSec: z.number().int().positive().max(36000).optional(),
    pinned: z.array(SlugSchema).max(5).default([]),
  })
  .strict();
export type FilmScene = z.infer<typeof FilmSceneSchema>;

export const FilmSchema = z
  .object({
    id: SlugSchema.optional(),
    title: z.string().trim().min(1).max(300),
    titleEnglish: z.string().trim().min(1).max(300).optional(),
    releaseYear: z.number().int().min(1890).max(2100).optional(),
    /** Story year: nothing released after it is period-correct. */
    year: RequestYearSchema.optional(),
    era: EraSchema.optional(),
    country: CountrySchema.optional(),
    language: LanguageSchema.optional(),
    synopsis: z.string().max(4000).optional(),
    sources: z.array(UrlSchema).optional(),
    scenes: z
      .array(FilmSceneSchema)
      .min(1, "a film needs at least one scene")
      .max(MAX_SCENES, `a film may have at most ${MAX_SCENES} scenes`),
  })
  .strict()
  .superRefine((film, ctx) => {
    if (film.year !== undefined && film.era !== undefined) {
      ctx.addIssue({ code: "custom", path: ["era"], message: "give either year or era, not both" });
    }
    const seen = new Set<string>();
    film.scenes.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({
          code: "custom",
          path: ["scenes", i, "id"],
          message: `scene id "${s.id}" is used twice`,
        });
      seen.add(s.id);
    });
  });
export type Film = z.infer<typeof FilmSchema>;
