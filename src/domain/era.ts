/**
 * Story time. A scene is set in one year or across an era ("1960s" or {from,to}); every ranking and
 * anachronism rule works on the resulting closed range of years.
 */
import { z } from "zod";
import { RequestYearSchema } from "./primitives.js";

export interface YearRange {
  from: number;
  to: number;
}

const DecadeSchema = z
  .string()
  .regex(/^\d{3}0s$/, 'must be a decade such as "1960s" or an object {from, to}')
  .transform((text, ctx): YearRange => {
    const from = Number(text.slice(0, 4));
    const parsed = RequestYearSchema.safeParse(from);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: `decade ${text} is out of range` });
      return z.NEVER;
    }
    return { from, to: from + 9 };
  });

const RangeSchema = z
  .object({ from: RequestYearSchema, to: RequestYearSchema })
  .strict()
  .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["to"] });

export const EraSchema = z.union([DecadeSchema, RangeSchema], {
  error: 'must be a decade such as "1960s" or an object {from, to}',
});

export function rangeOfYear(year: number): YearRange {
  return { from: year, to: year };
}

/** Years between a year and a range; 0 when inside. */
export function distanceToRange(year: number, range: YearRange): number {
  if (year < range.from) return range.from - year;
  if (year > range.to) return year - range.to;
  return 0;
}

export function describeRange(range: YearRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}
