/**
 * The catalogue's promised coverage (issue: the curated catalogue). These fail when an edit drops
 * a seed singer or song, or thins a decade below what a period film needs.
 */
import { expect } from "chai";
import { readCatalogueData } from "../../src/catalogue/data-files.js";
import { personKey } from "../../src/catalogue/people.js";
import type { Song } from "../../src/domain/index.js";
import { DATA_DIR } from "../helpers/fixtures.js";

const { data } = readCatalogueData(DATA_DIR);
const songs: Song[] = data?.songs ?? [];
const byId = new Map(songs.map((s) => [s.id, s]));
const decade = (s: Song) => Math.floor(s.year / 10) * 10;
const count = (pred: (s: Song) => boolean) => songs.filter(pred).length;
const performs = (s: Song, name: string) =>
  s.recordings.some((r) => r.performers.some((p) => personKey(p) === personKey({ name })));

describe("catalogue coverage", () => {
  it("holds at least 200 real songs, each sourced", () => {
    expect(songs.length).to.be.at.least(200);
    for (const s of songs) {
      expect(s.sources.length, s.id).to.be.at.least(1);
      for (const r of s.recordings) expect(r.sources.length, r.id).to.be.at.least(1);
    }
  });

  it("has every singer the reviewer names, each with several songs", () => {
    for (const singer of [
      "Майя Кристалинская",
      "Анна Герман",
      "Владимир Трошин",
      "Юрий Гуляев",
      "Геннадий Белов",
    ]) {
      expect(
        count((s) => performs(s, singer)),
        singer,
      ).to.be.at.least(3);
    }
  });

  it("has the seed songs under their real titles", () => {
    const titles: Record<string, string> = {
      nezhnost: "Нежность",
      "tvoya-nezhnost": "Твоя нежность",
      "vsyo-vyshe": "Всё выше",
      "chetyrnadtsat-minut-do-starta": "Четырнадцать минут до старта",
      "znaete-kakim-on-parnem-byl": "Знаете, каким он парнем был",
      nadezhda: "Надежда",
      "trava-u-doma": "Трава у дома",
    };
    for (const [id, title] of Object.entries(titles))
      expect(byId.get(id)?.title, id).to.contain(title);
  });

  it("keeps «Подмосковные вечера» as one work with Troshin's original and Kenny Ball's cover", () => {
    const song = byId.get("podmoskovnye-vechera");
    expect(song?.recordings[0]?.year).to.equal(1956);
    expect(
      song?.recordings.some(
        (r) => r.performers.some((p) => /Kenny Ball/.test(p.name)) && r.year === 1961,
      ),
    ).to.equal(true);
  });

  it("covers every Soviet decade from the 1930s to the 1980s", () => {
    for (const d of [1930, 1940, 1950, 1960, 1970, 1980])
      expect(
        count((s) => s.country === "SU" && decade(s) === d),
        `SU ${d}s`,
      ).to.be.at.least(8);
  });

  it("covers Western songs of the 1940s–1970s from the US, Britain, France and Italy", () => {
    for (const d of [1940, 1950, 1960, 1970])
      expect(
        count((s) => s.country !== "SU" && decade(s) === d),
        `West ${d}s`,
      ).to.be.at.least(5);
    for (const c of ["US", "GB", "FR", "IT"])
      expect(
        count((s) => s.country === c),
        c,
      ).to.be.at.least(5);
  });

  it("gives a 1965 space film enough period-correct space songs", () => {
    const space = new Set([
      "space",
      "spaceflight",
      "launch",
      "spacewalk",
      "cosmonauts",
      "stars",
      "moon",
      "earth",
      "flight",
      "aviation",
      "sky",
    ]);
    const ok = songs.filter(
      (s) =>
        s.themes.some((t) => space.has(t)) &&
        s.recordings.some((r) => r.year !== undefined && r.year <= 1965),
    );
    expect(ok.length).to.be.at.least(15);
  });
});
