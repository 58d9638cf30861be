/** GET /v1/songs (search) and GET /v1/songs/:id. */
import { Router } from "express";
import { getSong, searchSongs } from "../../services/songs.js";
import type { CatalogueSource } from "../app.js";

export function songRoutes(source: CatalogueSource): Router {
  const router = Router();
  router.get("/", (req, res) => {
    res.json(searchSongs(source(), req.query));
  });
  router.get("/:id", (req, res) => {
    res.json(getSong(source(), req.params.id));
  });
  return router;
}
