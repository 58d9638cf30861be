/**
 * The web page in a real browser: describing a scene, reading the ranked and explained
 * suggestions, correcting the interpretation and re-ranking, and the play/listen links.
 */
import { expect } from "chai";
import type { Page } from "playwright-core";
import { FakeSpotify, fakeId, type FakeTrack } from "../streaming/fake-spotify.js";
import { settingsFor } from "../streaming/fixtures.js";
import { shot, webSuite } from "./browser.js";

/** The one track the fake Spotify knows: the right recording of «Нежность» (made-up id). */
const NEZHNOST: FakeTrack = {
  id: fakeId("WebNezhnost"),
  name: "Нежность",
  artists: ["Майя Кристалинская"],
  album: "Майя Кристалинская. Лучшее",
  releaseDate: "2001-01-01",
  durationMs: 190_000,
};

const WIVES = "Жёны космонавтов ждут мужей дома, тревога и нежность";

async function describeScene(page: Page, description: string, year = "1965"): Promise<void> {
  await page.fill("#scene-year", year);
  await page.selectOption("#scene-country", "SU");
  await page.fill("#scene-description", description);
  await page.getByRole("button", { name: "Suggest songs" }).click();
  await page.locator("#scene-results .suggestion").first().waitFor();
}

describe("web page: describe a scene", function () {
  let spotify: FakeSpotify | null = null;
  // streaming resolution goes to a fake Spotify on 127.0.0.1, never the network
  const web = webSuite(async () => {
    spotify = await FakeSpotify.start({ tracks: [NEZHNOST] });
    return { streaming: settingsFor(spotify.url, { timeoutMs: 1000, retries: 0 }) };
  });
  after(async () => {
    await spotify?.close();
  });

  it("ranks period songs for a Russian description and explains each one", async () => {
    const opened = await web.open({ hash: "scene" });
    const { page } = opened;
    await describeScene(page, WIVES);
    const first = page.locator("#scene-results .suggestion").first();
    expect(await first.locator(".suggestion-title").innerText()).to.include("Нежность");
    expect(await first.locator(".recording").innerText()).to.include("Майя Кристалинская");
    expect(await first.locator(".score-value").innerText()).to.match(/^0\.\d\d$/);
    const reasons = await first.locator(".reasons li").allInnerTexts();
    expect(reasons.join("\n")).to.include("recorded 1965, the story year");
    expect(reasons.some((r) => r.startsWith("era"))).to.equal(true);
    expect(await page.locator("#scene-results h3").innerText()).to.equal("10 suggestions");

    // the interpretation, with the words that produced each term
    const interp = page.locator("#scene-interpretation");
    expect(await interp.innerText()).to.include("1965 (from the year)");
    expect(await interp.innerText()).to.include("Russian");
    const waiting = interp.locator('.chip[data-id="waiting"]');
    expect(await waiting.innerText()).to.include("ждут");
    expect(await interp.locator('.chip[data-id="cosmonauts"]').count()).to.equal(1);
    expect(await interp.locator('.chip[data-id="anxious"]').count()).to.equal(1);
    await page.locator("#view-scene .scene-split").evaluate((el) => el.scrollIntoView());
    await shot(page, "scene-suggestions", "scene-suggestions");
  });

  it("lets a person remove a detected theme, add a mood and re-rank with exactly those", async () => {
    const opened = await web.open({ hash: "scene" });
    const { page } = opened;
    await describeScene(page, WIVES);
    const interp = page.locator("#scene-interpretation");
    await interp.getByRole("button", { name: "Remove family" }).click();
    await interp.getByRole("combobox", { name: "Mood to add" }).selectOption("hopeful");
    await interp.locator('.picker[data-kind="mood"]').getByRole("button", { name: "Add" }).click();
    expect(await interp.locator('.chip[data-id="family"]').count()).to.equal(0);
    expect(await interp.locator('.chip[data-id="hopeful"]').count()).to.equal(1);

    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/v1/suggestions") && r.method() === "POST"),
      interp.getByRole("button", { name: "Re-rank with these themes and moods" }).click(),
    ]);
    const body = request.postDataJSON();
    expect(body.description, "the text no longer adds terms").to.equal(undefined);
    expect(body.year).to.equal(1965);
    expect(body.country).to.equal("SU");
    expect(body.themes).to.not.include("family");
    expect(body.themes).to.include.members(["cosmonauts", "waiting", "home"]);
    expect(body.moods).to.include.members(["anxious", "tender", "hopeful"]);

    await page.locator("#scene-interpretation .note", { hasText: "corrected" }).waitFor();
    expect(await interp.locator('.chip[data-id="family"]').count()).to.equal(0);
    expect(await interp.locator('.chip[data-id="hopeful"]').count()).to.equal(1);
    const answer = await web.rig.server.req("POST", "/v1/suggestions", { body, key: null });
    const titles = await page.locator("#scene-results .title-original").allInnerTexts();
    expect(titles).to.deep.equal(answer.json.suggestions.map((s: any) => s.song.title));
  });

  it("sends a period read from the text explicitly when re-ranking", async () => {
    const opened = await web.open({ hash: "scene" });
    const { page } = opened;
    await page.fill("#scene-description", "Проводы на вокзале в 1961 году, грусть");
    await page.getByRole("button", { name: "Suggest songs" }).click();
    await page.locator("#scene-results .suggestion").first().waitFor();
    expect(await page.locator("#scene-interpretation").innerText()).to.include(
      "1961 (read from the text)",
    );
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/v1/suggestions")),
      page.getByRole("button", { name: "Re-rank with these themes and moods" }).click(),
    ]);
    expect(request.postDataJSON().year).to.equal(1961);
    await page.locator("#scene-interpretation .note").waitFor();
    expect(await page.locator("#scene-interpretation").innerText()).to.include(
      "1961 (from the year)",
    );
  });

  it("adds a play link where the service resolved the song, next to the listening searches", async () => {
    const opened = await web.open({ hash: "scene" });
    const { page } = opened;
    const resolving = page.waitForRequest((r) =>
      r.url().endsWith("/v1/suggestions?resolve=spotify"),
    );
    await describeScene(page, WIVES);
    await resolving;
    const first = page.locator("#scene-results .suggestion").nth(0);
    expect(await first.getAttribute("data-song")).to.equal("nezhnost");
    const play = first.getByRole("link", { name: "▶ Play on Spotify" });
    await play.waitFor();
    expect(await play.getAttribute("href")).to.equal(
      `https://open.spotify.com/track/${NEZHNOST.id}`,
    );
    expect(await play.getAttribute("target")).to.equal("_blank");
    const youtube = first.getByRole("link", { name: "Search on YouTube" });
    expect(await youtube.getAttribute("href")).to.match(
      /^https:\/\/www\.youtube\.com\/results\?search_query=/,
    );
    expect(await first.getByRole("link", { name: "Search on Yandex Music" }).count()).to.equal(1);
    // songs the fake Spotify does not have stay unresolved: no play link, never a wrong track
    const plays = await page.locator("#scene-results .play").count();
    expect(plays).to.equal(1);
    expect(
      await page.locator("#scene-results .suggestion").nth(1).locator(".listen-links a").count(),
    ).to.equal(2);

    await first.getByRole("button", { name: "Song details" }).click();
    await page.locator("#song-detail h3", { hasText: "Нежность" }).waitFor();
    expect(new URL(page.url()).hash).to.equal("#search");
    expect(await page.locator("#view-search").isVisible()).to.equal(true);
  });

  it("shows the API's refusal next to the form", async () => {
    const opened = await web.open({ hash: "scene" });
    const { page } = opened;
    await page.fill("#scene-year", "1700");
    await page.getByRole("button", { name: "Suggest songs" }).click();
    const error = page.locator("#scene-status .error");
    await error.waitFor();
    expect(await error.innerText()).to.include("Some values are not valid.");
    expect(await error.innerText()).to.include("year: must be 1800 or later");
  });
});
