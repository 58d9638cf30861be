import { expect } from "chai";
import { PerSongMemo } from "../../src/scoring/per-song-memo.js";

describe("per-song memo", () => {
  it("keeps a value per key and song, and forgets everything past its bound of keys", () => {
    const memo = new PerSongMemo<string>();
    const a = { id: "a" };
    const b = { id: "b" };
    expect(memo.find("love", a)).to.equal(undefined);
    expect(memo.keep("love", a, "a/love")).to.equal("a/love");
    expect(memo.find("love", a)).to.equal("a/love");
    expect(memo.find("love", b)).to.equal(undefined);
    memo.keep("love", b, "b/love");
    memo.keep("war", a, "a/war");
    expect(memo.find("love", b)).to.equal("b/love");
    expect(memo.find("war", a)).to.equal("a/war");
    expect(memo.find("war", b)).to.equal(undefined);
    for (let k = 0; k < 1000; k++) memo.keep(`key ${k}`, a, `a/${k}`);
    expect(memo.find("love", a)).to.equal(undefined);
  });
});
