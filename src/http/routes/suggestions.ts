/** POST /v1/suggestions: ranked, explained songs for one scene. */
import { Router } from "express";
import { suggest } from "../../services/suggest.js";
import type { CatalogueSource } from "../app.js";

export function suggestionRoutes(source: CatalogueSource): Router {
  const router = Router();
  router.post("/", (req, res) => {
    res.json(suggest(source(), req.body));
  });
  return router;
}
