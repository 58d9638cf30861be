import { expect } from "chai";
import { Memo } from "../../src/domain/memo.js";

describe("memo", () => {
  it("makes each value once, and again only after forgetting everything at its limit", () => {
    const made: string[] = [];
    const make = (key: string) => {
      made.push(key);
      return key.toUpperCase();
    };
    const memo = new Memo<string, string>(3);
    expect(["a", "b", "a", "c", "b"].map((k) => memo.get(k, make))).to.deep.equal([
      "A",
      "B",
      "A",
      "C",
      "B",
    ]);
    expect(made).to.deep.equal(["a", "b", "c"]);
    memo.get("d", make); // a fourth key: the three held are forgotten
    memo.get("a", make);
    memo.get("d", make);
    expect(made).to.deep.equal(["a", "b", "c", "d", "a"]);
  });
});
