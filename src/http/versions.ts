/**
 * Optimistic concurrency over HTTP: a stored entry's version is its ETag ("v3"); a write must
 * send it back in If-Match. No If-Match: 428. A stale one: 412 (raised by the store).
 */
import type { Request, Response } from "express";
import { DomainError } from "../domain/index.js";

export function etagOf(version: number): string {
  return `"v${version}"`;
}

export function setVersion(res: Response, version: number): void {
  res.setHeader("ETag", etagOf(version));
}

export function expectedVersion(req: Request): number {
  const header = req.get("if-match");
  if (!header) {
    throw new DomainError(
      "precondition_required",
      "Send the version you edited in If-Match (the ETag of your last read)",
      [{ path: "If-Match", problem: "missing; read the entry first and send its ETag" }],
    );
  }
  const m = /^(?:W\/)?"?v?(\d+)"?$/.exec(header.trim());
  if (!m)
    throw new DomainError(
      "invalid_input",
      `If-Match ${header} is not a version ETag such as "v3"`,
      [{ path: "If-Match", problem: 'must look like "v3"' }],
    );
  return Number(m[1]);
}
