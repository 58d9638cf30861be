/** Plan export formats, by the name users pass in `?format=` or `--format`. */
import type { Plan } from "../domain/index.js";
import { planToCsv } from "./cue-sheet-csv.js";
import { planToM3u8 } from "./m3u8.js";
import { planToXspf } from "./xspf.js";

export const PLAN_FORMATS = {
  json: {
    contentType: "application/json; charset=utf-8",
    extension: "json",
    render: (p: Plan) => JSON.stringify(p, null, 2) + "\n",
  },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv", render: planToCsv },
  m3u8: { contentType: "audio/x-mpegurl; charset=utf-8", extension: "m3u8", render: planToM3u8 },
  xspf: {
    contentType: "application/xspf+xml; charset=utf-8",
    extension: "xspf",
    render: planToXspf,
  },
} as const;

export type PlanFormat = keyof typeof PLAN_FORMATS;

export function isPlanFormat(value: string): value is PlanFormat {
  return Object.hasOwn(PLAN_FORMATS, value);
}
