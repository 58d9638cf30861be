/** `soundtrack plan <film.json> [--format csv|m3u8|xspf|json]`: a whole film's soundtrack. */
import { readFileSync } from "node:fs";
import type { Catalogue } from "../../catalogue/catalogue.js";
import { DomainError, type Plan } from "../../domain/index.js";
import { PLAN_FORMATS, isPlanFormat } from "../../exports/index.js";
import { planSoundtrack } from "../../services/plan.js";
import { performers } from "../format.js";
import { table } from "../table.js";

export interface PlanOptions {
  format?: string;
  perScene?: string;
  alternates?: string;
  anachronisms?: boolean;
}

function readFilm(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new DomainError("not_found", `Cannot read ${file}: ${(err as Error).message}`, [
      { path: "file", problem: "cannot be read" },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("malformed_json", `${file} is not valid JSON`, [
      { path: "file", problem: "malformed JSON" },
    ]);
  }
}

function readable(plan: Plan): string {
  const rows = plan.scenes.flatMap((s) =>
    s.picks.length === 0
      ? [[s.sceneId, s.title, "(no fitting song left)", "", "", ""]]
      : s.picks.map((p, i) => [
          i === 0 ? s.sceneId : "",
          i === 0 ? s.title : "",
          p.song.title,
          performers(p.recording),
          String(p.recording.year ?? "?"),
          `${p.score.toFixed(3)}${p.pinned ? " pinned" : ""}`,
        ]),
  );
  const header = `${plan.film.title}${plan.film.year ? `, ${plan.film.year}` : plan.film.era ? `, ${plan.film.era.from}–${plan.film.era.to}` : ""}: ${plan.tracks.length} tracks, total fit ${plan.totalScore}`;
  return `${header}\n\n${table(["scene", "title", "song", "performer", "rec.", "score"], rows, 40)}`;
}

export function planCommand(
  catalogue: Catalogue,
  file: string,
  opts: PlanOptions,
  out: (s: string) => void,
): number {
  const format = opts.format ?? "table";
  if (format !== "table" && !isPlanFormat(format)) {
    throw new DomainError("invalid_input", `Unknown format "${format}"`, [
      { path: "format", problem: `must be table, ${Object.keys(PLAN_FORMATS).join(", ")}` },
    ]);
  }
  const request: Record<string, unknown> = { film: readFilm(file) };
  if (opts.perScene !== undefined) request.perScene = Number(opts.perScene);
  if (opts.alternates !== undefined) request.alternates = Number(opts.alternates);
  if (opts.anachronisms) request.periodCorrect = false;
  const plan = planSoundtrack(catalogue, request);
  if (format === "table") out(readable(plan));
  else out(PLAN_FORMATS[format].render(plan).replace(/\n$/, ""));
  return 0;
}
