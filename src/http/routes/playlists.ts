/**
 * POST /v1/playlists: plan a whole film's soundtrack; the plan as JSON, an M3U8 or XSPF playlist,
 * or a CSV cue sheet, chosen by `?format=` or else the Accept header; `?resolve=spotify` adds each
 * track's Spotify link (and the playlists use it).
 * GET /v1/films/:id/playlist: the same for a film in the catalogue, with default options.
 * POST /v1/playlists/spotify: plan, resolve, and create the playlist in the user's Spotify account
 * with the user's access token (the authorization-code flow is the caller's).
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { DomainError, notFound, parseOrThrow, type Plan } from "../../domain/index.js";
import { PLAN_FORMATS, isPlanFormat, type PlanFormat } from "../../exports/index.js";
import { planSoundtrack } from "../../services/plan.js";
import { resolveAll } from "../../services/streaming.js";
import type { StreamingResolver } from "../../streaming/resolver.js";
import type { PlaylistWriter } from "../../streaming/spotify-playlists.js";
import type { CatalogueSource } from "../app.js";
import { ResolveQuery } from "./suggestions.js";

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

/** Adds each track's (and pick's) Spotify link to the plan. */
async function resolvePlan(
  plan: Plan,
  resolver: StreamingResolver,
): Promise<Plan & { resolution: unknown }> {
  const { links, summary } = await resolveAll(resolver, plan.tracks);
  const bySong = new Map(plan.tracks.map((t, i) => [t.song.id, links[i]]));
  return {
    ...plan,
    tracks: plan.tracks.map((t, i) => ({ ...t, streaming: { spotify: links[i]! } })),
    scenes: plan.scenes.map((s) => ({
      ...s,
      picks: s.picks.map((p) => ({ ...p, streaming: { spotify: bySong.get(p.song.id)! } })),
    })),
    resolution: summary,
  };
}

const SpotifyTarget = z
  .object({
    accessToken: z.string().min(10, "must be the user's Spotify access token"),
    name: z.string().min(1).max(100).optional(),
    description: z.string().max(300).optional(),
  })
  .strict();

export function playlistRoutes(
  source: CatalogueSource,
  resolver: StreamingResolver,
  playlists: PlaylistWriter | null,
): Router {
  const router = Router();
  router.post("/v1/playlists", async (req, res) => {
    const format = chooseFormat(req);
    const { resolve } = parseOrThrow(ResolveQuery, req.query, "query");
    const plan = planSoundtrack(source(), req.body);
    send(res, resolve ? await resolvePlan(plan, resolver) : plan, format);
  });
  router.get("/v1/films/:id/playlist", async (req, res) => {
    const format = chooseFormat(req);
    const { resolve } = parseOrThrow(ResolveQuery, req.query, "query");
    const film = source().films.find((f) => f.id === req.params.id);
    if (!film) throw notFound("film", req.params.id);
    const plan = planSoundtrack(source(), { film });
    send(res, resolve ? await resolvePlan(plan, resolver) : plan, format);
  });
  router.post("/v1/playlists/spotify", async (req, res) => {
    const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const { spotify, ...planRequest } = body;
    const target = parseOrThrow(z.object({ spotify: SpotifyTarget }), { spotify }, "request");
    if (!playlists)
      throw new DomainError(
        "upstream_unavailable",
        "Spotify playlists are not available on this service",
        [{ path: "spotify", problem: "not configured" }],
      );
    const plan = await resolvePlan(planSoundtrack(source(), planRequest), resolver);
    const resolved = plan.tracks.filter((t) => t.streaming?.spotify.status === "resolved");
    const uris = resolved.map((t) =>
      t.streaming?.spotify.status === "resolved" ? t.streaming.spotify.uri : "",
    );
    const name = target.spotify.name ?? `${plan.film.title} — soundtrack`;
    const result = await playlists.createPlaylist(
      target.spotify.accessToken,
      name,
      target.spotify.description ??
        `Planned for ${plan.film.title}: ${plan.tracks.length} scenes' songs`,
      uris,
    );
    const outcomeOf = new Map(
      result.status === "created" ? result.tracks.map((o) => [o.uri, o]) : [],
    );
    res
      .status(result.status === "created" ? 201 : result.status === "unauthorized" ? 401 : 503)
      .json({
        playlist:
          result.status === "created"
            ? { id: result.playlistId, uri: result.uri, url: result.url, complete: result.complete }
            : null,
        status: result.status,
        ...(result.status === "rate-limited"
          ? { until: result.until }
          : result.status !== "created"
            ? { reason: result.reason }
            : {}),
        tracks: plan.tracks.map((t) => {
          const link = t.streaming?.spotify;
          const outcome = link?.status === "resolved" ? outcomeOf.get(link.uri) : undefined;
          return {
            order: t.order,
            sceneId: t.sceneId,
            songId: t.song.id,
            title: t.song.title,
            status: link?.status === "resolved" ? (outcome?.status ?? "not-sent") : "not-resolved",
            ...(link?.status === "resolved"
              ? { uri: link.uri }
              : { reason: link && "reason" in link ? link.reason : link?.status }),
          };
        }),
        resolution: plan.resolution,
      });
  });
  return router;
}
