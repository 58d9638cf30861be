import { expect } from "chai";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { runCli } from "../../src/cli/main.js";
import { PROJECT_ROOT } from "../../src/config.js";
import { DATA_DIR } from "../helpers/fixtures.js";

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(["--data", DATA_DIR, ...args], (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

describe("soundtrack CLI", () => {
  it("suggests for a Russian scene with a readable, explained table", async () => {
    const { code, out } = await run(
      "suggest",
      "--year",
      "1965",
      "--country",
      "SU",
      "Жёны",
      "ждут",
      "возвращения",
      "мужей",
    );
    expect(code).to.equal(0);
    expect(out).to.contain("Understood: period 1965");
    expect(out).to.match(/ 1\. \d\.\d{3} /);
    expect(out).to.contain("recorded 19");
  });

  it("prints JSON with --json", async () => {
    const { code, out } = await run(
      "suggest",
      "--year",
      "1965",
      "--theme",
      "space",
      "--limit",
      "3",
      "--json",
    );
    expect(code).to.equal(0);
    const parsed = JSON.parse(out);
    expect(parsed.suggestions).to.have.length(3);
  });

  it("searches by performer in Latin script", async () => {
    const { code, out } = await run("search", "Kristalinskaya");
    expect(code).to.equal(0);
    expect(out).to.contain("Нежность");
  });

  it("reports bad arguments with the field and exit code 2", async () => {
    const { code, out } = await run("suggest", "--year", "nineteen", "test");
    expect(code).to.equal(2);
    expect(out).to.contain("year");
    const term = await run("suggest", "--theme", "disco");
    expect(term.code).to.equal(2);
    expect(term.out).to.contain('unknown theme "disco"');
  });

  it("validates data/ and fails precisely on a broken copy", async () => {
    const ok = await run("validate");
    expect(ok.code).to.equal(0);
    expect(ok.out).to.match(/^OK: \d+ songs/);
    const dir = mkdtempSync(path.join(tmpdir(), "soundtrack-cli-"));
    try {
      cpSync(DATA_DIR, dir, { recursive: true });
      writeFileSync(
        path.join(dir, "songs", "broken.json"),
        JSON.stringify({ id: "broken", title: "X" }),
      );
      const lines: string[] = [];
      const code = await runCli(["--data", dir, "validate"], (s) => lines.push(s));
      expect(code).to.equal(1);
      expect(lines.join("\n")).to.match(/broken\.json · song "broken" · sources: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs as a real process through the bin launcher", () => {
    const res = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "bin", "soundtrack.js"), "search", "nezhnost", "--json"],
      { encoding: "utf8" },
    );
    expect(res.status).to.equal(0);
    expect(JSON.parse(res.stdout).items[0].id).to.equal("nezhnost");
  });
});

describe("soundtrack plan", () => {
  it("prints a readable table by default and a CSV cue sheet with --format csv", async () => {
    const file = path.join(DATA_DIR, "films", "vremya-pervykh.json");
    const table = await run("plan", file);
    expect(table.code).to.equal(0);
    expect(table.out).to.contain("Время первых");
    expect(table.out).to.contain("Нежность");
    const csv = await run("plan", file, "--format", "csv");
    expect(csv.code).to.equal(0);
    expect(csv.out.split("\r\n")[0]).to.match(
      /^\uFEFFscene,scene_title,order,title,original_title/,
    );
  });

  it("reports a missing film file and an unknown format", async () => {
    expect((await run("plan", "/nonexistent/film.json")).code).to.equal(2);
    const bad = await run(
      "plan",
      path.join(DATA_DIR, "films", "first-man.json"),
      "--format",
      "docx",
    );
    expect(bad.code).to.equal(2);
    expect(bad.out).to.contain("format");
  });
});

describe("soundtrack plan, every showcase film in every format", () => {
  for (const film of ["vremya-pervykh", "first-man"]) {
    for (const format of ["json", "csv", "m3u8", "xspf"]) {
      it(`${film} as ${format}`, async () => {
        const { code, out } = await run(
          "plan",
          path.join(DATA_DIR, "films", `${film}.json`),
          "--format",
          format,
        );
        expect(code).to.equal(0);
        if (format === "json") expect(JSON.parse(out).tracks.length).to.be.greaterThan(5);
        if (format === "csv") expect(out.split("\r\n").filter(Boolean).length).to.be.greaterThan(6);
        if (format === "m3u8") expect(out.startsWith("#EXTM3U")).to.equal(true);
        if (format === "xspf")
          expect(out).to.contain('<playlist version="1" xmlns="http://xspf.org/ns/0/">');
      });
    }
  }
});
