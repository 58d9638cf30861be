import { expect } from "chai";
import { SceneAnalyzer } from "../../src/analysis/scene-analyzer.js";
import { findPeriod } from "../../src/analysis/period-hints.js";
import { realVocabulary } from "../helpers/fixtures.js";

const analyzer = new SceneAnalyzer(realVocabulary());
const read = (description: string) => analyzer.analyze({ themes: [], moods: [], description });
const ids = (terms: { id: string }[]) => terms.map((t) => t.id);

describe("scene analysis", () => {
  it("reads the wives-waiting scene in Russian, with the words that matched", () => {
    const i = read("Жёны космонавтов ждут мужей дома, тревога и нежность");
    expect(ids(i.themes)).to.include.members(["waiting", "cosmonauts", "family", "home"]);
    expect(ids(i.moods)).to.include.members(["anxious", "tender"]);
    expect(i.themes.find((t) => t.id === "waiting")?.matched).to.deep.equal(["ждут"]);
    expect(i.language).to.equal("ru");
  });

  it("matches inflected Russian forms of the same word", () => {
    for (const text of ["они ждут", "надо ждать", "долгое ожидание", "она ждала его"]) {
      expect(ids(read(text).themes), text).to.include("waiting");
    }
    for (const text of ["космонавтов", "космонавты", "космонавту"]) {
      expect(ids(read(text).themes), text).to.include("cosmonauts");
    }
  });

  it("reads English descriptions", () => {
    const i = read("the crew walks to the rocket at dawn, proud and hopeful");
    expect(ids(i.themes)).to.include.members(["cosmonauts", "launch"]);
    expect(ids(i.moods)).to.include.members(["proud", "hopeful"]);
    expect(i.language).to.equal("en");
    expect(i.moods.find((m) => m.id === "hopeful")?.matched).to.include.members([
      "hopeful",
      "dawn",
    ]);
    expect(i.unmatched).to.deep.equal(["walks"]);
  });

  it("matches multi-word phrases only as a sequence", () => {
    expect(ids(read("Леонов выходит в открытый космос").themes)).to.include("spacewalk");
    expect(ids(read("открытый чемодан, а космос далеко").themes)).to.not.include("spacewalk");
  });

  it("does not confuse words that only share a short prefix", () => {
    // космонавт and космос share five letters; a cosmonaut is not the "space" theme by itself.
    expect(ids(read("космонавтов").themes)).to.not.include("space");
  });

  it("takes the story period from the request before the text", () => {
    expect(
      analyzer.analyze({ year: 1961, themes: [], moods: [], description: "в 1965 году" }).period,
    ).to.deep.equal({ from: 1961, to: 1961, source: "year" });
    expect(read("Москва, 1965 год").period).to.deep.equal({
      from: 1965,
      to: 1965,
      source: "description",
    });
  });

  it("keeps explicit themes and moods first and marks their source", () => {
    const i = analyzer.analyze({ themes: ["war"], moods: ["solemn"], description: "ждут" });
    expect(i.themes[0]).to.deep.equal({ id: "war", source: "request", matched: [] });
    expect(i.themes[1]).to.include({ id: "waiting", source: "description" });
    expect(i.moods[0]).to.deep.equal({ id: "solemn", source: "request", matched: [] });
  });
});

describe("period hints", () => {
  it("reads decades in Russian and English", () => {
    expect(findPeriod("в 1960-х годах")).to.deep.equal({ from: 1960, to: 1969 });
    expect(findPeriod("the 1960s space race")).to.deep.equal({ from: 1960, to: 1969 });
  });
  it("spans several years", () => {
    expect(findPeriod("between 1961 and 1969")).to.deep.equal({ from: 1961, to: 1969 });
  });
  it("ignores numbers that are not years", () => {
    expect(findPeriod("14 минут до старта, 3000 км")).to.equal(null);
  });
});
