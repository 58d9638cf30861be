/**
 * The web page in a real browser: catalogue search (either script, filters, a song's full record),
 * the language switch, keyboard-only use and a phone-width layout.
 */
import { expect } from "chai";
import type { Page } from "playwright-core";
import { focusOutline, shot, tabTo, webSuite } from "./browser.js";

async function search(page: Page, text: string): Promise<string[]> {
  await page.fill("#search-q", text);
  await page.press("#search-q", "Enter");
  await page.locator("#search-status", { hasText: /found|Найден/ }).waitFor();
  return page.locator("#search-results .result-title").allTextContents();
}

describe("web page: search, language, keyboard", function () {
  const web = webSuite();

  it("finds the same songs for «Кристалинская» and “Kristalinskaya” and shows a song's whole record", async () => {
    const opened = await web.open({ hash: "search" });
    const { page } = opened;
    const cyrillic = await search(page, "Кристалинская");
    expect(cyrillic).to.include("Нежность");
    const latin = await search(page, "Kristalinskaya");
    expect(latin).to.deep.equal(cyrillic);

    await page.getByRole("button", { name: /^Нежность/ }).click();
    const detail = page.locator("#song-detail");
    await detail.locator("h3", { hasText: "Нежность" }).waitFor();
    const text = await detail.innerText();
    for (const fact of [
      "Nezhnost", // Latin title
      "Tenderness", // English title
      "Александра Пахмутова (Aleksandra Pakhmutova)", // composer
      "Николай Добронравов", // lyricist
      "1965",
      "USSR",
      "Russian",
      "waiting", // a theme, by its English label
      "tender", // a mood
      "Майя Кристалинская (Maya Kristalinskaya)", // a recording's performer
      "best known",
      "Gagarin", // the notes
    ])
      expect(text, fact).to.include(fact);
    const sources = await detail
      .locator(".sources a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(sources.length).to.be.greaterThan(0);
    for (const href of sources) expect(href).to.match(/^https?:\/\//);
    expect(await detail.locator(".sources a").first().getAttribute("target")).to.equal("_blank");
    await shot(page, "search-song");
  });

  it("filters by decade, country, theme and mood exactly as the API does", async () => {
    const opened = await web.open({ hash: "search" });
    const { page } = opened;
    await page.selectOption("#search-decade", "1960s");
    await page.selectOption("#search-country", "SU");
    await page.selectOption("#search-theme", "space");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.locator("#search-status", { hasText: "found" }).waitFor();
    const api = await web.rig.server.req("GET", "/v1/songs?decade=1960s&country=SU&theme=space", {
      key: null,
    });
    expect(await page.locator("#search-status").innerText()).to.include(
      `${api.json.total} songs found`,
    );
    const metas = await page.locator("#search-results .result-meta").allTextContents();
    expect(metas.length).to.equal(Math.min(api.json.total, 20));
    for (const m of metas) {
      expect(m).to.match(/^196\d · USSR/);
    }

    await page.selectOption("#search-mood", "hopeful");
    await page.press("#search-q", "Enter");
    await page.locator("#search-status", { hasText: "found" }).waitFor();
    const withMood = await web.rig.server.req(
      "GET",
      "/v1/songs?decade=1960s&country=SU&theme=space&mood=hopeful",
      { key: null },
    );
    const titles = await page.locator("#search-results .result-title").allTextContents();
    expect(titles).to.deep.equal(withMood.json.items.map((s: any) => s.title));
  });

  it("can be used by keyboard alone, with a visible focus: search, open a song, go to its editor", async () => {
    const opened = await web.open();
    const { page } = opened;
    await tabTo(page, "#search-q");
    expect(await focusOutline(page)).to.match(/^solid [1-9]/);
    await page.keyboard.type("Нежность");
    await page.keyboard.press("Enter");
    await page.locator("#search-status", { hasText: "found" }).waitFor();
    await tabTo(page, '.result-open[data-song="nezhnost"]');
    expect(await focusOutline(page)).to.match(/^solid [1-9]/);
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => document.activeElement?.matches("#song-detail h3") === true,
      undefined,
      { timeout: 5000 },
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal("Нежность");
    await tabTo(page, "#song-detail .actions button");
    await page.keyboard.press("Enter");
    await page.locator("#song-fields h3", { hasText: "Editing “Нежность”" }).waitFor();
    expect(new URL(page.url()).hash).to.equal("#edit");
  });

  it("follows the browser's language, switches between Russian and English, and remembers the choice", async () => {
    const opened = await web.open({ locale: "ru-RU", hash: "search" });
    const { page } = opened;
    expect(await page.locator("html").getAttribute("lang")).to.equal("ru");
    expect(await page.locator("nav.tabs").innerText()).to.include("Описать сцену");
    expect(await page.locator("h1").innerText()).to.include("Саундтрек");
    await search(page, "Кристалинская");
    expect(await page.locator("#search-status").innerText()).to.match(/^Найдено \d+ песен/);
    expect(await page.locator("#search-theme option").nth(0).innerText()).to.equal("любая тема");
    await shot(page, "search-ru");

    await page.getByRole("button", { name: "English" }).click();
    expect(await page.locator("html").getAttribute("lang")).to.equal("en");
    expect(await page.locator("nav.tabs").innerText()).to.include("Describe a scene");
    // what is already on the page follows too, and what was typed stays
    expect(await page.locator("#search-status").innerText()).to.match(/^\d+ songs found/);
    expect(await page.locator("#search-theme option").nth(0).innerText()).to.equal("any theme");
    expect(await page.inputValue("#search-q")).to.equal("Кристалинская");
    expect(
      await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed"),
    ).to.equal("true");

    await page.reload();
    await page.waitForSelector("body[data-ready]");
    expect(await page.locator("nav.tabs").innerText()).to.include("Describe a scene");
    await page.getByRole("button", { name: "Русский" }).click();
    expect(await page.locator("nav.tabs").innerText()).to.include("План фильма");
  });

  it("reads well at phone width (no sideways scrolling)", async () => {
    const opened = await web.open({ hash: "search", width: 390, height: 844 });
    const { page } = opened;
    await search(page, "Гагарин");
    await page.locator("#search-results .result-open").first().click();
    await page.locator("#song-detail h3").waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, "horizontal overflow in px").to.be.at.most(0);
    await shot(page, "phone-search");

    await page.getByRole("link", { name: "Edit the catalogue" }).click();
    await page.getByRole("button", { name: "New song" }).click();
    await page.locator("#song-fields h3").waitFor();
    const formOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(formOverflow, "horizontal overflow of the song form in px").to.be.at.most(0);
    await shot(page, "phone-edit");
  });
});
