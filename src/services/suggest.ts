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
import { withListening, type ResolutionSummary } from "./streaming.js";

/**
 * Answers are cached per catalogue version (a Catalogue is immutable; an edit makes a new one), keyed
 * by the validated request, so a repeated scene — the web page re-ranking, a planner revisiting a
 * scene — costs a map lookup. Callers must treat answers as read-only. The cache is kept small:
 * every answer it holds stays alive (with its serialised body), and a large one made the garbage
 * collector's work grow faster than the hits it saved under a stream of new requests.
 */
const CACHE_SIZE = 256;
const caches = new WeakMap<Catalogue, Lru<string, SuggestionAnswer>>();

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
  if (!cache) caches.set(catalogue, (cache = new Lru(CACHE_SIZE)));
  const key = JSON.stringify(request);
  const hit = cache.get(key);
  if (hit) return hit;
  const answer = answerScene(catalogue, request);
  cache.set(key, answer);
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
  return { interpreted, suggestions: suggestions.map(withListening) };
}
