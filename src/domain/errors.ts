/**
 * Typed errors with a stable `code`. The domain never knows about HTTP; the one mapping to status
 * codes lives in src/http/error-mapping.ts.
 */
export interface IssueDetail {
  /** Dotted path into the input, e.g. "themes.0" or "recordings.1.year". */
  path: string;
  problem: string;
}

export type ErrorCode =
  | "invalid_input"
  | "unknown_term"
  | "not_found"
  | "payload_too_large"
  | "malformed_json"
  | "catalogue_invalid"
  | "conflict"
  | "duplicate"
  | "anachronism"
  | "precondition_failed"
  | "precondition_required"
  | "unauthorized"
  | "forbidden"
  | "store_invalid"
  | "upstream_unavailable"
  | "unsupported_media_type"
  | "route_not_found"
  | "internal";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: IssueDetail[] = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function invalidInput(message: string, details: IssueDetail[]): DomainError {
  return new DomainError("invalid_input", message, details);
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError("not_found", `${what} "${id}" does not exist`, [
    { path: "id", problem: `no ${what} with id "${id}"` },
  ]);
}
