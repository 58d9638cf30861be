/**
 * The "plan this film's soundtrack" use case: validate the film against the catalogue (vocabulary
 * terms, pinned songs exist and are period-correct for their scene), rank candidates per scene,
 * and hand them to the planner.
 */
import {
  DomainError,
  PlanRequestSchema,
  parseOrThrow,
  type IssueDetail,
  type Plan,
  type Suggestion,
  type YearRange,
} from "../domain/index.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { personKey } from "../catalogue/people.js";
import { planFilm, type PreparedScene } from "../planning/planner.js";
import { listenable, listeningFor, withListening } from "./streaming.js";
import { refuseUnknownTerms, termProblems } from "./terms.js";

/** Extra candidates per scene beyond what it shows, so the assignment has room to trade. */
const SPARE_CANDIDATES = 25;

/** A scene's story time: its own year (flashbacks), else the film's year, else the film's era. */
function periodOf(
  year: number | undefined,
  era: YearRange | undefined,
): { year: number } | { era: YearRange } | object {
  if (year !== undefined) return { year };
  return era ? { era } : {};
}

export function planSoundtrack(catalogue: Catalogue, input: unknown): Plan {
  const request = parseOrThrow(PlanRequestSchema, input, "playlist request");
  const { film } = request;
  refuseUnknownTerms(
    film.scenes.flatMap((scene, i) =>
      termProblems(
        catalogue,
        scene.themes,
        scene.moods,
        (kind, j) => `film.scenes.${i}.${kind}.${j}`,
      ),
    ),
  );
  const problems: IssueDetail[] = [];

  const pinnedWhere = new Map<string, string>();
  film.scenes.forEach((scene, i) =>
    scene.pinned.forEach((id, j) => {
      const path = `film.scenes.${i}.pinned.${j}`;
      if (!catalogue.get(id))
        problems.push({ path, problem: `no song with id "${id}" (scene "${scene.id}")` });
      else if (pinnedWhere.has(id))
        problems.push({
          path,
          problem: `song "${id}" is already pinned to scene "${pinnedWhere.get(id)}"; a film uses each song once`,
        });
      pinnedWhere.set(id, scene.id);
    }),
  );
  if (problems.length > 0)
    throw new DomainError(
      "invalid_input",
      `Invalid pinned song (${problems[0]?.path}: ${problems[0]?.problem})`,
      problems,
    );

  const exclude = new Set(pinnedWhere.keys());
  const limit = request.perScene + request.alternates + SPARE_CANDIDATES;
  const prepared: PreparedScene[] = film.scenes.map((scene, i) => {
    const interpreted = catalogue.analyzer.analyze({
      themes: scene.themes,
      moods: scene.moods,
      description: scene.description,
      ...periodOf(scene.year ?? film.year, film.era),
    });
    const period = interpreted.period;
    const query = {
      period,
      periodCorrect: request.periodCorrect,
      themes: interpreted.themes.map((t) => t.id),
      moods: interpreted.moods.map((m) => m.id),
      country: film.country,
      language: film.language,
      text: scene.description ? catalogue.index.relevance(scene.description) : undefined,
      exclude,
      limit,
      maxPerPerformer: limit,
      lang: request.lang,
    };
    const pinned = catalogue.ranker.explainSongs(query, scene.pinned);
    pinned.forEach((p, j) => {
      if (p === null) {
        const song = catalogue.get(scene.pinned[j] as string);
        const first = song?.recordings
          .map((r) => r.year)
          .filter((y): y is number => y !== undefined)
          .sort()[0];
        problems.push({
          path: `film.scenes.${i}.pinned.${j}`,
          problem: `"${scene.pinned[j]}" is an anachronism in scene "${scene.id}" (set in ${period ? (period.from === period.to ? period.from : `${period.from}–${period.to}`) : "?"}): ${first ? `its earliest recording is from ${first}` : "none of its recordings is dated"}`,
        });
      }
    });
    return {
      sceneId: scene.id,
      title: scene.title,
      period,
      interpreted,
      pinned: pinned.filter((p): p is Suggestion => p !== null),
      candidates: catalogue.ranker.rank(query),
    };
  });
  if (problems.length > 0)
    throw new DomainError(
      "anachronism",
      `A pinned song does not fit its scene (${problems[0]?.path}: ${problems[0]?.problem})`,
      problems,
    );

  const moods = catalogue.ranker.moods;
  const plan = planFilm(request, prepared, (s) => s.recording.performers.map(personKey), {
    songPoint: (s) => moods.songPoint(s.song),
    scenePoint: (scene) => moods.centre(scene.interpreted.moods.map((m) => m.id)),
  });
  // Every track can be listened to somewhere, with or without a streaming account.
  return {
    ...plan,
    scenes: plan.scenes.map((s) => ({
      ...s,
      picks: s.picks.map(withListening),
      alternates: s.alternates.map(listenable),
    })),
    tracks: plan.tracks.map((t) => ({ ...t, listening: listeningFor(t.song, t.recording) })),
  };
}
