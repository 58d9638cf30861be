/**
 * The express application factory. It knows routes and HTTP concerns only; the catalogue comes in
 * through `source`, so tests and the server wire it the same way.
 */
import express, { type Express, type RequestHandler } from "express";
import { DomainError } from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { errorHandler } from "./error-mapping.js";
import { metaRoutes } from "./routes/meta.js";
import { playlistRoutes } from "./routes/playlists.js";
import { songRoutes } from "./routes/songs.js";
import { suggestionRoutes } from "./routes/suggestions.js";

/** Returns the catalogue as of now; a request calls it once and keeps what it got. */
export type CatalogueSource = () => Catalogue;

export interface AppOptions {
  source: CatalogueSource;
  version?: string;
  /** Largest accepted JSON body, in bytes. */
  bodyLimit?: number;
  log?: (msg: string) => void;
}

/** POST bodies must be JSON; anything else is refused instead of being read as "no body". */
const requireJson: RequestHandler = (req, _res, next) => {
  if (req.method === "POST" && !req.is("application/json")) {
    next(
      new DomainError(
        "unsupported_media_type",
        "Send the body as JSON (Content-Type: application/json)",
        [{ path: "", problem: "content type must be application/json" }],
      ),
    );
    return;
  }
  next();
};

export function createApp(options: AppOptions): Express {
  const version = options.version ?? "0.0.0";
  const log = options.log ?? ((msg: string) => console.error(msg));
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(requireJson);
  const limit = options.bodyLimit ?? 256 * 1024;
  // A whole film may be long; the scene-count rule (not the byte count) should answer for it.
  app.use("/v1/playlists", express.json({ limit: limit * 16, strict: false }));
  app.use(express.json({ limit, strict: false }));
  app.use(metaRoutes(options.source, version));
  app.use("/v1/songs", songRoutes(options.source));
  app.use("/v1/suggestions", suggestionRoutes(options.source));
  app.use(playlistRoutes(options.source));
  app.use((req, _res, next) => {
    next(
      new DomainError("route_not_found", `No route for ${req.method} ${req.path}`, [
        { path: "", problem: "see /docs for the API" },
      ]),
    );
  });
  app.use(errorHandler(log));
  return app;
}
