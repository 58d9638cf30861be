/**
 * Turns a scene request into an Interpretation: the story period, and the themes and moods from
 * the explicit fields plus those read from the free-text description. Explicit terms come first
 * and are never dropped; description terms add to them.
 */
import type { Interpretation, InterpretedTerm, SceneRequest, Vocabulary } from "../domain/index.js";
import { rangeOfYear } from "../domain/index.js";
import { findPeriod } from "./period-hints.js";
import { TermMatcher, type TermEntry } from "./term-matcher.js";
import { wordsOf, type Word } from "./words.js";

function entriesOf(terms: Vocabulary["themes"] | Vocabulary["moods"]): TermEntry[] {
  return terms.map((t) => ({
    id: t.id,
    phrases: [t.id.replace(/-/g, " "), t.label.en, t.label.ru, ...t.synonyms.en, ...t.synonyms.ru],
  }));
}

function detectLanguage(words: readonly Word[]): Interpretation["language"] {
  let content = 0;
  let cyr = 0;
  for (const w of words) {
    if (w.stopword || !w.hasLetter) continue;
    content++;
    if (w.cyrillic) cyr++;
  }
  if (content === 0) return null;
  if (cyr === content) return "ru";
  if (cyr === 0) return "en";
  return cyr / content >= 0.8 ? "ru" : cyr / content <= 0.2 ? "en" : "mixed";
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
    const words = wordsOf(text);
    const themeHits = this.themes.match(words);
    const moodHits = this.moods.match(words);

    let period: Interpretation["period"] = null;
    if (request.year !== undefined) period = { ...rangeOfYear(request.year), source: "year" };
    else if (request.era !== undefined) period = { ...request.era, source: "era" };
    else {
      const hinted = text ? findPeriod(text) : null;
      if (hinted) period = { ...hinted, source: "description" };
    }

    return {
      period,
      language: text ? detectLanguage(words) : null,
      themes: merge(request.themes, themeHits),
      moods: merge(request.moods, moodHits),
      unmatched: this.themes.unmatchedWords(words, [...themeHits, ...moodHits]),
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
