import { expect } from "chai";
import { stem } from "../../src/analysis/stemmer.js";
import { wordsOf } from "../../src/analysis/words.js";

describe("wordsOf", () => {
  it("gives each word of a description with its stem and what kind of word it is", () => {
    const words = wordsOf("Жёны ждут мужей в 1965, the crew waits");
    expect(words.map((w) => w.text)).to.deep.equal([
      "жены",
      "ждут",
      "мужей",
      "в",
      "1965",
      "the",
      "crew",
      "waits",
    ]);
    const byText = new Map(words.map((w) => [w.text, w]));
    expect(byText.get("ждут")).to.include({ stem: stem("ждут"), cyrillic: true, stopword: false });
    expect(byText.get("в")).to.include({ stopword: true, cyrillic: true });
    expect(byText.get("the")).to.include({ stopword: true, cyrillic: false });
    expect(byText.get("1965")).to.include({ number: true, hasDigit: true, hasLetter: false });
    expect(byText.get("waits")).to.include({ stem: stem("waits"), hasLetter: true, number: false });
  });

  it("answers the same for a word seen in another description", () => {
    const first = wordsOf("tender waiting").find((w) => w.text === "waiting");
    const again = wordsOf("waiting at home").find((w) => w.text === "waiting");
    expect(again).to.deep.equal(first);
    expect(wordsOf("")).to.deep.equal([]);
  });
});
