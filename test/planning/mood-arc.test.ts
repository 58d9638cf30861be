import { expect } from "chai";
import { arcPenalty, smoothArc, type ArcScene, type Point } from "../../src/planning/mood-arc.js";
import { planSoundtrack } from "../../src/services/plan.js";
import type { Film, Suggestion } from "../../src/domain/index.js";
import { realCatalogue } from "../helpers/server.js";

const POINTS: Record<string, Point> = {
  tender: { valence: 0.45, arousal: -0.5 },
  triumphant: { valence: 0.8, arousal: 0.8 },
};
const sug = (id: string, score: number, mood: string) =>
  ({ song: { id, moods: [mood] }, score }) as unknown as Suggestion;
const point = (s: Suggestion) => POINTS[s.song.moods[0] as string] ?? null;

describe("mood arc", () => {
  it("swaps a pick whose mood jumps away from a calm neighbour when the scenes do not jump", () => {
    const quiet = POINTS.tender!;
    const scenes: ArcScene[] = [
      { scenePoint: quiet, pick: sug("a", 0.8, "tender"), pinned: false, alternates: [] },
      {
        scenePoint: quiet,
        pick: sug("loud", 0.8, "triumphant"),
        pinned: false,
        alternates: [sug("soft", 0.75, "tender")],
      },
    ];
    expect(arcPenalty(scenes, point)).to.be.greaterThan(0.5);
    const swaps = smoothArc(
      scenes,
      point,
      () => true,
      () => {},
    );
    expect(swaps).to.equal(1);
    expect(scenes[1]!.pick!.song.id).to.equal("soft");
    expect(arcPenalty(scenes, point)).to.equal(0);
  });

  it("keeps the jump when the scenes themselves jump", () => {
    const scenes: ArcScene[] = [
      { scenePoint: POINTS.tender!, pick: sug("a", 0.8, "tender"), pinned: false, alternates: [] },
      {
        scenePoint: POINTS.triumphant!,
        pick: sug("loud", 0.8, "triumphant"),
        pinned: false,
        alternates: [sug("soft", 0.75, "tender")],
      },
    ];
    expect(
      smoothArc(
        scenes,
        point,
        () => true,
        () => {},
      ),
    ).to.equal(0);
    expect(scenes[1]!.pick!.song.id).to.equal("loud");
  });

  it("never touches a pinned pick", () => {
    const scenes: ArcScene[] = [
      { scenePoint: null, pick: sug("a", 0.8, "tender"), pinned: false, alternates: [] },
      {
        scenePoint: null,
        pick: sug("loud", 0.8, "triumphant"),
        pinned: true,
        alternates: [sug("soft", 0.75, "tender")],
      },
    ];
    smoothArc(
      scenes,
      point,
      () => true,
      () => {},
    );
    expect(scenes[1]!.pick!.song.id).to.equal("loud");
  });

  it("on a real film keeps every rule of the plan", () => {
    const film = realCatalogue().films.find((f) => f.id === "vremya-pervykh") as Film;
    const plan = planSoundtrack(realCatalogue(), { film, moodArc: true, maxPerPerformer: 2 });
    const ids = plan.tracks.map((t) => t.song.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const perf = new Map<string, number>();
    for (const t of plan.tracks)
      perf.set(
        t.recording.performers[0]!.name,
        (perf.get(t.recording.performers[0]!.name) ?? 0) + 1,
      );
    expect(Math.max(...perf.values())).to.be.at.most(2);
    for (const s of plan.scenes)
      for (const a of s.alternates) expect(ids).to.not.include(a.song.id);
    expect(plan.options.moodArc).to.equal(true);
  });
});
