/** Turns zod issues into our error shape, so every boundary reports problems the same way. */
import type { z } from "zod";
import { DomainError, type IssueDetail } from "./errors.js";

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

export function issuesToDetails(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    problem: issue.message,
  }));
}

/** Parse or throw a DomainError("invalid_input") naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = issuesToDetails(result.error);
    const first = details[0];
    const summary = first ? `${first.path || what}: ${first.problem}` : "invalid";
    throw new DomainError("invalid_input", `Invalid ${what} (${summary})`, details);
  }
  return result.data;
}
