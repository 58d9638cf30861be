/** The OpenAPI document, generated from the same zod schemas that validate requests. */
import { z } from "zod";
import { FilmSchema, SceneRequestSchema, SongSchema, VocabularySchema } from "../domain/index.js";

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

export function openApiDocument(version: string): unknown {
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
      schemas: {
        Song: schema(SongSchema),
        SceneRequest: schema(SceneRequestSchema, "input"),
        Vocabulary: schema(VocabularySchema),
        Film: schema(FilmSchema, "input"),
        Error: errorSchema,
      },
    },
  };
}
