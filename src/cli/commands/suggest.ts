/** `soundtrack suggest [options] "scene description"`: ranked, explained songs for one scene. */
import type { Catalogue } from "../../catalogue/catalogue.js";
import { suggest } from "../../services/suggest.js";
import { suggestionLines } from "../format.js";

export interface SuggestOptions {
  year?: string;
  era?: string;
  country?: string;
  language?: string;
  theme?: string[];
  mood?: string[];
  limit?: string;
  anachronisms?: boolean;
  json?: boolean;
}

function int(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

function era(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(value);
  return range ? { from: Number(range[1]), to: Number(range[2]) } : value;
}

export function suggestCommand(
  catalogue: Catalogue,
  description: string | undefined,
  opts: SuggestOptions,
  out: (s: string) => void,
): number {
  const request: Record<string, unknown> = {
    year: int(opts.year),
    era: era(opts.era),
    country: opts.country,
    language: opts.language,
    themes: opts.theme ?? [],
    moods: opts.mood ?? [],
    description,
    limit: int(opts.limit),
    periodCorrect: opts.anachronisms ? false : undefined,
  };
  for (const k of Object.keys(request)) if (request[k] === undefined) delete request[k];
  const answer = suggest(catalogue, request);
  if (opts.json) {
    out(JSON.stringify(answer, null, 2));
    return 0;
  }
  const i = answer.interpreted;
  const period = i.period
    ? i.period.from === i.period.to
      ? `${i.period.from}`
      : `${i.period.from}–${i.period.to}`
    : "any time";
  out(
    `Understood: period ${period}; themes ${i.themes.map((t) => t.id).join(", ") || "—"}; moods ${i.moods.map((m) => m.id).join(", ") || "—"}`,
  );
  if (i.unmatched.length > 0) out(`Not understood: ${i.unmatched.join(", ")}`);
  out("");
  if (answer.suggestions.length === 0) out("No songs fit.");
  else out(suggestionLines(answer.suggestions).join("\n"));
  return 0;
}
