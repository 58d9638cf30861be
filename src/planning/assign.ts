/**
 * Chooses songs for every scene at once, as a minimum-cost flow:
 *
 *   source ─(slots left)→ scene ─(1, cost 1−score)→ song ─(1)→ performer ─(cap left)→ sink
 *
 * Every song node passes at most one unit (no song twice in the film), every performer node at most
 * its remaining cap (no more than N songs by one performer), every scene at most its free slots.
 * Maximum flow fills as many slots as possible; among those fillings, minimum cost is the maximum
 * total score. Unlike picking scene by scene, a later scene's best song is not taken by an earlier
 * scene that had a nearly-as-good alternative.
 *
 * A recording with several performers is capped through its first performer only (a flow unit
 * cannot spend two capacities); pinned songs are fixed beforehand and use up their performers' caps.
 */
import { MinCostFlow } from "./min-cost-flow.js";

export interface Candidate {
  songId: string;
  /** Performer identity keys of the recording that would be used. */
  performers: string[];
  score: number;
}

export interface SceneSlots {
  sceneId: string;
  /** Free slots (after pinned songs). */
  slots: number;
  /** Ranked best first. */
  candidates: Candidate[];
}

/** Picks per scene id, each scene's picks in its own ranking order. */
export function assign(
  scenes: readonly SceneSlots[],
  performerCapLeft: (performer: string) => number,
): Map<string, Candidate[]> {
  const songIndex = new Map<string, number>();
  const performerIndex = new Map<string, number>();
  for (const s of scenes) {
    for (const c of s.candidates) {
      if (!songIndex.has(c.songId)) songIndex.set(c.songId, songIndex.size);
      const p = c.performers[0] ?? `song:${c.songId}`;
      if (!performerIndex.has(p)) performerIndex.set(p, performerIndex.size);
    }
  }
  const S = scenes.length;
  const songBase = 1 + S;
  const performerBase = songBase + songIndex.size;
  const sink = performerBase + performerIndex.size;
  const net = new MinCostFlow(sink + 1);
  scenes.forEach((s, i) => net.addEdge(0, 1 + i, s.slots, 0));
  const choice: { scene: number; candidate: Candidate; edge: number }[] = [];
  scenes.forEach((s, i) =>
    s.candidates.forEach((c, rank) => {
      // A vanishing rank term makes equal scores resolve towards each scene's own ranking order.
      const edge = net.addEdge(
        1 + i,
        songBase + (songIndex.get(c.songId) as number),
        1,
        1 - c.score + rank * 1e-9,
      );
      choice.push({ scene: i, candidate: c, edge });
    }),
  );
  const songPerformer = new Map<string, string>();
  for (const s of scenes)
    for (const c of s.candidates)
      if (!songPerformer.has(c.songId))
        songPerformer.set(c.songId, c.performers[0] ?? `song:${c.songId}`);
  for (const [songId, i] of songIndex) {
    net.addEdge(
      songBase + i,
      performerBase + (performerIndex.get(songPerformer.get(songId) as string) as number),
      1,
      0,
    );
  }
  for (const [performer, i] of performerIndex) {
    net.addEdge(
      performerBase + i,
      sink,
      Math.max(0, performer.startsWith("song:") ? 1 : performerCapLeft(performer)),
      0,
    );
  }
  net.run(0, sink);

  const picks = new Map<string, Candidate[]>(scenes.map((s) => [s.sceneId, []]));
  for (const { scene, candidate, edge } of choice) {
    if (net.flowOn(edge) > 0) picks.get((scenes[scene] as SceneSlots).sceneId)?.push(candidate);
  }
  return picks;
}
