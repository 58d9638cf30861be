/**
 * POST /v1/playlists: plan a whole film's soundtrack; the plan as JSON, an M3U8 or XSPF playlist,
 * or a CSV cue sheet, chosen by `?format=` or else the Accept header.
 * GET /v1/films/:id/playlist: the same for a showcase film, with default options.
 */
import { Router, type Request, type Response } from "express";
import { DomainError, notFound, type Plan } from "../../domain/index.js";
import { PLAN_FORMATS, isPlanFormat, type PlanFormat } from "../../exports/index.js";
import { planSoundtrack } from "../../services/plan.js";
import type { CatalogueSource } from "../app.js";

// JSON first: a client that accepts anything (*/*) gets JSON.
const ACCEPT: [string, PlanFormat][] = [
  ["application/json", "json"],
  ["text/csv", "csv"],
  ["audio/x-mpegurl", "m3u8"],
  ["application/vnd.apple.mpegurl", "m3u8"],
  ["application/xspf+xml", "xspf"],
];

function chooseFormat(req: Request): PlanFormat {
  const asked = req.query.format;
  if (asked !== undefined) {
    if (typeof asked === "string" && isPlanFormat(asked)) return asked;
    throw new DomainError("invalid_input", `Unknown format ${JSON.stringify(asked)}`, [
      { path: "format", problem: `must be one of ${Object.keys(PLAN_FORMATS).join(", ")}` },
    ]);
  }
  const accepted = req.accepts(ACCEPT.map(([type]) => type));
  return ACCEPT.find(([type]) => type === accepted)?.[1] ?? "json";
}

function send(res: Response, plan: Plan, format: PlanFormat): void {
  const { contentType, extension, render } = PLAN_FORMATS[format];
  const name =
    (plan.film.id ?? plan.film.titleEnglish ?? "soundtrack")
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .toLowerCase() || "soundtrack";
  res.type(contentType);
  if (format !== "json")
    res.setHeader("Content-Disposition", `attachment; filename="${name}.${extension}"`);
  res.send(render(plan));
}

export function playlistRoutes(source: CatalogueSource): Router {
  const router = Router();
  router.post("/v1/playlists", (req, res) => {
    const format = chooseFormat(req);
    send(res, planSoundtrack(source(), req.body), format);
  });
  router.get("/v1/films/:id/playlist", (req, res) => {
    const format = chooseFormat(req);
    const film = source().films.find((f) => f.id === req.params.id);
    if (!film) throw notFound("film", req.params.id);
    send(res, planSoundtrack(source(), { film }), format);
  });
  return router;
}
