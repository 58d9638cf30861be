/**
 * The one place where errors become HTTP responses. Domain errors keep their code and details;
 * body-parser failures become our codes; anything unexpected is a 500 with no internals exposed
 * (the stack goes to the log, never to the client).
 */
import type { ErrorRequestHandler } from "express";
import { DomainError, type ErrorCode, type IssueDetail } from "../domain/index.js";

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_term: 400,
  malformed_json: 400,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  duplicate: 409,
  anachronism: 422,
  precondition_failed: 412,
  precondition_required: 428,
  unauthorized: 401,
  forbidden: 403,
  store_invalid: 500,
  upstream_unavailable: 503,
  payload_too_large: 413,
  unsupported_media_type: 415,
  catalogue_invalid: 500,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: IssueDetail[] };
}

export function toHttp(err: unknown): { status: number; body: ErrorBody } {
  const domain = asDomainError(err);
  return {
    status: STATUS[domain.code],
    body: { error: { code: domain.code, message: domain.message, details: domain.details } },
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function asDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const bp = err as BodyParserError;
  switch (bp?.type) {
    case "entity.too.large":
      return new DomainError(
        "payload_too_large",
        `Request body is larger than the ${bp.limit ?? ""} byte limit`.replace("  ", " "),
        [{ path: "", problem: "body too large" }],
      );
    case "entity.parse.failed":
      return new DomainError("malformed_json", "Request body is not valid JSON", [
        { path: "", problem: "malformed JSON" },
      ]);
    case "encoding.unsupported":
    case "charset.unsupported":
      return new DomainError("unsupported_media_type", "Unsupported body encoding or charset", [
        { path: "", problem: bp.type },
      ]);
  }
  return new DomainError("internal", "Internal error", []);
}

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toHttp(err);
    if (status >= 500) log(`internal error: ${(err as Error)?.stack ?? String(err)}`);
    res.status(status).json(body);
  };
}
