/**
 * What we accept from Spotify, as zod schemas. Upstream bodies are parsed here before anything
 * trusts them: a body of the wrong shape becomes a `malformed` UpstreamError (→ `unavailable`),
 * never a crash or a half-read track. Search items are checked one by one: a single odd item is
 * dropped, but a page where every item is unreadable is treated as garbage.
 *
 * We read only the fields we use, so fields Spotify removed (popularity, available_markets) or adds
 * do not matter. Links are rebuilt from the validated id rather than taken from the body.
 */
import { z } from "zod";
import { SpotifyTrackIdSchema } from "../domain/index.js";
import type { SpotifyTrack } from "./spotify-matching.js";
import { UpstreamError } from "./upstream-error.js";

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

const TrackObjectSchema = z.object({
  id: SpotifyTrackIdSchema,
  name: z.string().min(1),
  duration_ms: z.number().int().nonnegative().nullish(),
  // Spotify stopped sending previews to new apps; keep one only if it is a plain https URL.
  preview_url: z
    .url({ protocol: /^https$/ })
    .nullish()
    .catch(undefined),
  artists: z.array(z.object({ name: z.string().min(1) })).min(1),
  album: z.object({ name: z.string().nullish(), release_date: z.string().nullish() }).nullish(),
  external_ids: z.object({ isrc: z.string().nullish() }).nullish(),
});

const SearchPageSchema = z.object({
  tracks: z.object({ items: z.array(z.unknown()) }),
});

export const PlaylistSchema = z.object({
  id: z.string().regex(/^[0-9A-Za-z]{1,64}$/),
});

export const SnapshotSchema = z.object({ snapshot_id: z.string().min(1) });

/** Spotify's two error body shapes: Web API `{error:{status,message,reason?}}`, OAuth `{error,error_description}`. */
const ErrorBodySchema = z.union([
  z.object({
    error: z.object({
      status: z.number().optional(),
      message: z.string().optional(),
      reason: z.string().optional(),
    }),
  }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
]);

export function errorDetails(body: unknown): { message?: string; reason?: string } {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const error = parsed.data.error;
  if (typeof error === "string") {
    const description = "error_description" in parsed.data ? parsed.data.error_description : "";
    return { message: description ? `${error}: ${description}` : error };
  }
  return { message: error.message, reason: error.reason };
}

/** Parses `body` or throws a `malformed` UpstreamError naming what was expected. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new UpstreamError({ kind: "malformed", detail: `not a ${what}${where}` });
}

export function parseTrack(body: unknown): SpotifyTrack {
  return toTrack(parseBody(TrackObjectSchema, body, "track object"));
}

export function parseSearchPage(body: unknown): SpotifyTrack[] {
  const page = parseBody(SearchPageSchema, body, "track search page");
  const tracks: SpotifyTrack[] = [];
  for (const item of page.tracks.items) {
    if (item === null) continue; // Spotify pads some pages with nulls
    const parsed = TrackObjectSchema.safeParse(item);
    if (parsed.success) tracks.push(toTrack(parsed.data));
  }
  const nonNull = page.tracks.items.filter((i) => i !== null).length;
  if (nonNull > 0 && tracks.length === 0) {
    throw new UpstreamError({ kind: "malformed", detail: "no readable track in the search page" });
  }
  return tracks;
}

function toTrack(t: z.infer<typeof TrackObjectSchema>): SpotifyTrack {
  const year = /^(\d{4})/.exec(t.album?.release_date ?? "")?.[1];
  return {
    id: t.id,
    name: t.name,
    artists: t.artists.map((a) => a.name),
    ...(t.album?.name ? { albumName: t.album.name } : {}),
    ...(year ? { releaseYear: Number(year) } : {}),
    ...(typeof t.duration_ms === "number" ? { durationMs: t.duration_ms } : {}),
    ...(t.external_ids?.isrc ? { isrc: t.external_ids.isrc.toUpperCase() } : {}),
    ...(t.preview_url ? { previewUrl: t.preview_url } : {}),
  };
}
