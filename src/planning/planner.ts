/**
 * Turns per-scene candidate lists into one soundtrack for the whole film.
 *
 * Steps: pinned songs are fixed first (they use up their scene's slots and their performers' caps);
 * the remaining slots are filled by the optimal assignment in assign.ts; each scene then lists as
 * alternates its best candidates that the film does not use anywhere; the track list is the picks
 * in scene order; with `moodArc`, mood-arc.ts then smooths transitions between scenes. Given the
 * same inputs the plan is always the same.
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
import { smoothArc, type ArcScene, type Point } from "./mood-arc.js";

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

/** Mood geometry for the optional arc: a song's point and each scene's mood centre. */
export interface MoodGeometry {
  songPoint: (s: Suggestion) => Point | null;
  scenePoint: (scene: PreparedScene) => Point | null;
}

export function planFilm(
  request: PlanRequest,
  scenes: readonly PreparedScene[],
  performersOf: PerformerKeyOf,
  moods?: MoodGeometry,
): Plan {
  const { film, perScene, alternates, maxPerPerformer, periodCorrect, moodArc } = request;
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

  const planned: ScenePlan[] = scenes.map((scene) => {
    const picks: PlanPick[] = [
      ...scene.pinned.map((s) => ({ ...s, pinned: true })),
      ...(chosen.get(scene.sceneId) ?? []).map((c) => ({
        ...(byId.get(`${scene.sceneId}|${c.songId}`) as Suggestion),
        pinned: false,
      })),
    ];
    return {
      sceneId: scene.sceneId,
      title: scene.title,
      period: scene.period,
      interpreted: scene.interpreted,
      picks,
      // Every candidate the film does not use; trimmed to `alternates` once the arc is settled.
      alternates: scene.candidates.filter((s) => !inFilm.has(s.song.id)),
      unfilled: Math.max(0, perScene - picks.length),
    };
  });

  let arcSwaps = 0;
  if (moodArc && moods) {
    const count = new Map<string, number>();
    for (const s of planned)
      for (const p of s.picks)
        for (const k of performersOf(p).slice(0, 1)) count.set(k, (count.get(k) ?? 0) + 1);
    const arc: ArcScene[] = planned.map((s, i) => ({
      scenePoint: moods.scenePoint(scenes[i] as PreparedScene),
      pick: s.picks[0] ?? null,
      pinned: s.picks[0]?.pinned ?? false,
      alternates: s.alternates,
    }));
    arcSwaps = smoothArc(
      arc,
      moods.songPoint,
      (alt) =>
        !inFilm.has(alt.song.id) &&
        performersOf(alt)
          .slice(0, 1)
          .every((k) => (count.get(k) ?? 0) < maxPerPerformer),
      (from, to) => {
        inFilm.delete(from.song.id);
        inFilm.add(to.song.id);
        for (const k of performersOf(from).slice(0, 1)) count.set(k, (count.get(k) ?? 0) - 1);
        for (const k of performersOf(to).slice(0, 1)) count.set(k, (count.get(k) ?? 0) + 1);
      },
    );
    arc.forEach((a, i) => {
      const scene = planned[i] as ScenePlan;
      if (a.pick && scene.picks[0] && a.pick.song.id !== scene.picks[0].song.id)
        scene.picks[0] = { ...a.pick, pinned: false };
    });
  }
  for (const scene of planned)
    scene.alternates = scene.alternates.filter((s) => !inFilm.has(s.song.id)).slice(0, alternates);

  let order = 0;
  let totalScore = 0;
  const tracks: PlanTrack[] = [];
  for (const scene of planned) {
    for (const p of scene.picks) {
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
  }

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
    options: { perScene, alternates, maxPerPerformer, periodCorrect, moodArc },
    arcSwaps,
    scenes: planned,
    tracks,
    totalScore: Math.round(totalScore * 1000) / 1000,
  };
}
