/**
 * Turns a scene request into an Interpretation: the story period, and the themes and moods from
 * the explicit fields plus those read from the free-text description. Explicit terms come first
 * and are never dropped; description terms add to them.
 */
import type { Interpretation, InterpretedTerm, SceneRequest, Vocabulary } from "../domain/index.js";
import { rangeOfYear } from "../domain/index.js";
import { findPeriod } from "./period-hints.js";
import { TermMatcher, type TermEntry } from "./term-matcher.js";
import { isCyrillic, isStopword, tokenize } from "./text.js";

function entriesOf(terms: Vocabulary["themes"] | Vocabulary["moods"]): TermEntry[] {
  return terms.map((t) => ({
    id: t.id,
    phrases: [t.id.replace(/-/g, " "), t.label.en, t.label.ru, ...t.synonyms.en, ...t.synonyms.ru],
  }));
}

function detectLanguage(tokens: readonly string[]): Interpretation["language"] {
  const words = tokens.filter((w) => !isStopword(w) && /\p{L}/u.test(w));
  if (words.length === 0) return null;
  const cyr = words.filter(isCyrillic).length;
  if (cyr === words.length) return "ru";
  if (cyr === 0) return "en";
  return cyr / words.length >= 0.8 ? "ru" : cyr / words.length <= 0.2 ? "en" : "mixed";
}

export class SceneAnalyzer {
  private readonly themes: TermMatcher;
  private readonly moods: TermMatcher;

  constructor(vocabulary: Vocabulary) {
    this.themes = new TermMatcher(entriesOf(vocabulary.themes));
    this.moods = new TermMatcher(entriesOf(vocabulary.moods));
  }

  analyze(
    request: Pick<SceneRequest, "year" | "era" | "themes" | "moods" | "description">,
  ): Interpretation {
    const text = request.description ?? "";
    const tokens = tokenize(text);
    const themeHits = this.themes.match(tokens);
    const moodHits = this.moods.match(tokens);

    let period: Interpretation["period"] = null;
    if (request.year !== undefined) period = { ...rangeOfYear(request.year), source: "year" };
    else if (request.era !== undefined) period = { ...request.era, source: "era" };
    else {
      const hinted = text ? findPeriod(text) : null;
      if (hinted) period = { ...hinted, source: "description" };
    }

    return {
      period,
      language: text ? detectLanguage(tokens) : null,
      themes: merge(request.themes, themeHits),
      moods: merge(request.moods, moodHits),
      unmatched: this.themes.unmatchedWords(tokens, [...themeHits, ...moodHits]),
    };
  }
}

function merge(
  explicit: readonly string[],
  hits: readonly { id: string; matched: string[] }[],
): InterpretedTerm[] {
  const out: InterpretedTerm[] = [];
  for (const id of explicit) {
    if (!out.some((t) => t.id === id)) out.push({ id, source: "request", matched: [] });
  }
  for (const hit of hits) {
    const existing = out.find((t) => t.id === hit.id);
    if (existing)
      existing.matched.push(...hit.matched.filter((w) => !existing.matched.includes(w)));
    else out.push({ id: hit.id, source: "description", matched: hit.matched });
  }
  return out;
}
