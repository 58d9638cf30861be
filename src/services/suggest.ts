/**
 * The "which songs fit this scene?" use case: check the request against the vocabulary, read the
 * description, rank, and return the interpretation with the explained suggestions.
 */
import {
  SceneRequestSchema,
  parseOrThrow,
  type Interpretation,
  type ListenableSuggestion,
  type SceneRequest,
} from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { Lru } from "./lru.js";
import { refuseUnknownTerms, termProblems } from "./terms.js";
import { listenable, type ResolutionSummary } from "./streaming.js";

/**
 * Answers are cached per catalogue version (a Catalogue is immutable; an edit makes a new one), keyed
 * by the validated request, so a repeated scene — the web page re-ranking, a planner revisiting a
 * scene — costs a map lookup. Callers must treat answers as read-only.
 *
 * An answer is cached only when its request is seen a second time: a stream of one-off requests
 * then keeps nothing but their keys alive. (Caching every answer kept each one, with its
 * serialised body, alive long enough for the garbage collector to copy and promote it — a
 * tenth of the cost of a new request — and let one-off requests evict the repeated ones.)
 */
const CACHE_SIZE = 256;
const SEEN_SIZE = 4096;
const caches = new WeakMap<
  Catalogue,
  { answers: Lru<string, SuggestionAnswer>; seen: Lru<string, true> }
>();

export interface SuggestionAnswer {
  interpreted: Interpretation;
  suggestions: ListenableSuggestion[];
  /** Present when streaming resolution was asked for (see services/streaming.ts). */
  resolution?: ResolutionSummary;
}

export interface SuggestOptions {
  /** Reuse an earlier identical answer (default true; benchmarks turn it off to time the work). */
  cache?: boolean;
}

export function suggest(
  catalogue: Catalogue,
  input: unknown,
  options: SuggestOptions = {},
): SuggestionAnswer {
  const request: SceneRequest = parseOrThrow(SceneRequestSchema, input, "scene request");
  refuseUnknownTerms(termProblems(catalogue, request.themes, request.moods));
  if (options.cache === false) return answerScene(catalogue, request);
  let cache = caches.get(catalogue);
  if (!cache) {
    cache = { answers: new Lru(CACHE_SIZE), seen: new Lru(SEEN_SIZE) };
    caches.set(catalogue, cache);
  }
  const key = JSON.stringify(request);
  const hit = cache.answers.get(key);
  if (hit) return hit;
  const answer = answerScene(catalogue, request);
  if (cache.seen.get(key)) cache.answers.set(key, answer);
  else cache.seen.set(key, true);
  return answer;
}

function answerScene(catalogue: Catalogue, request: SceneRequest): SuggestionAnswer {
  const interpreted = catalogue.analyzer.analyze(request);
  const text = request.description ? catalogue.index.relevance(request.description) : undefined;
  const suggestions = catalogue.ranker.rank({
    period: interpreted.period,
    periodCorrect: request.periodCorrect,
    themes: interpreted.themes.map((t) => t.id),
    moods: interpreted.moods.map((m) => m.id),
    country: request.country,
    language: request.language,
    text,
    exclude: new Set(request.exclude),
    limit: request.limit,
    maxPerPerformer: request.maxPerPerformer,
    lang: request.lang,
  });
  return { interpreted, suggestions: suggestions.map(listenable) };
}
