import { expect } from "chai";
import { planSoundtrack } from "../../src/services/plan.js";
import { DomainError, type Film } from "../../src/domain/index.js";
import { realCatalogue } from "../helpers/server.js";

const catalogue = () => realCatalogue();
const film = (id: string) => catalogue().films.find((f) => f.id === id) as Film;

describe("planning a film", () => {
  it("plans «Время первых»: one period-correct song per scene, no repeats, reasons attached", () => {
    const plan = planSoundtrack(catalogue(), { film: film("vremya-pervykh") });
    expect(plan.scenes).to.have.length(film("vremya-pervykh").scenes.length);
    const songs = plan.tracks.map((t) => t.song.id);
    expect(new Set(songs).size).to.equal(songs.length);
    for (const s of plan.scenes) {
      expect(s.picks).to.have.length(1);
      expect(s.picks[0]!.recording.year).to.be.at.most(1965);
      expect(s.picks[0]!.reasons.length).to.be.greaterThan(0);
      for (const a of s.alternates) expect(songs).to.not.include(a.song.id);
    }
    expect(plan.tracks.map((t) => t.order)).to.deep.equal(plan.tracks.map((_, i) => i + 1));
    expect(plan.scenes.find((s) => s.sceneId === "s04")?.picks[0]?.song.id).to.equal("nezhnost");
    for (const t of plan.tracks)
      expect(t.listening?.map((l) => l.provider)).to.deep.equal(["youtube", "yandex-music"]);
  });

  it("keeps each performer to the film-wide cap", () => {
    const plan = planSoundtrack(catalogue(), {
      film: film("vremya-pervykh"),
      perScene: 3,
      maxPerPerformer: 1,
    });
    const first = plan.tracks.map((t) => t.recording.performers[0]!.name);
    expect(new Set(first).size).to.equal(first.length);
  });

  it("applies period-correctness per scene (a flashback may use older songs only)", () => {
    const f: Film = {
      title: "Test",
      year: 1969,
      country: "SU",
      scenes: [
        {
          id: "war",
          title: "1943",
          description: "фронт, землянка",
          year: 1943,
          themes: ["war"],
          moods: [],
          pinned: [],
        },
      ],
    } as Film;
    const plan = planSoundtrack(catalogue(), { film: f, perScene: 3 });
    for (const p of plan.scenes[0]!.picks) expect(p.recording.year).to.be.at.most(1943);
  });

  it("honours pinned songs and does not use them elsewhere", () => {
    const base = film("vremya-pervykh");
    const f = {
      ...base,
      scenes: base.scenes.map((s, i) => (i === 0 ? { ...s, pinned: ["nezhnost"] } : s)),
    };
    const plan = planSoundtrack(catalogue(), { film: f });
    expect(plan.scenes[0]!.picks[0]).to.include({ pinned: true });
    expect(plan.scenes[0]!.picks[0]!.song.id).to.equal("nezhnost");
    expect(plan.tracks.filter((t) => t.song.id === "nezhnost")).to.have.length(1);
  });

  it("is deterministic", () => {
    const a = planSoundtrack(catalogue(), { film: film("first-man"), perScene: 2 });
    const b = planSoundtrack(catalogue(), { film: film("first-man"), perScene: 2 });
    expect(b).to.deep.equal(a);
  });

  const rejects = (input: unknown, code: string, path: RegExp) => {
    try {
      planSoundtrack(catalogue(), input);
      expect.fail("should have been refused");
    } catch (err) {
      expect(err).to.be.instanceOf(DomainError);
      expect((err as DomainError).code).to.equal(code);
      expect((err as DomainError).details.map((d) => d.path).join(" ")).to.match(path);
    }
  };
  const one = (scene: Record<string, unknown>) => ({
    film: { title: "T", year: 1965, scenes: [{ id: "s1", title: "S", ...scene }] },
  });

  it("refuses a film without scenes", () =>
    rejects({ film: { title: "T", year: 1965, scenes: [] } }, "invalid_input", /film\.scenes/));
  it("refuses 10,000 scenes", () =>
    rejects(
      {
        film: {
          title: "T",
          year: 1965,
          scenes: Array.from({ length: 10000 }, (_, i) => ({ id: `s${i}`, title: "x" })),
        },
      },
      "invalid_input",
      /film\.scenes/,
    ));
  it("refuses duplicate scene ids, naming the second", () =>
    rejects(
      {
        film: {
          title: "T",
          year: 1965,
          scenes: [
            { id: "a", title: "x" },
            { id: "a", title: "y" },
          ],
        },
      },
      "invalid_input",
      /film\.scenes\.1\.id/,
    ));
  it("refuses an unknown pinned song", () =>
    rejects(one({ pinned: ["no-such-song"] }), "invalid_input", /film\.scenes\.0\.pinned\.0/));
  it("refuses a pinned song that is an anachronism for its scene", () => {
    rejects(one({ pinned: ["trava-u-doma"] }), "anachronism", /film\.scenes\.0\.pinned\.0/);
  });
  it("refuses unknown vocabulary in a scene", () =>
    rejects(one({ moods: ["groovy"] }), "unknown_term", /film\.scenes\.0\.moods\.0/));
});
