import { expect } from "chai";
import { suggest } from "../../src/services/suggest.js";
import { realCatalogue } from "../helpers/server.js";

describe("suggest service answer cache", () => {
  const catalogue = realCatalogue();

  it("keeps an answer once a scene is asked again, and serves it from then on", () => {
    const scene = { year: 1963, description: "a quiet evening at home, tender", limit: 7 };
    const first = suggest(catalogue, scene);
    const second = suggest(catalogue, { ...scene });
    // One-off requests are not kept; the second sighting computes and keeps the answer.
    expect(second).to.not.equal(first);
    expect(second).to.deep.equal(first);
    expect(suggest(catalogue, { ...scene })).to.equal(second);
    // A different request is a different answer.
    expect(suggest(catalogue, { ...scene, limit: 6 }).suggestions).to.have.length(6);
  });
});
