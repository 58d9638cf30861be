import { expect } from "chai";
import { SongSearchSchema } from "../../src/domain/index.js";
import { realCatalogue } from "../helpers/server.js";

const search = (q: Record<string, string>) => realCatalogue().search(SongSearchSchema.parse(q));
const ids = (q: Record<string, string>) => search(q).items.map((s) => s.id);

describe("catalogue search", () => {
  it("finds the same songs for Kristalinskaya in any script or spelling", () => {
    const cyr = ids({ q: "Кристалинская", limit: "100" });
    expect(cyr).to.include("nezhnost");
    expect(ids({ q: "Kristalinskaya", limit: "100" })).to.have.members(cyr);
    expect(ids({ q: "kristalinskaja", limit: "100" })).to.have.members(cyr);
  });

  it("finds «Нежность» from a Latin spelling and survives a typo", () => {
    expect(ids({ q: "nezhnost" })[0]).to.equal("nezhnost");
    expect(ids({ q: "nezhnosst" })).to.include("nezhnost");
  });

  it("finds songs by composer and lyricist", () => {
    expect(ids({ q: "Pakhmutova", limit: "100" })).to.include("nezhnost");
    expect(ids({ q: "Добронравов", limit: "100" })).to.include("nezhnost");
  });

  it("filters by decade, country and theme (including narrower themes)", () => {
    const page = search({ decade: "1960s", country: "SU", theme: "space", limit: "100" });
    expect(page.total).to.be.greaterThan(3);
    for (const s of page.items) {
      expect(s.year).to.be.within(1960, 1969);
      expect(s.country).to.equal("SU");
    }
  });

  it("pages through results with a stable total", () => {
    const first = search({ limit: "5", offset: "0" });
    const second = search({ limit: "5", offset: "5" });
    expect(first.total).to.equal(second.total);
    expect(first.items.map((s) => s.id)).to.not.have.members(second.items.map((s) => s.id));
  });
});
