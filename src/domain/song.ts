/**
 * A song is a *work* (composition: writers, year of first performance) with its *recordings*
 * (performances: performers, year). A film licenses a recording, so the anachronism question is
 * asked of the recording, not of the work.
 */
import { z } from "zod";
import {
  CatalogueYearSchema,
  CountrySchema,
  LanguageSchema,
  PersonSchema,
  SlugSchema,
  TermIdSchema,
  UrlSchema,
} from "./primitives.js";

const Affect = z.number().min(-1, "must be between -1 and 1").max(1, "must be between -1 and 1");

export const RecordingSchema = z
  .object({
    id: SlugSchema,
    performers: z.array(PersonSchema).min(1, "needs at least one performer"),
    year: CatalogueYearSchema.optional(),
    bestKnown: z.boolean().optional(),
    durationSec: z.number().int().positive().max(7200).optional(),
    isrc: z
      .string()
      .regex(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/, "must be a 12-character ISRC")
      .optional(),
    notes: z.string().max(2000).optional(),
    sources: z.array(UrlSchema).min(1, "needs at least one source URL"),
    unverified: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Recording = z.infer<typeof RecordingSchema>;

/** Spotify ids are 22 base-62 characters. Only ever set by an editor's pin, never guessed. */
export const SpotifyTrackIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z]{22}$/, "must be a 22-character Spotify track id");

export const StreamingPinsSchema = z
  .object({ spotify: z.object({ trackId: SpotifyTrackIdSchema }).strict().optional() })
  .strict();
export type StreamingPins = z.infer<typeof StreamingPinsSchema>;

export const SongSchema = z
  .object({
    id: SlugSchema,
    title: z.string().trim().min(1).max(300),
    titleLatin: z.string().trim().min(1).max(300),
    titleEnglish: z.string().trim().min(1).max(300).optional(),
    composers: z.array(PersonSchema),
    lyricists: z.array(PersonSchema),
    year: CatalogueYearSchema,
    country: CountrySchema,
    language: LanguageSchema,
    themes: z.array(TermIdSchema).min(1, "needs at least one theme").max(12),
    moods: z.array(TermIdSchema).max(8),
    valence: Affect.optional(),
    arousal: Affect.optional(),
    notes: z.string().max(2000).default(""),
    sources: z.array(UrlSchema).min(1, "needs at least one source URL"),
    unverified: z.array(z.string().min(1)).optional(),
    recordings: z.array(RecordingSchema).min(1, "needs at least one recording"),
    /** Streaming tracks an editor confirmed for this song's recommended recording. */
    streaming: StreamingPinsSchema.optional(),
  })
  .strict()
  .superRefine((song, ctx) => {
    const seen = new Set<string>();
    song.recordings.forEach((rec, i) => {
      if (seen.has(rec.id)) {
        ctx.addIssue({ code: "custom", path: ["recordings", i, "id"], message: "is used twice" });
      }
      seen.add(rec.id);
      if (rec.year !== undefined && rec.year < song.year) {
        ctx.addIssue({
          code: "custom",
          path: ["recordings", i, "year"],
          message: `(${rec.year}) is before the song's first performance (${song.year})`,
        });
      }
    });
    if ((song.valence === undefined) !== (song.arousal === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [song.valence === undefined ? "valence" : "arousal"],
        message: "valence and arousal must be given together",
      });
    }
  });
export type Song = z.infer<typeof SongSchema>;
export type SongInput = z.input<typeof SongSchema>;
