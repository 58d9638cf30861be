/**
 * Curation over HTTP: create, replace (PUT), merge-patch (PATCH), soft-delete and restore songs,
 * vocabulary terms and films; their history; bulk import; API keys. Every write needs a key and,
 * except creation, the If-Match version; the optional `comment` query parameter says why.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { DomainError, SpotifyTrackIdSchema, parseOrThrow } from "../../domain/index.js";
import { songsFromCsv } from "../../catalogue/csv-songs.js";
import type { EntityKind, Stored } from "../../catalogue/store/store.js";
import { RoleSchema, type KeyRing } from "../../services/auth.js";
import type { Curation, TermKind } from "../../services/curation.js";
import { requireRole, type Principal } from "../../services/principal.js";
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
  // Editors must always see the current version: revalidate, never serve a stale copy from cache.
  res.setHeader("Cache-Control", "no-cache");
  res.setHeader("Last-Modified", new Date(stored.updatedAt).toUTCString());
  res
    .status(status)
    .json(stored.deleted ? { id: stored.id, deleted: true, version: stored.version } : stored.doc);
}

type Opts = ReturnType<typeof options>;

/** The write operations of one kind of stored entry, as the routes below call them. */
interface Editable {
  kind: EntityKind;
  create(who: Principal, body: unknown, o: Opts): Stored<unknown>;
  replace(who: Principal, id: string, body: unknown, version: number, o: Opts): Stored<unknown>;
  patch(who: Principal, id: string, patch: unknown, version: number, o: Opts): Stored<unknown>;
  remove(who: Principal, id: string, version: number, o: Opts): Stored<unknown>;
}

/** GET (with ETag), POST, PUT, PATCH, DELETE, restore and history under `base`. */
function mount(router: Router, base: string, curation: Curation, ops: Editable): void {
  router.get(`${base}/:id`, (req, res) => reply(res, curation.get(ops.kind, req.params.id)));
  router.post(base, (req, res) => {
    const stored = ops.create(writer(req), req.body, options(req));
    res.setHeader("Location", `${base}/${stored.id}`);
    reply(res, stored, 201);
  });
  router.put(`${base}/:id`, (req, res) =>
    reply(
      res,
      ops.replace(writer(req), req.params.id, req.body, expectedVersion(req), options(req)),
    ),
  );
  router.patch(`${base}/:id`, (req, res) =>
    reply(res, ops.patch(writer(req), req.params.id, req.body, expectedVersion(req), options(req))),
  );
  router.delete(`${base}/:id`, (req, res) =>
    reply(res, ops.remove(writer(req), req.params.id, expectedVersion(req), options(req))),
  );
  router.post(`${base}/:id/restore`, (req, res) =>
    reply(res, curation.restore(writer(req), ops.kind, req.params.id, options(req))),
  );
  router.get(`${base}/:id/history`, (req, res) => {
    res.json({ id: req.params.id, history: curation.history(ops.kind, req.params.id) });
  });
}

export function editRoutes(curation: Curation, keys: KeyRing): Router {
  const router = Router();

  // Pinning the right Spotify track (editor): stored with the song, versioned, in the history.
  const Pin = z.object({ trackId: SpotifyTrackIdSchema }).strict();
  router.put("/v1/songs/:id/streaming/spotify", (req, res) => {
    const { trackId } = parseOrThrow(Pin, req.body, "pin");
    const patch = { streaming: { spotify: { trackId } } };
    reply(
      res,
      curation.patchSong(writer(req), req.params.id, patch, expectedVersion(req), options(req)),
    );
  });
  router.delete("/v1/songs/:id/streaming/spotify", (req, res) => {
    const patch = { streaming: null };
    reply(
      res,
      curation.patchSong(writer(req), req.params.id, patch, expectedVersion(req), options(req)),
    );
  });

  mount(router, "/v1/songs", curation, {
    kind: "song",
    create: (w, b, o) => curation.createSong(w, b, o),
    replace: (w, id, b, v, o) => curation.replaceSong(w, id, b, v, o),
    patch: (w, id, p, v, o) => curation.patchSong(w, id, p, v, o),
    remove: (w, id, v, o) => curation.deleteSong(w, id, v, o),
  });
  for (const kind of ["theme", "mood"] as TermKind[]) {
    mount(router, `/v1/vocabulary/${kind}s`, curation, {
      kind,
      create: (w, b, o) => curation.createTerm(w, kind, b, o),
      replace: (w, id, b, v, o) => curation.replaceTerm(w, kind, id, b, v, o),
      patch: (w, id, p, v, o) => curation.patchTerm(w, kind, id, p, v, o),
      remove: (w, id, v, o) => curation.deleteTerm(w, kind, id, v, o),
    });
  }
  mount(router, "/v1/films", curation, {
    kind: "film",
    create: (w, b, o) => curation.createFilm(w, b, o),
    replace: (w, id, b, v, o) => curation.replaceFilm(w, id, b, v, o),
    patch: (w, id, p, v, o) => curation.patchFilm(w, id, p, v, o),
    remove: (w, id, v, o) => curation.deleteFilm(w, id, v, o),
  });

  // Bulk import: a JSON array of songs, or CSV (see catalogue/csv-songs.ts).
  router.post("/v1/import", (req, res) => {
    const rows =
      req.is("text/csv") && typeof req.body === "string" ? songsFromCsv(req.body) : req.body;
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
