/**
 * POST /v1/suggestions: ranked, explained songs for one scene. With `?resolve=spotify` each song
 * also says where it plays on Spotify (or why not), and the answer carries a resolution summary.
 */
import { Router } from "express";
import { z } from "zod";
import { parseOrThrow } from "../../domain/index.js";
import { resolveAll } from "../../services/streaming.js";
import { suggest } from "../../services/suggest.js";
import type { StreamingResolver } from "../../streaming/resolver.js";
import type { CatalogueSource } from "../app.js";
import { answerBody, sendBody } from "../answer-json.js";

export const ResolveQuery = z
  .object({ resolve: z.enum(["spotify"], { error: 'must be "spotify"' }).optional() })
  .loose();

export function suggestionRoutes(source: CatalogueSource, streaming: StreamingResolver): Router {
  const router = Router();
  router.post("/", async (req, res) => {
    const { resolve } = parseOrThrow(ResolveQuery, req.query, "query");
    const answer = suggest(source(), req.body);
    if (!resolve) {
      sendBody(res, answerBody(answer));
      return;
    }
    const { links, summary } = await resolveAll(streaming, answer.suggestions);
    const resolved = {
      ...answer,
      suggestions: answer.suggestions.map((s, i) => ({ ...s, streaming: { spotify: links[i] } })),
      resolution: summary,
    };
    sendBody(res, answerBody(resolved));
  });
  return router;
}
