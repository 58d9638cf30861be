import { expect } from "chai";
import { PerSongMemo } from "../../src/scoring/per-song-memo.js";

describe("per-song memo", () => {
  it("makes a value once per key and song, and again only after forgetting", () => {
    const memo = new PerSongMemo<string>();
    const a = { id: "a" };
    const b = { id: "b" };
    let made = 0;
    const make = (text: string) => () => {
      made++;
      return text;
    };
    expect(memo.get("love", a, make("a/love"))).to.equal("a/love");
    expect(memo.get("love", a, make("wrong"))).to.equal("a/love");
    expect(memo.get("love", b, make("b/love"))).to.equal("b/love");
    expect(memo.get("war", a, make("a/war"))).to.equal("a/war");
    expect(made).to.equal(3);
    // Past its bound of keys it forgets everything, and makes values anew (still right).
    for (let k = 0; k < 1000; k++) memo.get(`key ${k}`, a, make(`a/${k}`));
    expect(memo.get("love", a, make("a/love again"))).to.equal("a/love again");
  });
});
