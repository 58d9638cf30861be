/**
 * Curation over HTTP: create, replace (PUT), merge-patch (PATCH), soft-delete and restore songs,
 * vocabulary terms and films; their history; bulk import; API keys. Every write needs a key and,
 * except creation, the If-Match version; the optional `comment` query parameter says why.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { DomainError, SpotifyTrackIdSchema, parseOrThrow } from "../../domain/index.js";
import { songsFromCsv } from "../../catalogue/csv-songs.js";
import type { Stored } from "../../catalogue/store/store.js";
import { RoleSchema, type KeyRing } from "../../services/auth.js";
import type { Curation, TermKind } from "../../services/curation.js";
import { requireRole } from "../../services/principal.js";
import { writer } from "../auth.js";
import { expectedVersion, setVersion } from "../versions.js";

const WriteQuery = z
  .object({
    comment: z.string().max(1000, "must be at most 1000 characters").optional(),
    force: z.enum(["true", "false"]).optional(),
    dryRun: z.enum(["true", "false"]).optional(),
  })
  .strict();

function options(req: Request) {
  const q = parseOrThrow(WriteQuery, req.query, "query");
  return { comment: q.comment, force: q.force === "true", dryRun: q.dryRun === "true" };
}

/** The entry itself as the body (so it can be edited and PUT back), its version in the ETag. */
function reply(res: Response, stored: Stored<unknown>, status = 200): void {
  setVersion(res, stored.version);
  res.setHeader("Last-Modified", new Date(stored.updatedAt).toUTCString());
  res
    .status(status)
    .json(stored.deleted ? { id: stored.id, deleted: true, version: stored.version } : stored.doc);
}

export function editRoutes(curation: Curation, keys: KeyRing): Router {
  const router = Router();

  // Songs (GET here, before the read routes, so reads carry the ETag an edit needs)
  router.get("/v1/songs/:id", (req, res) => reply(res, curation.get("song", req.params.id)));
  router.post("/v1/songs", (req, res) => {
    const stored = curation.createSong(writer(req), req.body, options(req));
    res.setHeader("Location", `/v1/songs/${stored.id}`);
    reply(res, stored, 201);
  });
  router.put("/v1/songs/:id", (req, res) =>
    reply(
      res,
      curation.replaceSong(
        writer(req),
        req.params.id,
        req.body,
        expectedVersion(req),
        options(req),
      ),
    ),
  );
  router.patch("/v1/songs/:id", (req, res) =>
    reply(
      res,
      curation.patchSong(writer(req), req.params.id, req.body, expectedVersion(req), options(req)),
    ),
  );
  router.delete("/v1/songs/:id", (req, res) =>
    reply(res, curation.deleteSong(writer(req), req.params.id, expectedVersion(req), options(req))),
  );
  router.post("/v1/songs/:id/restore", (req, res) =>
    reply(res, curation.restore(writer(req), "song", req.params.id, options(req))),
  );
  // Pinning the right Spotify track (editor): stored with the song, versioned, in the history.
  const Pin = z.object({ trackId: SpotifyTrackIdSchema }).strict();
  router.put("/v1/songs/:id/streaming/spotify", (req, res) => {
    const { trackId } = parseOrThrow(Pin, req.body, "pin");
    reply(
      res,
      curation.patchSong(
        writer(req),
        req.params.id,
        { streaming: { spotify: { trackId } } },
        expectedVersion(req),
        options(req),
      ),
    );
  });
  router.delete("/v1/songs/:id/streaming/spotify", (req, res) => {
    reply(
      res,
      curation.patchSong(
        writer(req),
        req.params.id,
        { streaming: null },
        expectedVersion(req),
        options(req),
      ),
    );
  });
  router.get("/v1/songs/:id/history", (req, res) => {
    res.json({ id: req.params.id, history: curation.history("song", req.params.id) });
  });

  // Vocabulary terms
  for (const kind of ["theme", "mood"] as TermKind[]) {
    const base = `/v1/vocabulary/${kind}s`;
    router.get(`${base}/:id`, (req, res) => reply(res, curation.get(kind, req.params.id)));
    router.post(base, (req, res) => {
      const stored = curation.createTerm(writer(req), kind, req.body, options(req));
      res.setHeader("Location", `${base}/${stored.id}`);
      reply(res, stored, 201);
    });
    router.put(`${base}/:id`, (req, res) =>
      reply(
        res,
        curation.replaceTerm(
          writer(req),
          kind,
          req.params.id,
          req.body,
          expectedVersion(req),
          options(req),
        ),
      ),
    );
    router.patch(`${base}/:id`, (req, res) =>
      reply(
        res,
        curation.patchTerm(
          writer(req),
          kind,
          req.params.id,
          req.body,
          expectedVersion(req),
          options(req),
        ),
      ),
    );
    router.delete(`${base}/:id`, (req, res) =>
      reply(
        res,
        curation.deleteTerm(writer(req), kind, req.params.id, expectedVersion(req), options(req)),
      ),
    );
    router.post(`${base}/:id/restore`, (req, res) =>
      reply(res, curation.restore(writer(req), kind, req.params.id, options(req))),
    );
    router.get(`${base}/:id/history`, (req, res) => {
      res.json({ id: req.params.id, history: curation.history(kind, req.params.id) });
    });
  }

  // Films
  router.get("/v1/films/:id", (req, res) => reply(res, curation.get("film", req.params.id)));
  router.post("/v1/films", (req, res) => {
    const stored = curation.createFilm(writer(req), req.body, options(req));
    res.setHeader("Location", `/v1/films/${stored.id}`);
    reply(res, stored, 201);
  });
  router.put("/v1/films/:id", (req, res) =>
    reply(
      res,
      curation.replaceFilm(
        writer(req),
        req.params.id,
        req.body,
        expectedVersion(req),
        options(req),
      ),
    ),
  );
  router.patch("/v1/films/:id", (req, res) =>
    reply(
      res,
      curation.patchFilm(writer(req), req.params.id, req.body, expectedVersion(req), options(req)),
    ),
  );
  router.delete("/v1/films/:id", (req, res) =>
    reply(res, curation.deleteFilm(writer(req), req.params.id, expectedVersion(req), options(req))),
  );
  router.post("/v1/films/:id/restore", (req, res) =>
    reply(res, curation.restore(writer(req), "film", req.params.id, options(req))),
  );
  router.get("/v1/films/:id/history", (req, res) => {
    res.json({ id: req.params.id, history: curation.history("film", req.params.id) });
  });

  // Bulk import: a JSON array of songs, or CSV (see catalogue/csv-songs.ts).
  router.post("/v1/import", (req, res) => {
    const rows = typeof req.body === "string" ? songsFromCsv(req.body) : req.body;
    if (!Array.isArray(rows))
      throw new DomainError("invalid_input", "Send a JSON array of songs or a CSV file", [
        { path: "", problem: "must be an array or text/csv" },
      ]);
    const report = curation.importSongs(writer(req), rows, options(req));
    res.status(report.dryRun ? 200 : 201).json(report);
  });

  // API keys (admin)
  const NewKey = z.object({ role: RoleSchema, name: z.string().min(1).max(100) }).strict();
  router.get("/v1/keys", (req, res) => {
    requireRole(writer(req), "admin", "list keys");
    res.json({ items: keys.list() });
  });
  router.post("/v1/keys", (req, res) => {
    requireRole(writer(req), "admin", "create keys");
    const body = parseOrThrow(NewKey, req.body, "key");
    res.status(201).json({
      ...keys.create(body.role, body.name),
      note: "This is the only time the key is shown; only its hash is stored.",
    });
  });
  router.delete("/v1/keys/:id", (req, res) => {
    requireRole(writer(req), "admin", "revoke keys");
    keys.revoke(req.params.id);
    res.status(204).end();
  });
  return router;
}
