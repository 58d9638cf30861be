import { expect } from "chai";
import { assign, type SceneSlots } from "../../src/planning/assign.js";
import { MinCostFlow } from "../../src/planning/min-cost-flow.js";

const c = (songId: string, score: number, performer = `p-${songId}`) => ({
  songId,
  score,
  performers: [performer],
});
const ids = (m: Map<string, { songId: string }[]>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.map((x) => x.songId)]));
const noCap = () => 99;

/** What a scene-by-scene planner would do: each scene takes its best song still free. */
function greedy(scenes: SceneSlots[]): Record<string, string[]> {
  const used = new Set<string>();
  const out: Record<string, string[]> = {};
  for (const s of scenes) {
    out[s.sceneId] = s.candidates
      .filter((x) => !used.has(x.songId))
      .slice(0, s.slots)
      .map((x) => x.songId);
    out[s.sceneId]!.forEach((id) => used.add(id));
  }
  return out;
}

describe("whole-film assignment", () => {
  it("does better than greedy when an early scene would steal a later scene's best song", () => {
    const scenes: SceneSlots[] = [
      { sceneId: "wives", slots: 1, candidates: [c("nezhnost", 0.9), c("dva-berega", 0.85)] },
      { sceneId: "night", slots: 1, candidates: [c("nezhnost", 0.88), c("weak", 0.2)] },
    ];
    const g = greedy(scenes);
    expect(g).to.deep.equal({ wives: ["nezhnost"], night: ["weak"] }); // total 1.10
    const planned = ids(assign(scenes, noCap));
    expect(planned).to.deep.equal({ wives: ["dva-berega"], night: ["nezhnost"] }); // total 1.73
  });

  it("never uses a song twice and fills every slot it can", () => {
    const scenes: SceneSlots[] = [
      { sceneId: "a", slots: 2, candidates: [c("x", 0.9), c("y", 0.8), c("z", 0.1)] },
      { sceneId: "b", slots: 2, candidates: [c("x", 0.9), c("y", 0.8)] },
    ];
    const planned = ids(assign(scenes, noCap));
    const all = [...planned.a!, ...planned.b!];
    expect(new Set(all).size).to.equal(all.length);
    expect(all).to.have.length(3);
  });

  it("respects the per-performer cap across the film", () => {
    const scenes: SceneSlots[] = ["a", "b", "c"].map((sceneId) => ({
      sceneId,
      slots: 1,
      candidates: [c(`k-${sceneId}`, 0.9, "kristalinskaya"), c(`o-${sceneId}`, 0.5)],
    }));
    const planned = ids(assign(scenes, (p) => (p === "kristalinskaya" ? 2 : 99)));
    const byK = Object.values(planned)
      .flat()
      .filter((s) => s.startsWith("k-"));
    expect(byK).to.have.length(2);
    expect(Object.values(planned).flat()).to.have.length(3);
  });

  it("is deterministic on ties", () => {
    const scenes: SceneSlots[] = [
      { sceneId: "a", slots: 1, candidates: [c("x", 0.5), c("y", 0.5)] },
      { sceneId: "b", slots: 1, candidates: [c("y", 0.5), c("x", 0.5)] },
    ];
    const first = ids(assign(scenes, noCap));
    for (let i = 0; i < 5; i++) expect(ids(assign(scenes, noCap))).to.deep.equal(first);
    expect(first).to.deep.equal({ a: ["x"], b: ["y"] });
  });
});

describe("min-cost flow", () => {
  it("finds the cheapest maximum flow on a textbook graph", () => {
    const f = new MinCostFlow(4);
    const e01 = f.addEdge(0, 1, 2, 1);
    f.addEdge(0, 2, 1, 5);
    f.addEdge(1, 2, 1, 1);
    f.addEdge(1, 3, 1, 6);
    f.addEdge(2, 3, 2, 1);
    expect(f.run(0, 3)).to.deep.equal({ flow: 3, cost: 16 });
    expect(f.flowOn(e01)).to.equal(2);
  });
});
