import { expect } from "chai";
import { TextIndex } from "../../src/catalogue/text-index.js";

describe("text relevance index", () => {
  const index = () => {
    const t = new TextIndex();
    t.upsert("a", "Нежность", "ожидание лётчика, звёзды и земля");
    t.upsert("b", "Rocket song", "a rocket launch at dawn");
    t.upsert("c", "Night", "a quiet night in the taiga");
    t.upsert("d", "Sea", "waves and a sailor");
    t.upsert("e", "Road", "a long road home");
    return t;
  };

  it("ranks by stemmed matches, best = 1, and says which words matched", () => {
    const r = index().relevance("the rockets launched into the night");
    expect(r.ids()).to.have.members(["b", "c"]);
    expect(r.get("b")).to.deep.equal({ value: 1, terms: ["rockets", "launched"] });
    expect(r.get("c")!.value).to.be.within(0, 1);
    expect(index().relevance("ждать звёзд").get("a")?.terms).to.deep.equal(["звезд"]); // ё is folded to е
  });

  it("forgets removed songs and reuses their slot", () => {
    const t = index();
    t.remove("b");
    expect(t.relevance("rocket launch").size).to.equal(0);
    t.upsert("f", "Another rocket", "rocket");
    expect(t.relevance("rocket").ids()).to.deep.equal(["f"]);
    t.upsert("f", "Renamed", "no match here");
    expect(t.relevance("rocket").size).to.equal(0);
  });

  it("ignores words found in more than a quarter of the songs", () => {
    const t = index();
    t.upsert("g", "Home", "home again");
    // "home" is now in 2 of 6 songs (> 25%): it cannot tell songs apart.
    expect(t.relevance("home").size).to.equal(0);
  });

  it("reads each description's own matches when another was asked in between", () => {
    const t = index();
    const rocket = t.relevance("rocket launch");
    const night = t.relevance("quiet night");
    const read = (m: typeof rocket) => {
      const out: string[] = [];
      for (let c = 0, n = m.load(); c < n; c++) out.push(`${t.idAt(m.slotAt(c))}:${m.valueAt(c)}`);
      return out;
    };
    expect(read(rocket)).to.deep.equal(["b:1"]);
    expect(read(night)).to.deep.equal(["c:1"]);
    expect(read(rocket)).to.deep.equal(["b:1"]);
    // After an edit the old arrays are not reused (the values themselves are only valid until
    // the index changes, so only who matches is checked).
    t.upsert("f", "Rocket", "rocket launch");
    expect(read(rocket).map((x) => x.split(":")[0])).to.have.members(["b", "f"]);
  });
});
