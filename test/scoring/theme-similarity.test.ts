import { expect } from "chai";
import { ThemeSimilarity } from "../../src/scoring/theme-similarity.js";
import { realVocabulary } from "../helpers/fixtures.js";

describe("theme similarity", () => {
  const sim = new ThemeSimilarity(realVocabulary());
  it("ranks same > narrower > broader/related > sibling > unrelated", () => {
    expect(sim.between("space", "space")?.value).to.equal(1);
    expect(sim.between("space", "spacewalk")?.relation).to.equal("narrower");
    expect(sim.between("spacewalk", "space")?.relation).to.equal("broader");
    expect(sim.between("waiting", "longing")?.relation).to.equal("related");
    expect(sim.between("spacewalk", "launch")?.relation).to.equal("sibling");
    expect(sim.between("spacewalk", "sea")).to.equal(null);
  });
  it("expands a theme to itself and everything under it", () => {
    expect(sim.expand("space")).to.include.members(["space", "spacewalk", "launch", "cosmonauts"]);
    expect(sim.expand("space")).to.not.include("sea");
  });
});
