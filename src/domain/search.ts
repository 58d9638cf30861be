/** Catalogue search parameters (query-string shaped, so numbers arrive as text). */
import { z } from "zod";
import { CountrySchema, LanguageSchema, RequestYearSchema, TermIdSchema } from "./primitives.js";

const intFromQuery = <T extends z.ZodNumber>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), schema);

export const SongSearchSchema = z
  .object({
    q: z.string().trim().max(200, "must be at most 200 characters").optional(),
    decade: z
      .string()
      .regex(/^\d{3}0s?$/, 'must be a decade such as "1960s" or "1960"')
      .transform((d) => Number(d.slice(0, 4)))
      .optional(),
    yearFrom: intFromQuery(RequestYearSchema).optional(),
    yearTo: intFromQuery(RequestYearSchema).optional(),
    country: CountrySchema.optional(),
    language: LanguageSchema.optional(),
    theme: TermIdSchema.optional(),
    mood: TermIdSchema.optional(),
    limit: intFromQuery(z.number().int().min(1).max(100)).default(20),
    offset: intFromQuery(z.number().int().min(0).max(1_000_000)).default(0),
  })
  .strict();
export type SongSearch = z.infer<typeof SongSearchSchema>;

export interface SongPage<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
