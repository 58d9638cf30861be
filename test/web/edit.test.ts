/**
 * The web page in a real browser: editing the catalogue with an editor key — the song form with
 * vocabulary pickers, the API's validation details on the fields, the duplicate warning, the
 * history with field-level diffs, and the way out of a 412 conflict (re-apply or discard).
 */
import { expect } from "chai";
import type { Locator, Page } from "playwright-core";
import { shot, useEditorKey, webSuite } from "./browser.js";

/** A field of the song form by its API path. */
function field(page: Page, apiPath: string): Locator {
  return page.locator(`#song-form [data-path="${apiPath}"]`).first();
}

function control(page: Page, apiPath: string): Locator {
  return field(page, apiPath).locator("input, textarea").first();
}

async function pick(page: Page, apiPath: "themes" | "moods", id: string): Promise<void> {
  const picker = field(page, apiPath);
  await picker.locator("select").selectOption(id);
  await picker.getByRole("button", { name: "Add" }).click();
}

async function openForEditing(page: Page, id: string): Promise<void> {
  await page.fill("#edit-id", id);
  await page.press("#edit-id", "Enter");
  await page.locator("#song-fields h3", { hasText: "Editing" }).waitFor();
}

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

describe("web page: edit the catalogue", function () {
  const web = webSuite();

  it("says a key is needed when saving without one, and keeps the key for the tab only", async () => {
    const opened = await web.open({ hash: "edit" });
    const { page } = opened;
    expect(await page.locator("#key-status").innerText()).to.include("No key set");
    await openForEditing(page, "nezhnost");
    await control(page, "notes").fill("Changed without a key");
    await save(page);
    await page.locator("#edit-messages .error").waitFor();
    expect(await page.locator("#edit-messages").innerText()).to.include("A valid key is needed.");
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal("editor-key");
    expect((await web.rig.server.req("GET", "/v1/songs/nezhnost")).etag).to.equal('"v1"');

    await useEditorKey(page);
    expect(await page.evaluate(() => sessionStorage.getItem("soundtrack.editorKey"))).to.not.equal(
      null,
    );
    expect(await page.evaluate(() => localStorage.getItem("soundtrack.editorKey"))).to.equal(null);
    await page.getByRole("button", { name: "Forget the key" }).click();
    expect(await page.evaluate(() => sessionStorage.getItem("soundtrack.editorKey"))).to.equal(
      null,
    );
  });

  it("adds a song through the form, themes and moods from the vocabulary, and shows its history", async () => {
    const opened = await web.open({ hash: "edit" });
    const { page } = opened;
    await useEditorKey(page);
    await page.getByRole("button", { name: "New song" }).click();
    await control(page, "title").fill("Тестовая песня");
    await control(page, "titleLatin").fill("Testovaya pesnya");
    await control(page, "titleEnglish").fill("Test Song");
    await control(page, "year").fill("1964");
    await control(page, "country").fill("SU");
    await control(page, "language").fill("ru");
    await control(page, "composers.0.name").fill("Тест Композиторов");
    await control(page, "composers.0.nameLatin").fill("Test Kompozitorov");
    // the theme and mood lists are the vocabulary's, not free text
    const themeOptions = await field(page, "themes").locator("option").count();
    const vocab = await web.rig.server.req("GET", "/v1/vocabulary", { key: null });
    expect(themeOptions).to.equal(vocab.json.themes.length + 1);
    await pick(page, "themes", "waiting");
    await pick(page, "moods", "tender");
    await control(page, "notes").fill("A fictional entry made by the web test.");
    await control(page, "sources").fill("https://example.org/test");
    await control(page, "recordings.0.id").fill("testovaya-pesnya-1964");
    await control(page, "recordings.0.year").fill("1964");
    await control(page, "recordings.0.performers.0.name").fill("Тестовый Певец");
    await control(page, "recordings.0.performers.0.nameLatin").fill("Testovy Pevets");
    await control(page, "recordings.0.sources").fill("https://example.org/test");
    await page.fill("#edit-comment", "added from the web page");
    await save(page);
    await page.locator("#edit-status .success").waitFor();
    expect(await page.locator("#edit-status").innerText()).to.equal(
      "Added “Тестовая песня” (version 1).",
    );

    const stored = await web.rig.server.req("GET", "/v1/songs/testovaya-pesnya", { key: null });
    expect(stored.status).to.equal(200);
    expect(stored.json.themes).to.deep.equal(["waiting"]);
    expect(stored.json.moods).to.deep.equal(["tender"]);
    expect(stored.json.recordings[0].performers[0]).to.deep.equal({
      name: "Тестовый Певец",
      nameLatin: "Testovy Pevets",
    });

    await page.getByRole("button", { name: "Show history" }).click();
    const entry = page.locator("#edit-history .history-entry").first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).to.include("Version 1");
    expect(text).to.include("created");
    expect(text).to.include("by eddie (editor)");
    expect(text).to.include("added from the web page");
  });

  it("shows the API's validation details next to the fields they name", async () => {
    const opened = await web.open({ hash: "edit" });
    const { page } = opened;
    await useEditorKey(page);
    await page.getByRole("button", { name: "New song" }).click();
    await control(page, "titleLatin").fill("Broken song");
    await control(page, "year").fill("1800");
    await control(page, "country").fill("SU");
    await control(page, "language").fill("ru");
    await control(page, "sources").fill("https://example.org/ok\nnot a url");
    await control(page, "recordings.0.id").fill("broken-song-rec");
    await control(page, "recordings.0.sources").fill("https://example.org/test");
    await save(page);
    const summary = page.locator("#edit-messages .error-summary");
    await summary.waitFor();
    expect(await summary.locator("h3").innerText()).to.match(/^Not saved: \d+ problems to fix$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).to.equal("H3");

    const errorOf = (p: string) => field(page, p).locator(":scope > .field-error").innerText();
    expect(await errorOf("title")).to.match(/>=1 characters/);
    expect(await errorOf("year")).to.equal("must be 1900 or later");
    expect(await errorOf("sources")).to.equal("line 2: must be an http(s) URL");
    expect(await errorOf("themes")).to.equal("needs at least one theme");
    expect(await errorOf("recordings.0.performers")).to.equal("needs at least one performer");
    expect(await control(page, "year").getAttribute("aria-invalid")).to.equal("true");
    const describedBy = (await control(page, "year").getAttribute("aria-describedby")) ?? "";
    const described = await page.evaluate(
      (ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? ""),
      describedBy,
    );
    expect(described).to.include("must be 1900 or later");
    await shot(page, "edit-validation");

    // the summary's links take the focus to the field
    await summary.getByRole("link", { name: /First performed|Year first performed/ }).click();
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest("[data-path]")?.getAttribute("data-path"),
      ),
    ).to.equal("year");

    // fixing and saving again clears the messages
    await control(page, "title").fill("Сломанная песня");
    await control(page, "year").fill("1966");
    await control(page, "sources").fill("https://example.org/ok");
    await pick(page, "themes", "space");
    await control(page, "recordings.0.performers.0.name").fill("Some Singer");
    await save(page);
    await page.locator("#edit-status .success").waitFor();
    expect(await page.locator("#song-form .field-error:visible").count()).to.equal(0);
    expect(await page.locator("#edit-messages").innerText()).to.equal("");
  });

  it("warns about a duplicate (409) and leads to the song already in the catalogue", async () => {
    const opened = await web.open({ hash: "edit" });
    const { page } = opened;
    await useEditorKey(page);
    await page.getByRole("button", { name: "New song" }).click();
    await control(page, "id").fill("nezhnost-again");
    await control(page, "title").fill("Нежность");
    await control(page, "titleLatin").fill("Nezhnost");
    await control(page, "year").fill("1965");
    await control(page, "country").fill("SU");
    await control(page, "language").fill("ru");
    await control(page, "composers.0.name").fill("Александра Пахмутова");
    await control(page, "composers.0.nameLatin").fill("Aleksandra Pakhmutova");
    await pick(page, "themes", "waiting");
    await control(page, "sources").fill("https://example.org/test");
    await control(page, "recordings.0.id").fill("nezhnost-again-rec");
    await control(page, "recordings.0.performers.0.name").fill("Майя Кристалинская");
    await control(page, "recordings.0.performers.0.nameLatin").fill("Maya Kristalinskaya");
    await control(page, "recordings.0.sources").fill("https://example.org/test");
    await save(page);
    const warning = page.locator('#edit-messages .warning[data-code="duplicate"]');
    await warning.waitFor();
    expect(await warning.innerText()).to.include("This song seems to be in the catalogue already");
    expect(await warning.innerText()).to.include('"nezhnost"');
    expect(await field(page, "title").locator(".field-error").innerText()).to.include(
      "duplicate of",
    );
    expect((await web.rig.server.req("GET", "/v1/songs/nezhnost-again")).status).to.equal(404);

    await warning.getByRole("button", { name: "Show “nezhnost”" }).click();
    await page.locator("#song-detail h3", { hasText: "Нежность" }).waitFor();
    expect(new URL(page.url()).hash).to.equal("#search");
  });

  it("edits a song and shows the change as a field-level diff in its history", async () => {
    const opened = await web.open({ hash: "edit" });
    const { page } = opened;
    await useEditorKey(page);
    // a title instead of an id: the page offers the matching songs
    await page.fill("#edit-id", "Нежность");
    await page.press("#edit-id", "Enter");
    await page
      .locator("#edit-choices")
      .getByRole("button", { name: "Нежность", exact: true })
      .click();
    await page.locator("#song-fields h3", { hasText: "Editing “Нежность” (version 1)" }).waitFor();
    const before = await control(page, "notes").inputValue();
    await control(page, "notes").fill("Edited in the browser test.");
    await field(page, "moods").getByRole("button", { name: "Remove melancholic" }).click();
    await page.fill("#edit-comment", "clearer note");
    await page.press("#edit-comment", "Enter"); // Enter saves the form
    await page.locator("#edit-status .success").waitFor();
    expect(await page.locator("#edit-status").innerText()).to.equal(
      "Saved “Нежность” (version 2).",
    );

    await page.getByRole("button", { name: "Show history" }).click();
    const latest = page.locator("#edit-history .history-entry").first();
    await latest.waitFor();
    expect(await latest.innerText()).to.include("Version 2");
    expect(await latest.innerText()).to.include("“clearer note”");
    const notes = latest.locator("tr", { has: page.locator('th code:text-is("notes")') });
    expect(await notes.locator("del").innerText()).to.equal(before);
    expect(await notes.locator("ins").innerText()).to.equal("Edited in the browser test.");
    const moods = latest.locator("tr", { has: page.locator('th code:text-is("moods")') });
    expect(await moods.locator("del").innerText()).to.equal("tender, longing, melancholic");
    expect(await moods.locator("ins").innerText()).to.equal("tender, longing");
    expect(await page.locator("#edit-history .history-entry").count()).to.equal(2);
    await shot(page, "edit-history");
  });

  it("gets out of a 412 conflict: shows what changed meanwhile, then re-applies or discards", async () => {
    const opened = await web.open({ hash: "edit" });
    const { page } = opened;
    await useEditorKey(page);
    await openForEditing(page, "vsyo-vyshe");
    await control(page, "notes").fill("Mine: the march of the aviators.");

    // someone else saves version 2 behind the page's back
    const theirs = await web.rig.server.req(
      "PATCH",
      "/v1/songs/vsyo-vyshe?comment=behind%20your%20back",
      {
        key: "editor2",
        ifMatch: '"v1"',
        body: { moods: ["triumphant", "energetic", "proud", "hopeful"] },
      },
    );
    expect(theirs.status).to.equal(200);

    await save(page);
    const conflict = page.locator("#edit-messages .conflict");
    await conflict.waitFor();
    const text = await conflict.innerText();
    expect(text).to.include("Someone else saved this song while you were editing");
    expect(text).to.include("You started from version 1; the catalogue now has version 2.");
    expect(text).to.include("by erin (editor)");
    expect(text).to.include("“behind your back”");
    const theirRow = conflict.locator("ol.history tr", {
      has: page.locator('code:text-is("moods")'),
    });
    expect(await theirRow.locator("ins").innerText()).to.equal(
      "triumphant, energetic, proud, hopeful",
    );
    const mine = conflict.locator("table").last();
    expect(await mine.innerText()).to.include("Mine: the march of the aviators.");
    await shot(page, "edit-conflict");

    await conflict.getByRole("button", { name: /Re-apply my changes/ }).click();
    await page.locator("#edit-status .success").waitFor();
    expect(await page.locator("#edit-status").innerText()).to.equal(
      "Saved “Всё выше” (version 3).",
    );
    const merged = await web.rig.server.req("GET", "/v1/songs/vsyo-vyshe", { key: null });
    expect(merged.etag).to.equal('"v3"');
    expect(merged.json.notes).to.equal("Mine: the march of the aviators.");
    expect(merged.json.moods).to.include("hopeful"); // their change survived

    // again, and this time the person discards their change
    await control(page, "notes").fill("A change to throw away.");
    const again = await web.rig.server.req("PATCH", "/v1/songs/vsyo-vyshe", {
      key: "editor2",
      ifMatch: '"v3"',
      body: { titleEnglish: "Higher and Higher" },
    });
    expect(again.status).to.equal(200);
    await save(page);
    await page.locator("#edit-messages .conflict").waitFor();
    await page.getByRole("button", { name: "Discard my changes" }).click();
    await page.locator("#edit-status .success", { hasText: "discarded" }).waitFor();
    expect(await page.locator("#edit-status").innerText()).to.equal(
      "Your changes were discarded. This is version 4.",
    );
    expect(await control(page, "notes").inputValue()).to.equal("Mine: the march of the aviators.");
    expect(await control(page, "titleEnglish").inputValue()).to.equal("Higher and Higher");
    expect((await web.rig.server.req("GET", "/v1/songs/vsyo-vyshe", { key: null })).etag).to.equal(
      '"v4"',
    );
  });
});
