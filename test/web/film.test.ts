/**
 * The web page in a real browser: planning a whole film (the showcase film, a pasted or uploaded
 * film JSON), editing scenes, pinning a song, swapping a pick for an alternate, and the downloads.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/config.js";
import { downloaded, focusOutline, shot, tabTo, webSuite } from "./browser.js";

const FILMS = path.join(PROJECT_ROOT, "data", "films");

async function openShowcase(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Время первых/ }).click();
  await page.locator("#film-plan .plan-scene").first().waitFor();
}

/** The song id of each scene's picks, in order. */
function pickedSongs(page: Page): Promise<string[]> {
  return page
    .locator("#film-plan .picks .suggestion")
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.song ?? ""));
}

describe("web page: plan a film", function () {
  const web = webSuite();

  it("lets a newcomer plan «Время первых» from the start page and download its cue sheet", async () => {
    const opened = await web.open();
    const { page } = opened;
    expect(await page.locator(".start").innerText()).to.include("Plan a film");
    await page.getByRole("link", { name: "Plan a film" }).click();
    await openShowcase(page);
    expect(await page.locator("#film-plan h3").innerText()).to.equal(
      "Soundtrack plan: Время первых",
    );
    const scenes = page.locator("#film-plan .plan-scene");
    expect(await scenes.count()).to.equal(12);
    expect(await scenes.first().locator("h4.scene-heading").innerText()).to.include(
      "1. Горящий двигатель",
    );
    const picks = await pickedSongs(page);
    expect(picks).to.have.length(12);
    expect(new Set(picks).size, "no song twice").to.equal(12);
    expect(await scenes.first().locator(".alternates li").count()).to.equal(3);
    expect(await page.locator("#film-status").innerText()).to.equal("Planned 12 scenes.");
    await page.locator("#film-plan").evaluate((el) => el.scrollIntoView());
    await shot(page, "film-plan", "film-plan");

    const { name, text } = await downloaded(page, () =>
      page.getByRole("button", { name: "Cue sheet (CSV)" }).click(),
    );
    expect(name).to.equal("vremya-pervykh-cue-sheet.csv");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).to.match(/^scene,scene_title,order,title,original_title,performers/);
    expect(lines).to.have.length(13);
    expect(lines[1]).to.include("Горящий двигатель");
    const firstTitle = await scenes.first().locator(".title-original").innerText();
    expect(lines[1]).to.include(firstTitle);
    expect(await page.locator("#film-download-status").innerText()).to.include(name);
  });

  it("downloads the same plan as M3U8, XSPF and JSON with meaningful file names", async () => {
    const opened = await web.open({ hash: "film" });
    const { page } = opened;
    await openShowcase(page);
    const picks = await pickedSongs(page);

    const m3u = await downloaded(page, () =>
      page.getByRole("button", { name: "Playlist (M3U8)" }).click(),
    );
    expect(m3u.name).to.equal("vremya-pervykh.m3u8");
    expect(m3u.text.replace(/^\uFEFF/, "")).to.match(/^#EXTM3U/);
    expect(m3u.text).to.include("Горящий двигатель");

    const xspf = await downloaded(page, () =>
      page.getByRole("button", { name: "Playlist (XSPF)" }).click(),
    );
    expect(xspf.name).to.equal("vremya-pervykh.xspf");
    expect(xspf.text).to.include("<playlist");
    expect(xspf.text).to.include("Время первых");

    const json = await downloaded(page, () =>
      page.getByRole("button", { name: "Plan (JSON)" }).click(),
    );
    expect(json.name).to.equal("vremya-pervykh-plan.json");
    const plan = JSON.parse(json.text);
    expect(plan.film.id).to.equal("vremya-pervykh");
    expect(plan.scenes).to.have.length(12);
    expect(plan.scenes.map((s: any) => s.picks[0].song.id)).to.deep.equal(picks);
  });

  it("swaps a pick for an alternate by pinning it and planning again", async () => {
    const opened = await web.open({ hash: "film" });
    const { page } = opened;
    await openShowcase(page);
    const scene = page.locator('#film-plan .plan-scene[data-scene="s01"]');
    const before = await scene.locator(".picks .suggestion").getAttribute("data-song");
    const alternate = scene.locator(".alternates li").first();
    const altId = await alternate.getAttribute("data-song");
    const altTitle = await alternate.locator(".alt-title").innerText();
    expect(altId).to.not.equal(before);

    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/v1/playlists")),
      alternate.getByRole("button", { name: "Use instead" }).click(),
    ]);
    expect(request.postDataJSON().film.scenes[0].pinned).to.deep.equal([altId]);
    await page.locator("#film-status", { hasText: "replaces" }).waitFor();
    expect(await page.locator("#film-status").innerText()).to.include(altTitle);
    const pick = scene.locator(".picks .suggestion");
    expect(await pick.getAttribute("data-song")).to.equal(altId);
    expect(await pick.locator(".badge").innerText()).to.equal("pinned");
    const picks = await pickedSongs(page);
    expect(new Set(picks).size, "still no song twice").to.equal(12);
    // the focus stays with the scene that changed
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest("[data-scene]")?.getAttribute("data-scene"),
      ),
    ).to.equal("s01");

    // the scene editor shows the pin, and it can be removed again
    await page.locator("#film-editor summary").click();
    const editor = page.locator('#film-scenes .scene-edit[data-scene="s01"]');
    expect(await editor.locator(".pins .chip").innerText()).to.include(altTitle);
  });

  it("edits a scene, pins a song found by a small search, and plans with both", async () => {
    const opened = await web.open({ hash: "film" });
    const { page } = opened;
    await openShowcase(page);
    await page.locator("#film-editor summary").click();
    const editor = page.locator('#film-scenes .scene-edit[data-scene="s02"]');
    await editor.getByLabel("Scene title").fill("Отряд космонавтов");
    await editor.getByLabel("Find a song to pin").fill("Нежность");
    await editor.getByLabel("Find a song to pin").press("Enter");
    await editor.locator('button[data-pin="nezhnost"]').click();
    expect(await editor.locator(".pins .chip").innerText()).to.include("Нежность");
    expect(await page.locator("#film-stale").isVisible()).to.equal(true);

    await page.getByRole("button", { name: "Plan the soundtrack" }).click();
    await page.locator("#film-plan h4.scene-heading", { hasText: "Отряд космонавтов" }).waitFor();
    const scene = page.locator('#film-plan .plan-scene[data-scene="s02"]');
    expect(await scene.locator(".picks .suggestion").getAttribute("data-song")).to.equal(
      "nezhnost",
    );
    expect(await scene.locator(".badge").innerText()).to.equal("pinned");
    expect(await page.locator("#film-stale").isVisible()).to.equal(false);

    // the downloaded cue sheet is the plan on screen
    const { text } = await downloaded(page, () =>
      page.getByRole("button", { name: "Cue sheet (CSV)" }).click(),
    );
    const row = text.split(/\r?\n/).find((l) => l.startsWith("s02,"));
    expect(row).to.include("Отряд космонавтов");
    expect(row).to.include("Нежность");
  });

  it("plans a pasted film JSON and an uploaded file, and says when the JSON is broken", async () => {
    const opened = await web.open({ hash: "film" });
    const { page } = opened;
    await page.getByText("Or use your own film (JSON)").click();
    await page.getByLabel("Paste a film JSON").fill("{ not json");
    await page.getByRole("button", { name: "Load this film" }).click();
    expect(await page.locator("#film-source-status").innerText()).to.include(
      "This is not valid JSON",
    );

    const film = {
      title: "Проводы",
      year: 1962,
      country: "SU",
      scenes: [
        { id: "a", title: "Вокзал", description: "Проводы на вокзале, грусть и надежда" },
        { id: "b", title: "Space", description: "The rocket launch, tense countdown" },
      ],
    };
    await page.getByLabel("Paste a film JSON").fill(JSON.stringify(film));
    await page.getByRole("button", { name: "Load this film" }).click();
    await page.locator("#film-plan h3", { hasText: "Проводы" }).waitFor();
    expect(await page.locator("#film-plan .plan-scene").count()).to.equal(2);

    await page.setInputFiles("#film-file", {
      name: "first-man.json",
      mimeType: "application/json",
      buffer: readFileSync(path.join(FILMS, "first-man.json")),
    });
    await page.locator("#film-plan h3", { hasText: "First Man" }).waitFor();
    expect(await page.locator("#film-plan .plan-scene").count()).to.equal(11);
    // a flashback-free film with per-scene years shows each scene's own year
    expect(
      await page.locator("#film-plan .plan-scene h4.scene-heading").first().innerText(),
    ).to.include("1961");

    // a film the API refuses: the reason, with the field, is shown
    await page
      .getByLabel("Paste a film JSON")
      .fill(
        JSON.stringify({ ...film, scenes: [{ id: "a", title: "X", pinned: ["no-such-song"] }] }),
      );
    await page.getByRole("button", { name: "Load this film" }).click();
    await page.locator("#film-status .error").waitFor();
    expect(await page.locator("#film-status .error").innerText()).to.include("no-such-song");
  });

  it("can be planned and downloaded by keyboard alone", async () => {
    const opened = await web.open({ hash: "film" });
    const { page } = opened;
    await tabTo(page, 'button[data-film="vremya-pervykh"]');
    expect(await focusOutline(page)).to.match(/^solid [1-9]/);
    await page.keyboard.press("Enter");
    await page.locator("#film-plan .plan-scene").first().waitFor();
    await tabTo(page, 'button[data-format="csv"]');
    const { name } = await downloaded(page, () => page.keyboard.press("Enter"));
    expect(name).to.equal("vremya-pervykh-cue-sheet.csv");
    // Space works on buttons too
    await tabTo(page, 'button[data-format="json"]');
    const json = await downloaded(page, () => page.keyboard.press("Space"));
    expect(json.name).to.equal("vremya-pervykh-plan.json");
  });

  it("reads well at phone width", async () => {
    const opened = await web.open({ hash: "film", width: 390, height: 844 });
    const { page } = opened;
    await openShowcase(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, "horizontal overflow in px").to.be.at.most(0);
    await shot(page, "phone-film-plan");
  });
});
