/**
 * Authentication at the HTTP edge: who is calling (from the bearer key), and whether reads need a
 * key at all. Writes always need one; what each role may do is decided by the services.
 */
import type { Request, RequestHandler } from "express";
import { DomainError } from "../domain/index.js";
import type { KeyRing } from "../services/auth.js";
import type { Principal } from "../services/principal.js";

const PRINCIPAL = Symbol("principal");
type WithPrincipal = Request & { [PRINCIPAL]?: Principal | null };

export function authenticate(keys: KeyRing, readsNeedKey: boolean): RequestHandler {
  return (req, _res, next) => {
    const who = keys.authenticate(req.get("authorization"));
    (req as WithPrincipal)[PRINCIPAL] = who;
    const isRead = req.method === "GET" || req.method === "HEAD";
    // Planning and suggesting are reads, even though they are POSTed.
    const readLike =
      isRead || (req.method === "POST" && /^\/v1\/(suggestions|playlists)(\/|$)/.test(req.path));
    if (!who && readsNeedKey && readLike && req.path.startsWith("/v1/")) {
      next(
        new DomainError(
          "unauthorized",
          "Not authenticated: this service requires an API key for reads",
          [{ path: "Authorization", problem: "missing" }],
        ),
      );
      return;
    }
    next();
  };
}

/** The caller of a write; 401 when the request carried no key. */
export function writer(req: Request): Principal {
  const who = (req as WithPrincipal)[PRINCIPAL];
  if (!who)
    throw new DomainError(
      "unauthorized",
      "Not authenticated: writes need an API key (Authorization: Bearer <key>)",
      [{ path: "Authorization", problem: "missing" }],
    );
  return who;
}
