/**
 * Turns per-scene candidate lists into one soundtrack for the whole film.
 *
 * Steps: pinned songs are fixed first (they use up their scene's slots and their performers' caps);
 * the remaining slots are filled by the optimal assignment in assign.ts; each scene then lists as
 * alternates its best candidates that the film does not use anywhere; the track list is the picks
 * in scene order. Given the same inputs the plan is always the same.
 */
import type {
  Interpretation,
  Plan,
  PlanPick,
  PlanRequest,
  PlanTrack,
  ScenePlan,
  Suggestion,
  YearRange,
} from "../domain/index.js";
import { assign, type Candidate } from "./assign.js";

export interface PreparedScene {
  sceneId: string;
  title: string;
  period: YearRange | null;
  interpreted: Interpretation;
  /** Pinned songs scored for this scene, in the order the editor gave them. */
  pinned: Suggestion[];
  /** Ranked candidates (pinned songs of the whole film already excluded). */
  candidates: Suggestion[];
}

export type PerformerKeyOf = (s: Suggestion) => string[];

export function planFilm(
  request: PlanRequest,
  scenes: readonly PreparedScene[],
  performersOf: PerformerKeyOf,
): Plan {
  const { film, perScene, alternates, maxPerPerformer, periodCorrect } = request;
  const used = new Map<string, number>();
  for (const scene of scenes)
    for (const p of scene.pinned)
      for (const key of performersOf(p).slice(0, 1)) used.set(key, (used.get(key) ?? 0) + 1);

  const byId = new Map<string, Suggestion>();
  const slots = scenes.map((scene) => ({
    sceneId: scene.sceneId,
    slots: Math.max(0, perScene - scene.pinned.length),
    candidates: scene.candidates.map((s): Candidate => {
      byId.set(`${scene.sceneId}|${s.song.id}`, s);
      return { songId: s.song.id, performers: performersOf(s), score: s.score };
    }),
  }));
  const chosen = assign(slots, (performer) => maxPerPerformer - (used.get(performer) ?? 0));

  const inFilm = new Set<string>();
  for (const scene of scenes) scene.pinned.forEach((p) => inFilm.add(p.song.id));
  for (const picks of chosen.values()) picks.forEach((c) => inFilm.add(c.songId));

  let order = 0;
  const tracks: PlanTrack[] = [];
  let totalScore = 0;
  const planned: ScenePlan[] = scenes.map((scene) => {
    const picks: PlanPick[] = [
      ...scene.pinned.map((s) => ({ ...s, pinned: true })),
      ...(chosen.get(scene.sceneId) ?? []).map((c) => ({
        ...(byId.get(`${scene.sceneId}|${c.songId}`) as Suggestion),
        pinned: false,
      })),
    ];
    for (const p of picks) {
      totalScore += p.score;
      tracks.push({
        order: ++order,
        sceneId: scene.sceneId,
        sceneTitle: scene.title,
        song: p.song,
        recording: p.recording,
        score: p.score,
        pinned: p.pinned,
      });
    }
    return {
      sceneId: scene.sceneId,
      title: scene.title,
      period: scene.period,
      interpreted: scene.interpreted,
      picks,
      alternates: scene.candidates.filter((s) => !inFilm.has(s.song.id)).slice(0, alternates),
      unfilled: Math.max(0, perScene - picks.length),
    };
  });

  return {
    film: {
      id: film.id,
      title: film.title,
      titleEnglish: film.titleEnglish,
      year: film.year,
      era: film.era,
      country: film.country,
      language: film.language,
    },
    options: { perScene, alternates, maxPerPerformer, periodCorrect },
    scenes: planned,
    tracks,
    totalScore: Math.round(totalScore * 1000) / 1000,
  };
}
