import { expect } from "chai";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalogueData, readCatalogueData } from "../../src/catalogue/data-files.js";
import { DomainError } from "../../src/domain/index.js";
import { DATA_DIR } from "../helpers/fixtures.js";

/** A throwaway copy of data/ with one song replaced, to see what the loader says about it. */
function withSong(file: string, edit: (song: Record<string, any>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), "soundtrack-data-"));
  cpSync(DATA_DIR, dir, { recursive: true });
  const target = path.join(dir, "songs", file);
  const song = JSON.parse(readFileSync(target, "utf8"));
  edit(song);
  writeFileSync(target, JSON.stringify(song));
  return dir;
}

describe("catalogue files", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const problemsFor = (file: string, edit: (song: Record<string, any>) => void) => {
    const dir = withSong(file, edit);
    dirs.push(dir);
    return readCatalogueData(dir).problems;
  };

  it("loads the real catalogue without problems", () => {
    const { data, problems } = readCatalogueData(DATA_DIR);
    expect(problems).to.deep.equal([]);
    expect(data?.songs.length).to.be.greaterThan(100);
  });

  it("names the file, the song and the term when a term is not in the vocabulary", () => {
    const problems = problemsFor("nezhnost.json", (s) => s.moods.push("groovy"));
    expect(problems).to.have.length(1);
    expect(problems[0]?.file).to.match(/songs\/nezhnost\.json$/);
    expect(problems[0]?.songId).to.equal("nezhnost");
    expect(problems[0]?.problem).to.contain('unknown mood "groovy"');
  });

  it("refuses a song without a source", () => {
    const problems = problemsFor("nezhnost.json", (s) => (s.sources = []));
    expect(problems.map((p) => p.path)).to.include("sources");
  });

  it("refuses a year outside 1900–2030", () => {
    const problems = problemsFor("nezhnost.json", (s) => (s.year = 1850));
    expect(problems.find((p) => p.path === "year")?.problem).to.contain("1900");
  });

  it("refuses a duplicate song even when spelled in another script", () => {
    const dir = withSong("nezhnost.json", () => {});
    dirs.push(dir);
    const original = JSON.parse(readFileSync(path.join(dir, "songs", "nezhnost.json"), "utf8"));
    const copy = {
      ...original,
      id: "nezhnost-copy",
      title: "Nezhnost",
      recordings: original.recordings.map((r: any) => ({ ...r, id: `${r.id}-copy` })),
    };
    writeFileSync(path.join(dir, "songs", "nezhnost-copy.json"), JSON.stringify(copy));
    const dup = readCatalogueData(dir).problems;
    const found = dup.filter((p) => /duplicate of song/.test(p.problem));
    expect(found).to.have.length(1);
    expect([found[0]?.songId, found[0]?.problem]).to.satisfy(
      ([id, problem]: [string, string]) =>
        (id === "nezhnost" && problem.includes('"nezhnost-copy"')) ||
        (id === "nezhnost-copy" && problem.includes('"nezhnost"')),
    );
  });

  it("refuses a performer spelled two ways", () => {
    const problems = problemsFor("nezhnost.json", (s) => {
      s.recordings[0].performers[0].nameLatin = "Maja Kristalinskaja";
    });
    expect(problems.some((p) => /spelled two ways/.test(p.problem))).to.equal(true);
  });

  it("refuses malformed JSON with the file name, and loads nothing", () => {
    const dir = withSong("nezhnost.json", () => {});
    dirs.push(dir);
    writeFileSync(path.join(dir, "songs", "nezhnost.json"), "{ not json");
    expect(() => loadCatalogueData(dir))
      .to.throw(DomainError)
      .with.property("message")
      .that.matches(/nezhnost\.json.*cannot read JSON/);
  });
});
