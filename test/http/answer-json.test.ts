import { expect } from "chai";
import type { Song } from "../../src/domain/index.js";
import { answerBody } from "../../src/http/answer-json.js";
import { suggest } from "../../src/services/suggest.js";
import { realCatalogue } from "../helpers/server.js";

describe("suggestion answer bodies", () => {
  const catalogue = realCatalogue();

  it("are exactly the JSON of the answer, in Russian and English, with or without extras", () => {
    const scenes = [
      { year: 1965, country: "SU", description: "Жёны космонавтов ждут мужей дома", lang: "ru" },
      { year: 1969, description: "the crew walks to the rocket at dawn, proud and hopeful" },
      { era: "1960s", themes: ["love"], limit: 30 },
    ];
    for (const scene of scenes) {
      const answer = suggest(catalogue, scene, { cache: false });
      expect(answer.suggestions.length).to.be.greaterThan(0);
      expect(answerBody(answer).toString("utf8")).to.equal(JSON.stringify(answer));
      // Shapes the streaming route adds, and keys left undefined, come out as JSON has them.
      const extended = {
        ...answer,
        suggestions: answer.suggestions.map((s) => ({
          ...s,
          streaming: { spotify: { status: "disabled", reason: "no credentials" } },
          note: undefined,
        })),
        resolution: { provider: "spotify", status: "disabled", resolved: 0 },
      };
      expect(answerBody(extended).toString("utf8")).to.equal(JSON.stringify(extended));
    }
  });

  it("write every number as JSON does, rounded thousandths or not", () => {
    const numbers = [0, 1, 0.5, 0.289, 0.001, 0.999, 0.1 + 0.2, -0.25, 1.5, 1e21, 12345, NaN];
    const answer = {
      suggestions: numbers.map((n) => ({
        score: n,
        reasons: [{ factor: "era", contribution: n, text: "t" }],
      })),
    };
    expect(answerBody(answer).toString("utf8")).to.equal(JSON.stringify(answer));
  });

  it("write unusual shapes as JSON does: other key orders, missing values, non-objects", () => {
    const answer = suggest(catalogue, { year: 1965, themes: ["waiting"] }, { cache: false });
    const [first, second] = answer.suggestions as [
      (typeof answer.suggestions)[0],
      (typeof answer.suggestions)[0],
    ];
    const odd = {
      suggestions: [
        { reasons: first.reasons, score: first.score, song: first.song },
        { ...second, listening: undefined, extra: [1, "two", null] },
        { ...first, reasons: [null, undefined, { text: "t", factor: "era" }, 3, "x"] },
        null,
        7,
      ],
      interpreted: answer.interpreted,
    };
    expect(answerBody(odd).toString("utf8")).to.equal(JSON.stringify(odd));
  });

  it("give the same body when an answer is served again, and many bodies stay intact", () => {
    const answers = Array.from({ length: 300 }, (_, i) =>
      suggest(catalogue, { year: 1950 + (i % 30), limit: 1 + (i % 40) }, { cache: false }),
    );
    const bodies = answers.map((a) => answerBody(a));
    // Bodies share larger blocks; none may have been written over by a later one.
    answers.forEach((a, i) => expect(bodies[i]!.toString("utf8")).to.equal(JSON.stringify(a)));
    const again = answerBody(answers[0]!);
    expect(again.toString("utf8")).to.equal(JSON.stringify(answers[0]));
    expect(answerBody(answers[0]!)).to.equal(again);
  });

  it("show a changed song, not the remembered text of the old one", () => {
    const answer = suggest(catalogue, { year: 1965, themes: ["waiting"] }, { cache: false });
    const first = answer.suggestions[0]!;
    answerBody(answer);
    // An edit replaces the song object; the new object's text is what must appear.
    const edited: Song = { ...first.song, notes: "Edited note" };
    const changed = { ...answer, suggestions: [{ ...first, song: edited }] };
    const body = JSON.parse(answerBody(changed).toString("utf8"));
    expect(body.suggestions[0].song.notes).to.equal("Edited note");
    expect(body.suggestions[0].song.id).to.equal(first.song.id);
  });
});
