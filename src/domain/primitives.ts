/**
 * Small shared zod building blocks: ids, years, codes, people. Every other schema is built from these,
 * so a rule such as "catalogue years lie in 1900–2030" is written exactly once.
 */
import { z } from "zod";

export const CATALOGUE_MIN_YEAR = 1900;
export const CATALOGUE_MAX_YEAR = 2030;
/** Films may be set long before recorded music; requests accept a wider range than catalogue entries. */
export const REQUEST_MIN_YEAR = 1800;
export const REQUEST_MAX_YEAR = 2100;

export const SlugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug (a-z, 0-9, single hyphens)");

export const TermIdSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9-]*$/, "must be a vocabulary id (lowercase letters, digits, hyphens)");

export const CatalogueYearSchema = z
  .number()
  .int("must be a whole year")
  .min(CATALOGUE_MIN_YEAR, `must be ${CATALOGUE_MIN_YEAR} or later`)
  .max(CATALOGUE_MAX_YEAR, `must be ${CATALOGUE_MAX_YEAR} or earlier`);

export const RequestYearSchema = z
  .number()
  .int("must be a whole year")
  .min(REQUEST_MIN_YEAR, `must be ${REQUEST_MIN_YEAR} or later`)
  .max(REQUEST_MAX_YEAR, `must be ${REQUEST_MAX_YEAR} or earlier`);

/** ISO 3166-1 alpha-2, plus the historical SU for the USSR (reserved by ISO for exactly that). */
export const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as SU, US, FR");

/** ISO 639-1, or the ISO 639-2 code zxx ("no linguistic content") for instrumentals. */
export const LanguageSchema = z
  .string()
  .regex(/^(?:[a-z]{2}|zxx)$/, "must be an ISO 639-1 code such as ru, en, fr (zxx: instrumental)");

export const UrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{M}]/u;

/** True when a name needs a Latin spelling next to it (Cyrillic, Greek, Georgian…). */
export function isNonLatin(text: string): boolean {
  return NON_LATIN.test(text);
}

export const PersonSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    nameLatin: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((person, ctx) => {
    if (isNonLatin(person.name) && !person.nameLatin) {
      ctx.addIssue({
        code: "custom",
        path: ["nameLatin"],
        message: `is required because "${person.name}" is not in Latin script`,
      });
    }
  });
export type Person = z.infer<typeof PersonSchema>;
