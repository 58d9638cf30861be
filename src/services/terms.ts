/**
 * Requests may only name vocabulary terms. One check serves every request shape: a scene's
 * `themes`/`moods` lists, a search's single `theme`/`mood`, a film's scenes; `pathOf` says where
 * each term sits in that request, so the error names the field.
 */
import { DomainError, type IssueDetail } from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";

export type TermPath = (kind: "themes" | "moods", index: number) => string;

const listPath: TermPath = (kind, index) => `${kind}.${index}`;

export function termProblems(
  catalogue: Catalogue,
  themes: readonly string[],
  moods: readonly string[],
  pathOf: TermPath = listPath,
): IssueDetail[] {
  const details: IssueDetail[] = [];
  themes.forEach((t, i) => {
    if (!catalogue.hasTheme(t))
      details.push({
        path: pathOf("themes", i),
        problem: `unknown theme "${t}"; see GET /v1/vocabulary`,
      });
  });
  moods.forEach((m, i) => {
    if (!catalogue.hasMood(m))
      details.push({
        path: pathOf("moods", i),
        problem: `unknown mood "${m}"; see GET /v1/vocabulary`,
      });
  });
  return details;
}

/** Throws one `unknown_term` error naming every unknown term, if there is any. */
export function refuseUnknownTerms(details: readonly IssueDetail[]): void {
  if (details.length === 0) return;
  throw new DomainError(
    "unknown_term",
    `Unknown vocabulary term (${details[0]?.path}: ${details[0]?.problem})`,
    [...details],
  );
}
