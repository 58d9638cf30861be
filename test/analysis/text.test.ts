import { expect } from "chai";
import { fold, latinKey, tokenize } from "../../src/analysis/text.js";

describe("text normalisation", () => {
  it("gives one Latin key to Cyrillic and the usual transliterations", () => {
    const key = latinKey("Кристалинская");
    expect(latinKey("Kristalinskaya")).to.equal(key);
    expect(latinKey("kristalinskaja")).to.equal(key);
    expect(latinKey("Майя")).to.equal(latinKey("Maya"));
    expect(latinKey("Нежность")).to.equal(latinKey("Nezhnost'"));
    expect(latinKey("Гуляев")).to.equal(latinKey("Guliaev"));
  });
  it("folds ё to е and case", () => {
    expect(fold("Всё ВЫШЕ")).to.equal("все выше");
  });
  it("tokenises Cyrillic and Latin words, keeping hyphenated words whole", () => {
    expect(tokenize("Лётчик-испытатель, the test-pilot!")).to.deep.equal([
      "летчик-испытатель",
      "the",
      "test-pilot",
    ]);
  });
});
