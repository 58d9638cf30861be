/** Vocabulary, films, health, OpenAPI and the offline docs page. */
import { Router } from "express";
import { notFound } from "../../domain/index.js";
import type { CatalogueSource } from "../app.js";
import { DOCS_HTML } from "../docs-page.js";
import { openApiDocument } from "../openapi.js";

export function metaRoutes(source: CatalogueSource, version: string): Router {
  const router = Router();
  let openapi: unknown = null;
  router.get("/health", (_req, res) => {
    res.json({ status: "ok", version, songs: source().size });
  });
  router.get("/openapi.json", (_req, res) => {
    openapi ??= openApiDocument(version);
    res.json(openapi);
  });
  router.get("/docs", (_req, res) => {
    res.type("html").send(DOCS_HTML);
  });
  router.get("/v1/vocabulary", (_req, res) => {
    res.json(source().vocabulary);
  });
  router.get("/v1/films", (_req, res) => {
    const films = source().films.map((f) => ({
      id: f.id,
      title: f.title,
      titleEnglish: f.titleEnglish,
      year: f.year,
      era: f.era,
      country: f.country,
      scenes: f.scenes.length,
    }));
    res.json({ items: films });
  });
  router.get("/v1/films/:id", (req, res) => {
    const film = source().films.find((f) => f.id === req.params.id);
    if (!film) throw notFound("film", req.params.id);
    res.json(film);
  });
  return router;
}
