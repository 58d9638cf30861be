/**
 * Years and decades written in a scene description: "в 1965 году", "1960-х", "the 1960s",
 * "between 1961 and 1969". Decades become their ten-year range; several years become the range
 * they span. Only 1800–2100 counts as a year, so "14 minutes" or "3000 km" are ignored.
 */
import type { YearRange } from "../domain/index.js";

const DECADE = /(?<![\p{L}\p{N}])(1[89]\d0|20\d0)(?:-?(?:х|е|ых|ые|ies)|['’]?s)(?![\p{L}\p{N}])/giu;
const YEAR = /(?<![\p{L}\p{N}])(1[89]\d{2}|20\d{2}|2100)(?![\p{N}])/gu;

export function findPeriod(text: string): YearRange | null {
  const ranges: YearRange[] = [];
  const withoutDecades = text.replace(DECADE, (_m, decade: string) => {
    const from = Number(decade);
    ranges.push({ from, to: from + 9 });
    return " ";
  });
  for (const m of withoutDecades.matchAll(YEAR)) {
    const year = Number(m[1]);
    ranges.push({ from: year, to: year });
  }
  if (ranges.length === 0) return null;
  return {
    from: Math.min(...ranges.map((r) => r.from)),
    to: Math.max(...ranges.map((r) => r.to)),
  };
}
