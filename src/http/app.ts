/**
 * The express application factory. It knows routes and HTTP concerns only; the catalogue comes in
 * through `source`, so tests and the server wire it the same way.
 */
import express, { type Express, type RequestHandler } from "express";
import { DomainError } from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import type { KeyRing } from "../services/auth.js";
import type { Curation } from "../services/curation.js";
import { DisabledResolver } from "../streaming/disabled-resolver.js";
import type { StreamingResolver } from "../streaming/resolver.js";
import type { PlaylistWriter } from "../streaming/spotify-playlists.js";
import { authenticate } from "./auth.js";
import { errorHandler } from "./error-mapping.js";
import { editRoutes } from "./routes/edits.js";
import { metaRoutes } from "./routes/meta.js";
import { playlistRoutes } from "./routes/playlists.js";
import { streamingRoutes } from "./routes/streaming.js";
import { songRoutes } from "./routes/songs.js";
import { suggestionRoutes } from "./routes/suggestions.js";

/** Returns the catalogue as of now; a request calls it once and keeps what it got. */
export type CatalogueSource = () => Catalogue;

/** Present when the catalogue is editable (a store is open). */
export interface Editing {
  curation: Curation;
  keys: KeyRing;
  /** Whether reading needs an API key too (writes always do). */
  readsNeedKey: boolean;
}

export interface AppOptions {
  source: CatalogueSource;
  editing?: Editing;
  version?: string;
  /** Largest accepted JSON body, in bytes. */
  bodyLimit?: number;
  log?: (msg: string) => void;
  /** Streaming resolution and playlist creation; resolution is disabled when absent. */
  streaming?: { resolver: StreamingResolver; playlists: PlaylistWriter | null };
  /** Directory of the web page served at / (static files; the page uses only the public API). */
  webDir?: string;
}

const hasBody = (req: Parameters<RequestHandler>[0]) =>
  req.headers["transfer-encoding"] !== undefined ||
  (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0");

/** The Content-Type values nearly every client sends, accepted without parsing the header. */
const PLAIN_JSON = new Set(["application/json", "application/json; charset=utf-8"]);

/** Bodies must be JSON (CSV for imports); anything else is refused instead of being read as "no body". */
const requireJson: RequestHandler = (req, _res, next) => {
  const type = req.headers["content-type"];
  if (type !== undefined && PLAIN_JSON.has(type)) {
    next();
    return;
  }
  const csvAllowed = req.path === "/v1/import" && req.is("text/csv");
  if (hasBody(req) && !req.is(["application/json", "application/*+json"]) && !csvAllowed) {
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
  // Hashing every JSON answer for an ETag costs time and serves no purpose for computed answers;
  // stored entries set their version ETag themselves (versions.ts).
  app.set("etag", false);
  app.set("query parser", "simple");
  app.use(requireJson);
  const limit = options.bodyLimit ?? 256 * 1024;
  // A whole film may be long; the scene-count rule (not the byte count) should answer for it.
  app.use("/v1/playlists", express.json({ limit: limit * 16, strict: false }));
  // A 10,000-row import is a few megabytes.
  app.use(
    "/v1/import",
    express.json({ limit: limit * 256, strict: false }),
    express.text({ type: "text/csv", limit: limit * 256 }),
  );
  app.use(express.json({ limit, strict: false, type: ["application/json", "application/*+json"] }));
  if (options.editing) app.use(authenticate(options.editing.keys, options.editing.readsNeedKey));
  const streaming = options.streaming ?? { resolver: new DisabledResolver(), playlists: null };
  // The busiest route first: express tries routes in order, and no other route shares its path.
  app.use("/v1/suggestions", suggestionRoutes(options.source, streaming.resolver));
  if (options.editing) app.use(editRoutes(options.editing.curation, options.editing.keys));
  app.use(metaRoutes(options.source, version));
  app.use("/v1/songs", songRoutes(options.source));
  app.use(playlistRoutes(options.source, streaming.resolver, streaming.playlists));
  app.use(streamingRoutes(options.source, streaming.resolver));
  if (options.webDir) app.use(express.static(options.webDir, { index: "index.html" }));
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
