/** The OpenAPI document, generated from the same zod schemas that validate requests. */
import { z } from "zod";
import {
  FilmSchema,
  MoodSchema,
  PlanRequestSchema,
  SceneRequestSchema,
  SongSchema,
  ThemeSchema,
  VocabularySchema,
} from "../domain/index.js";

function schema(s: z.ZodType, io: "input" | "output" = "output"): unknown {
  return z.toJSONSchema(s, { io, unrepresentable: "any", target: "openapi-3.0" });
}

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        details: {
          type: "array",
          items: {
            type: "object",
            properties: { path: { type: "string" }, problem: { type: "string" } },
          },
        },
      },
      required: ["code", "message", "details"],
    },
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: unknown) => ({ "application/json": { schema: s } });
const errors = {
  "400": { description: "Invalid input", content: json(ref("Error")) },
  "413": { description: "Body too large", content: json(ref("Error")) },
};

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const ifMatch = {
  name: "If-Match",
  in: "header",
  required: true,
  schema: { type: "string" },
  description: 'The ETag of your last read, e.g. "v3"',
};
const comment = {
  name: "comment",
  in: "query",
  required: false,
  schema: { type: "string" },
  description: "Why (recorded in the history)",
};
const writeErrors = {
  "400": { description: "Invalid input", content: json(ref("Error")) },
  "401": { description: "No or unknown API key", content: json(ref("Error")) },
  "403": { description: "The key's role may not do this", content: json(ref("Error")) },
  "404": { description: "Unknown entry", content: json(ref("Error")) },
  "412": {
    description: "Stale If-Match: the entry changed meanwhile",
    content: json(ref("Error")),
  },
  "428": { description: "If-Match missing", content: json(ref("Error")) },
};
const formats = {
  name: "format",
  in: "query",
  required: false,
  schema: { type: "string", enum: ["json", "csv", "m3u8", "xspf"] },
};
const resolve = {
  name: "resolve",
  in: "query",
  required: false,
  schema: { type: "string", enum: ["spotify"] },
};

/** Create/replace/patch/delete/restore/history for one kind of stored entry. */
function editable(base: string, body: unknown, what: string): Record<string, unknown> {
  const secured = { security: [{ bearer: [] }] };
  return {
    [base]: {
      post: {
        ...secured,
        summary: `Create a ${what}`,
        parameters: [comment],
        requestBody: { required: true, content: json(body) },
        responses: {
          "201": { description: "Created (ETag: its version)" },
          "409": { description: "Exists or duplicate", content: json(ref("Error")) },
          ...writeErrors,
        },
      },
    },
    [`${base}/{id}`]: {
      put: {
        ...secured,
        summary: `Replace a ${what}`,
        parameters: [idParam, ifMatch, comment],
        requestBody: { required: true, content: json(body) },
        responses: { "200": { description: "Updated" }, ...writeErrors },
      },
      patch: {
        ...secured,
        summary: `Change fields of a ${what} (JSON Merge Patch)`,
        parameters: [idParam, ifMatch, comment],
        requestBody: {
          required: true,
          content: {
            "application/merge-patch+json": { schema: { type: "object" } },
            "application/json": { schema: { type: "object" } },
          },
        },
        responses: { "200": { description: "Updated" }, ...writeErrors },
      },
      delete: {
        ...secured,
        summary: `Delete a ${what} (restorable)`,
        parameters: [idParam, ifMatch, comment],
        responses: { "200": { description: "Deleted" }, ...writeErrors },
      },
    },
    [`${base}/{id}/restore`]: {
      post: {
        ...secured,
        summary: `Restore a deleted ${what} (admin)`,
        parameters: [idParam, comment],
        responses: { "200": { description: "Restored" }, ...writeErrors },
      },
    },
    [`${base}/{id}/history`]: {
      get: {
        summary: `Who changed the ${what}, when, what and why`,
        parameters: [idParam],
        responses: { "200": { description: "Append-only history with field-level changes" } },
      },
    },
  };
}

/** Adds operations to paths, keeping operations already there (GET next to POST, …). */
function mergePaths(
  paths: Record<string, Record<string, unknown>>,
  extra: Record<string, unknown>,
): void {
  for (const [path, ops] of Object.entries(extra))
    paths[path] = { ...(paths[path] ?? {}), ...(ops as Record<string, unknown>) };
}

export function openApiDocument(version: string): unknown {
  const doc = buildDocument(version) as { paths: Record<string, Record<string, unknown>> };
  mergePaths(doc.paths, editable("/v1/songs", ref("Song"), "song"));
  mergePaths(doc.paths, editable("/v1/vocabulary/themes", ref("Theme"), "theme"));
  mergePaths(doc.paths, editable("/v1/vocabulary/moods", ref("Mood"), "mood"));
  mergePaths(doc.paths, editable("/v1/films", ref("Film"), "film"));
  return doc;
}

function buildDocument(version: string): unknown {
  return {
    openapi: "3.0.3",
    info: {
      title: "Soundtrack recommendation API",
      version,
      description: "Period-correct songs for film scenes, with reasons.",
    },
    paths: {
      "/health": {
        get: {
          summary: "Liveness and catalogue size",
          responses: { "200": { description: "OK" } },
        },
      },
      "/v1/songs": {
        get: {
          summary: "Search the catalogue (script-agnostic, typo-tolerant)",
          parameters: [
            "q",
            "decade",
            "yearFrom",
            "yearTo",
            "country",
            "language",
            "theme",
            "mood",
            "limit",
            "offset",
          ].map((name) => ({
            name,
            in: "query",
            required: false,
            schema: {
              type: ["limit", "offset", "yearFrom", "yearTo"].includes(name) ? "integer" : "string",
            },
          })),
          responses: {
            "200": {
              description: "A page of songs",
              content: json({
                type: "object",
                properties: {
                  total: { type: "integer" },
                  limit: { type: "integer" },
                  offset: { type: "integer" },
                  items: { type: "array", items: ref("Song") },
                },
              }),
            },
            ...errors,
          },
        },
      },
      "/v1/songs/{id}": {
        get: {
          summary: "One song with its recordings and sources",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The song", content: json(ref("Song")) },
            "404": { description: "Unknown song", content: json(ref("Error")) },
          },
        },
      },
      "/v1/suggestions": {
        post: {
          summary: "Ranked, explained songs for one scene",
          requestBody: { required: true, content: json(ref("SceneRequest")) },
          responses: {
            "200": {
              description: "Interpretation and suggestions",
              content: json({
                type: "object",
                properties: {
                  interpreted: { type: "object" },
                  suggestions: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        song: ref("Song"),
                        recording: { type: "object" },
                        score: { type: "number" },
                        reasons: {
                          type: "array",
                          items: {
                            type: "object",
                            properties: {
                              factor: { type: "string" },
                              contribution: { type: "number" },
                              text: { type: "string" },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              }),
            },
            ...errors,
          },
        },
      },
      "/v1/vocabulary": {
        get: {
          summary: "Themes and moods",
          responses: { "200": { description: "The vocabulary", content: json(ref("Vocabulary")) } },
        },
      },
      "/v1/films": {
        get: {
          summary: "Showcase films in the catalogue",
          responses: { "200": { description: "Films" } },
        },
      },
      "/v1/playlists": {
        post: {
          summary: "Plan a whole film's soundtrack (JSON plan, CSV cue sheet, M3U8 or XSPF)",
          parameters: [formats, resolve],
          requestBody: { required: true, content: json(ref("PlanRequest")) },
          responses: {
            "200": { description: "The plan in the asked format" },
            "422": { description: "A pinned song is an anachronism", content: json(ref("Error")) },
            ...errors,
          },
        },
      },
      "/v1/films/{id}/playlist": {
        get: {
          summary: "Plan a catalogue film with default options",
          parameters: [idParam, formats, resolve],
          responses: { "200": { description: "The plan" } },
        },
      },
      "/v1/playlists/spotify": {
        post: {
          summary: "Plan, resolve and create the playlist in the user's Spotify account",
          requestBody: {
            required: true,
            content: json({
              allOf: [
                ref("PlanRequest"),
                {
                  type: "object",
                  properties: {
                    spotify: {
                      type: "object",
                      properties: {
                        accessToken: { type: "string" },
                        name: { type: "string" },
                        description: { type: "string" },
                      },
                      required: ["accessToken"],
                    },
                  },
                },
              ],
            }),
          },
          responses: {
            "201": { description: "Created; per-track outcome" },
            "401": { description: "The user's token was refused" },
            "503": { description: "Spotify unavailable or rate-limited" },
          },
        },
      },
      "/v1/songs/{id}/streaming": {
        get: {
          summary: "The song's Spotify resolution, candidates and listening links",
          parameters: [idParam],
          responses: { "200": { description: "Resolution" } },
        },
      },
      "/v1/songs/{id}/streaming/spotify": {
        put: {
          security: [{ bearer: [] }],
          summary: "Pin the right Spotify track (editor)",
          parameters: [idParam, ifMatch, comment],
          requestBody: {
            required: true,
            content: json({
              type: "object",
              properties: { trackId: { type: "string" } },
              required: ["trackId"],
            }),
          },
          responses: { "200": { description: "Pinned" }, ...writeErrors },
        },
        delete: {
          security: [{ bearer: [] }],
          summary: "Remove the pin",
          parameters: [idParam, ifMatch, comment],
          responses: { "200": { description: "Unpinned" }, ...writeErrors },
        },
      },
      "/v1/import": {
        post: {
          security: [{ bearer: [] }],
          summary: "Bulk import songs (JSON array or CSV); all or nothing",
          parameters: [
            { name: "dryRun", in: "query", required: false, schema: { type: "boolean" } },
            comment,
          ],
          requestBody: {
            required: true,
            content: {
              ...json({ type: "array", items: ref("Song") }),
              "text/csv": { schema: { type: "string" } },
            },
          },
          responses: {
            "200": { description: "Dry-run report per row" },
            "201": { description: "Imported" },
            ...writeErrors,
          },
        },
      },
      "/v1/keys": {
        get: {
          security: [{ bearer: [] }],
          summary: "List API keys (admin; never the keys)",
          responses: { "200": { description: "Keys" } },
        },
        post: {
          security: [{ bearer: [] }],
          summary: "Create an API key (admin); shown once",
          requestBody: {
            required: true,
            content: json({
              type: "object",
              properties: {
                role: { type: "string", enum: ["reader", "editor", "admin"] },
                name: { type: "string" },
              },
              required: ["role", "name"],
            }),
          },
          responses: { "201": { description: "The key" } },
        },
      },
      "/v1/films/{id}": {
        get: {
          summary: "One showcase film",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The film", content: json(ref("Film")) },
            "404": { description: "Unknown film", content: json(ref("Error")) },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API key (soundtrack keys create)" },
      },
      schemas: {
        PlanRequest: schema(PlanRequestSchema, "input"),
        Theme: schema(ThemeSchema, "input"),
        Mood: schema(MoodSchema, "input"),
        Song: schema(SongSchema),
        SceneRequest: schema(SceneRequestSchema, "input"),
        Vocabulary: schema(VocabularySchema),
        Film: schema(FilmSchema, "input"),
        Error: errorSchema,
      },
    },
  };
}
