import { expect } from "chai";
import { sortSmall } from "../../src/scoring/small-sort.js";

describe("sortSmall", () => {
  it("orders short and long lists like the built-in stable sort", () => {
    for (const length of [0, 1, 2, 5, 32, 33, 200]) {
      const items = Array.from({ length }, (_, i) => ({ key: (i * 7919) % 5, at: i }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(sortSmall([...items], byKey)).to.deep.equal([...items].sort(byKey));
    }
  });
});
