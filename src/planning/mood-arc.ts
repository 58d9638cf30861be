/**
 * Optional mood arc: after the optimal assignment, consecutive scenes should not jump between
 * distant moods unless the scenes themselves do.
 *
 * For neighbours i, i+1 with a first pick each, the jump is the distance between the two songs'
 * points on the valence/arousal plane; the scenes' own jump is the distance between their mood
 * centres (0 when a scene states no mood). A pair is penalised by how far the songs' jump exceeds
 * the scenes' jump plus a tolerance. The plan then trades fit for smoothness by local search: a
 * scene's first (non-pinned) pick may be swapped for one of its alternates when the total
 * score − WEIGHT × penalty improves; passes repeat until nothing improves. Deterministic: scenes and
 * alternates are tried in order.
 */
import type { Suggestion } from "../domain/index.js";

export const ARC_TOLERANCE = 0.3;
export const ARC_WEIGHT = 0.5;

export interface Point {
  valence: number;
  arousal: number;
}

export interface ArcScene {
  scenePoint: Point | null;
  /** The pick that sets the scene's mood; null when the scene has none or it is pinned. */
  pick: Suggestion | null;
  pinned: boolean;
  alternates: Suggestion[];
}

const dist = (a: Point, b: Point) => Math.hypot(a.valence - b.valence, a.arousal - b.arousal);

export function arcPenalty(
  scenes: readonly ArcScene[],
  songPoint: (s: Suggestion) => Point | null,
  at?: number,
): number {
  let total = 0;
  const from = at === undefined ? 0 : Math.max(0, at - 1);
  const to = at === undefined ? scenes.length - 1 : Math.min(scenes.length - 1, at + 1);
  for (let i = from; i < to; i++) {
    const a = scenes[i] as ArcScene;
    const b = scenes[i + 1] as ArcScene;
    const pa = a.pick && songPoint(a.pick);
    const pb = b.pick && songPoint(b.pick);
    if (!pa || !pb) continue;
    const sceneJump = a.scenePoint && b.scenePoint ? dist(a.scenePoint, b.scenePoint) : 0;
    total += Math.max(0, dist(pa, pb) - sceneJump - ARC_TOLERANCE);
  }
  return total;
}

/**
 * Improves the arc in place. `canUse(song)` says whether a swap keeps the film's rules (song unused,
 * performer under cap); `use`/`release` keep that bookkeeping in step with each accepted swap.
 */
export function smoothArc(
  scenes: ArcScene[],
  songPoint: (s: Suggestion) => Point | null,
  canUse: (s: Suggestion) => boolean,
  swap: (from: Suggestion, to: Suggestion) => void,
): number {
  let swaps = 0;
  for (let pass = 0; pass < 5; pass++) {
    let improved = false;
    scenes.forEach((scene, i) => {
      if (scene.pinned || !scene.pick) return;
      const current = scene.pick;
      let best = current;
      let bestValue = current.score - ARC_WEIGHT * arcPenalty(scenes, songPoint, i);
      for (const alt of scene.alternates) {
        if (!canUse(alt)) continue;
        scene.pick = alt;
        const value = alt.score - ARC_WEIGHT * arcPenalty(scenes, songPoint, i);
        if (value > bestValue + 1e-9) {
          best = alt;
          bestValue = value;
        }
      }
      scene.pick = best;
      if (best !== current) {
        swap(current, best);
        scene.alternates = [current, ...scene.alternates.filter((a) => a !== best)];
        improved = true;
        swaps++;
      }
    });
    if (!improved) break;
  }
  return swaps;
}
