import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/main.js";
import { FakeSpotify, fakeId } from "../streaming/fake-spotify.js";

describe("soundtrack resolve (real client against a fake Spotify)", () => {
  let fake: FakeSpotify;
  let dir: string;
  const saved = { ...process.env };
  before(async () => {
    fake = await FakeSpotify.start({
      tracks: [
        {
          id: fakeId("CliNezhnost"),
          name: "Нежность",
          artists: ["Майя Кристалинская"],
          album: "Лучшее",
          releaseDate: "1999-01-01",
          durationMs: 190_000,
        },
      ],
    });
    dir = mkdtempSync(path.join(tmpdir(), "soundtrack-resolve-"));
    Object.assign(process.env, {
      SPOTIFY_CLIENT_ID: fake.clientId,
      SPOTIFY_CLIENT_SECRET: fake.clientSecret,
      SPOTIFY_API_URL: fake.url,
      SPOTIFY_ACCOUNTS_URL: fake.url,
      SPOTIFY_TIMEOUT_MS: "1000",
    });
  });
  after(async () => {
    for (const k of [
      "SPOTIFY_CLIENT_ID",
      "SPOTIFY_CLIENT_SECRET",
      "SPOTIFY_API_URL",
      "SPOTIFY_ACCOUNTS_URL",
      "SPOTIFY_TIMEOUT_MS",
    ]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("resolves the songs named and summarises what it found", async () => {
    const lines: string[] = [];
    const code = await runCli(
      ["--db", path.join(dir, "c.db"), "resolve", "nezhnost", "dva-berega", "--json"],
      (s) => lines.push(s),
    );
    expect(code).to.equal(0);
    const report = JSON.parse(lines.join("\n"));
    expect(report.results[0]).to.include({ songId: "nezhnost", status: "resolved" });
    expect(report.results[0].best.trackId).to.equal(fakeId("CliNezhnost"));
    expect(report.results[1]).to.include({ songId: "dva-berega", status: "unresolved" });
    expect(report.counts.unresolved).to.equal(1);
    expect((report.counts.resolved ?? 0) + (report.counts["low-confidence"] ?? 0)).to.equal(1);
    expect(fake.to("search").every((r) => Number(r.query.limit) <= 10)).to.equal(true);
  });

  it("asks for songs or --all", async () => {
    const lines: string[] = [];
    expect(
      await runCli(["--db", path.join(dir, "c.db"), "resolve"], (s) => lines.push(s)),
    ).to.equal(2);
    expect(lines.join("\n")).to.contain("--all");
  });
});
