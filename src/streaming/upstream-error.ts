/**
 * The few typed ways an upstream call can fail. The Spotify client turns every library or transport
 * error into one of these; the call policy decides from the kind whether to retry, whether it counts
 * against the circuit breaker and whether it starts a rate-limit cool-down; the resolver turns them
 * into a `Resolution`. Nothing above the client ever looks at a raw library error.
 */
export type UpstreamProblem =
  /** 429: Retry-After in seconds when the server sent one; `reason` e.g. QUOTA_EXCEEDED. */
  | { kind: "rate-limited"; retryAfterSec?: number; reason?: string }
  /** We are in a cool-down started by an earlier 429 and sent nothing. */
  | { kind: "cooling-down"; until: number; reason?: string }
  /** The circuit breaker is open and we sent nothing. */
  | { kind: "circuit-open"; until: number }
  | { kind: "server"; status: number }
  | { kind: "network"; code: string }
  | { kind: "timeout"; afterMs: number }
  /** The body is not what the API promises (bad JSON, wrong shape). */
  | { kind: "malformed"; detail: string }
  /** 401 from the Web API: the token is not (or no longer) accepted. */
  | { kind: "unauthorized"; message: string }
  /** Any other 4xx: our request (or credentials) was refused. */
  | { kind: "rejected"; status: number; message: string };

export class UpstreamError extends Error {
  constructor(readonly problem: UpstreamProblem) {
    super(describeProblem(problem));
    this.name = "UpstreamError";
  }
}

export function describeProblem(p: UpstreamProblem): string {
  switch (p.kind) {
    case "rate-limited":
      return `Spotify answered 429${p.reason ? ` (${p.reason})` : ""}`;
    case "cooling-down":
      return `rate-limit cool-down${p.reason ? ` (${p.reason})` : ""} until ${new Date(p.until).toISOString()}`;
    case "circuit-open":
      return `Spotify is failing; circuit breaker open until ${new Date(p.until).toISOString()}`;
    case "server":
      return `Spotify answered ${p.status}`;
    case "network":
      return `cannot reach Spotify (${p.code})`;
    case "timeout":
      return `Spotify did not answer within ${p.afterMs} ms`;
    case "malformed":
      return `Spotify sent a response we cannot trust (${p.detail})`;
    case "unauthorized":
      return `Spotify did not accept the access token (${p.message})`;
    case "rejected":
      return `Spotify refused the request (${p.status}: ${p.message})`;
  }
}

/** Worth another attempt: the same request may well succeed in a moment. */
export function isRetryable(p: UpstreamProblem): boolean {
  return p.kind === "server" || p.kind === "network";
}

/** Says the upstream is unhealthy (counts towards opening the circuit breaker). */
export function isFailure(p: UpstreamProblem): boolean {
  return (
    p.kind === "server" || p.kind === "network" || p.kind === "timeout" || p.kind === "malformed"
  );
}

/** Any thrown value as an UpstreamProblem (unknown errors count as network trouble). */
export function problemOf(error: unknown): UpstreamProblem {
  if (error instanceof UpstreamError) return error.problem;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "network", code: message || "unknown error" };
}
