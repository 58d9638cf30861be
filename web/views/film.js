// @ts-check
/**
 * Plan a film: open a showcase film (GET /v1/films) or paste/upload a film JSON; edit scenes and
 * pin songs; plan (POST /v1/playlists); swap a pick for an alternate (by pinning the alternate and
 * planning again, so the plan stays one consistent assignment); download CSV, M3U8, XSPF, JSON.
 */
import { json, send, fileNameOf } from "../api.js";
import { $, fill, focusHeading, h, peopleNames, safeFileName, saveBlob, score } from "../dom.js";
import { countryName, getLang, t, tx } from "../i18n.js";
import { termPicker } from "../terms.js";
import { errorBox, suggestionCard, upgradePlayLinks } from "./common.js";

/** @typedef {import("../types.js").Film} Film */
/** @typedef {import("../types.js").FilmScene} FilmScene */
/** @typedef {import("../types.js").Plan} Plan */
/** @typedef {import("../types.js").ScenePlan} ScenePlan */
/** @typedef {import("../types.js").Suggestion} Suggestion */
/** @typedef {import("../types.js").Song} Song */
/** @typedef {import("../types.js").FilmSummary} FilmSummary */

/** @typedef {{ film: Film, perScene: number, alternates: number, lang: "ru" | "en" }} PlanBody */

/** @type {Film | null} */
let film = null;
/** @type {PlanBody | null} */
let lastBody = null;
/** @type {Plan | null} */
let plan = null;
/** Counts plans, so a late streaming resolution never decorates a newer plan. */
let generation = 0;
/** Whether the service resolves songs on Spotify (then playlists point at Spotify tracks). */
let streamingOn = false;
/** Titles of songs seen so far, for pinned chips. @type {Map<string, string>} */
const titles = new Map();

const FORMATS = /** @type {const} */ ([
  ["csv", "film.download.csv", "-cue-sheet.csv"],
  ["m3u8", "film.download.m3u8", ".m3u8"],
  ["xspf", "film.download.xspf", ".xspf"],
  ["json", "film.download.json", "-plan.json"],
]);

export function initFilm() {
  void loadFilmList();
  $("#film-paste-form").addEventListener("submit", (e) => {
    e.preventDefault();
    loadFromText(/** @type {HTMLTextAreaElement} */ ($("#film-paste")).value);
  });
  const file = /** @type {HTMLInputElement} */ ($("#film-file"));
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const reader = new FileReader();
    reader.onload = () => loadFromText(String(reader.result ?? ""));
    reader.onerror = () => fill($("#film-source-status"), errorBox(reader.error));
    reader.readAsText(chosen);
  });
  $("#film-plan-button").addEventListener("click", () => void runPlan());
}

async function loadFilmList() {
  const list = $("#film-list");
  try {
    /** @type {{ data: { items: FilmSummary[] } }} */
    const { data } = await json("GET", "/v1/films");
    fill(
      list,
      data.items.map((f) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: "film-choice",
              "data-film": f.id,
              onclick: () => void openShowcase(f.id),
            },
            h("strong", null, f.title),
            f.titleEnglish ? h("span", { lang: "en" }, ` (${f.titleEnglish})`) : null,
            h(
              "span",
              { class: "film-meta" },
              " · ",
              f.year ? String(f.year) : f.era ? `${f.era.from}–${f.era.to}` : "",
              f.country
                ? [" · ", h("span", { "data-country": f.country }, countryName(f.country))]
                : null,
              " · ",
              tx("film.sceneCount", { n: f.scenes }),
            ),
          ),
        ),
      ),
    );
  } catch (err) {
    fill(list, h("li", null, errorBox(err)));
  }
}

/** @param {string} id */
async function openShowcase(id) {
  const status = $("#film-source-status");
  fill(status, tx("common.loading"));
  try {
    /** @type {{ data: Film }} */
    const { data } = await json("GET", `/v1/films/${encodeURIComponent(id)}`);
    fill(status);
    await loadFilm(data);
  } catch (err) {
    fill(status, errorBox(err));
  }
}

/** @param {string} text */
function loadFromText(text) {
  const status = $("#film-source-status");
  /** @type {any} */
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    fill(
      status,
      h(
        "div",
        { class: "error", role: "alert" },
        h("strong", null, tx("film.badJson")),
        " ",
        err instanceof Error ? err.message : String(err),
      ),
    );
    return;
  }
  // A whole plan request ({film, perScene, …}) is accepted too.
  const candidate = parsed && typeof parsed === "object" && parsed.film ? parsed.film : parsed;
  if (!candidate || typeof candidate !== "object" || !Array.isArray(candidate.scenes)) {
    fill(
      status,
      h("div", { class: "error", role: "alert" }, h("strong", null, tx("film.noScenes"))),
    );
    return;
  }
  fill(status);
  void loadFilm(/** @type {Film} */ (candidate));
}

/**
 * Shows a film for editing and plans it at once (so the first click already shows a soundtrack).
 * @param {Film} next
 */
async function loadFilm(next) {
  film = structuredClone(next);
  for (const scene of film.scenes) scene.pinned ??= [];
  plan = null;
  lastBody = null;
  $("#film-work").hidden = false;
  renderFilmHeader();
  renderScenesEditor();
  fill($("#film-plan"));
  await runPlan();
}

function renderFilmHeader() {
  if (!film) return;
  const f = film;
  const era = typeof f.era === "string" ? f.era : f.era ? `${f.era.from}–${f.era.to}` : undefined;
  const titleInput = h("input", {
    id: "film-title",
    value: f.title,
    oninput: (/** @type {Event} */ e) => {
      f.title = /** @type {HTMLInputElement} */ (e.target).value;
      markStale();
    },
  });
  fill(
    $("#film-header"),
    h("label", { for: "film-title" }, tx("film.title")),
    titleInput,
    h(
      "p",
      { class: "muted" },
      f.titleEnglish ? h("span", { lang: "en" }, `${f.titleEnglish} · `) : null,
      tx("film.storyTime"),
      " ",
      f.year ? String(f.year) : (era ?? "—"),
      f.country ? [" · ", h("span", { "data-country": f.country }, countryName(f.country))] : null,
      " · ",
      tx("film.sceneCount", { n: f.scenes.length }),
    ),
  );
}

function renderScenesEditor() {
  if (!film) return;
  fill($("#film-editor-count"), tx("film.sceneCount", { n: film.scenes.length }));
  fill(
    $("#film-scenes"),
    film.scenes.map((scene, i) => sceneEditor(scene, i)),
  );
}

/**
 * @param {FilmScene} scene
 * @param {number} i
 */
function sceneEditor(scene, i) {
  const base = `scene-${i}`;
  const pins = h("ul", { class: "chips pins", "aria-live": "polite" });
  const results = h("ul", { class: "pin-results" });
  const query = h("input", { type: "search", id: `${base}-pin-q`, autocomplete: "off" });
  const renderPins = () => {
    const pinned = scene.pinned ?? [];
    if (pinned.length === 0) {
      fill(pins, h("li", { class: "chip-none" }, tx("film.noPins")));
      return;
    }
    fill(
      pins,
      pinned.map((id) =>
        h(
          "li",
          { class: "chip", "data-id": id },
          h("span", { class: "pin-title" }, titles.get(id) ?? id),
          h(
            "button",
            {
              type: "button",
              class: "chip-remove",
              "aria-label": t("film.unpin", { title: titles.get(id) ?? id }),
              "data-i18n-aria-label": "film.unpin",
              "data-i18n-args": JSON.stringify({ title: titles.get(id) ?? id }),
              onclick: () => {
                scene.pinned = (scene.pinned ?? []).filter((x) => x !== id);
                renderPins();
                markStale();
                query.focus();
              },
            },
            "×",
          ),
        ),
      ),
    );
    for (const id of pinned) if (!titles.has(id)) void learnTitle(id).then(renderPins);
  };
  renderPins();
  const find = async () => {
    const q = query.value.trim();
    if (!q) return;
    fill(results, h("li", null, tx("common.loading")));
    try {
      /** @type {{ data: { items: Song[] } }} */
      const { data } = await json("GET", "/v1/songs", { query: { q, limit: 5 } });
      if (data.items.length === 0) {
        fill(results, h("li", null, tx("film.pinNothing")));
        return;
      }
      fill(
        results,
        data.items.map((song) => {
          titles.set(song.id, song.title);
          return h(
            "li",
            null,
            h("span", { lang: song.language }, song.title),
            " — ",
            peopleNames(song.recordings[0]?.performers),
            ` (${song.year}) `,
            h(
              "button",
              {
                type: "button",
                class: "secondary small",
                "data-pin": song.id,
                onclick: () => {
                  scene.pinned = [...(scene.pinned ?? []).filter((x) => x !== song.id), song.id];
                  fill(results);
                  query.value = "";
                  renderPins();
                  markStale();
                  query.focus();
                },
              },
              tx("film.pin"),
            ),
          );
        }),
      );
    } catch (err) {
      fill(results, h("li", null, errorBox(err)));
    }
  };
  const themes = termPicker({
    kind: "theme",
    labelKey: "scene.themes",
    selected: scene.themes ?? [],
    onChange: (ids) => {
      scene.themes = ids;
      markStale();
    },
  });
  const moods = termPicker({
    kind: "mood",
    labelKey: "scene.moods",
    selected: scene.moods ?? [],
    onChange: (ids) => {
      scene.moods = ids;
      markStale();
    },
  });
  return h(
    "fieldset",
    { class: "scene-edit", "data-scene": scene.id },
    h(
      "legend",
      null,
      tx("film.sceneN", { n: i + 1 }),
      " ",
      h("code", null, scene.id),
      scene.year ? ` · ${scene.year}` : null,
    ),
    h("label", { for: `${base}-title` }, tx("film.sceneTitle")),
    h("input", {
      id: `${base}-title`,
      class: "scene-title",
      value: scene.title,
      oninput: (/** @type {Event} */ e) => {
        scene.title = /** @type {HTMLInputElement} */ (e.target).value;
        markStale();
      },
    }),
    h("label", { for: `${base}-desc` }, tx("film.sceneDescription")),
    h("textarea", {
      id: `${base}-desc`,
      rows: 3,
      value: scene.description ?? "",
      oninput: (/** @type {Event} */ e) => {
        scene.description = /** @type {HTMLTextAreaElement} */ (e.target).value;
        markStale();
      },
    }),
    h("div", { class: "pickers" }, themes.el, moods.el),
    h(
      "div",
      { class: "pins-box", role: "group", "aria-labelledby": `${base}-pins-label` },
      h("span", { class: "picker-label", id: `${base}-pins-label` }, tx("film.pinned")),
      pins,
      h(
        "form",
        {
          class: "pin-search",
          onsubmit: (/** @type {Event} */ e) => {
            e.preventDefault();
            void find();
          },
        },
        h("label", { for: `${base}-pin-q` }, tx("film.pinSearch")),
        query,
        h("button", { type: "submit", class: "secondary small" }, tx("film.find")),
      ),
      results,
    ),
  );
}

/** @param {string} id */
async function learnTitle(id) {
  try {
    /** @type {{ data: Song }} */
    const { data } = await json("GET", `/v1/songs/${encodeURIComponent(id)}`);
    titles.set(id, data.title);
  } catch {
    titles.set(id, id);
  }
}

function markStale() {
  if (plan) $("#film-stale").hidden = false;
}

function readOptions() {
  return {
    perScene: Number(/** @type {HTMLSelectElement} */ ($("#film-per-scene")).value),
    alternates: Number(/** @type {HTMLSelectElement} */ ($("#film-alternates")).value),
    // Reasons (and the cue sheet's reasons column) in the page's language.
    lang: getLang(),
  };
}

/** @param {string} [focusScene] scene whose heading gets the focus afterwards */
async function runPlan(focusScene) {
  if (!film) return;
  const status = $("#film-status");
  fill(status, tx("film.planning"));
  /** @type {PlanBody} */
  const body = { film: structuredClone(film), ...readOptions() };
  const mine = ++generation;
  try {
    /** @type {{ data: Plan }} */
    const { data } = await json("POST", "/v1/playlists", { body });
    void resolvePlayable(body, mine);
    plan = data;
    lastBody = body;
    for (const sp of data.scenes)
      for (const s of [...sp.picks, ...sp.alternates]) titles.set(s.song.id, s.song.title);
    $("#film-stale").hidden = true;
    renderPlan();
    renderScenesEditor();
    fill(status, tx("film.planned", { n: data.scenes.length }));
    const target = focusScene
      ? document.querySelector(
          `#film-plan [data-scene="${CSS.escape(focusScene)}"] h4.scene-heading`,
        )
      : $("#film-plan h3");
    if (target instanceof HTMLElement) focusHeading(target);
  } catch (err) {
    fill(status, errorBox(err));
  }
}

/**
 * Asks where the picks play (`?resolve=spotify`: the same plan, with each pick's streaming link)
 * and adds play links; nothing changes when the service has no streaming configured.
 * @param {PlanBody} body
 * @param {number} mine
 */
async function resolvePlayable(body, mine) {
  try {
    /** @type {{ data: Plan & { resolution?: { status: string } } }} */
    const { data } = await json("POST", "/v1/playlists", { body, query: { resolve: "spotify" } });
    if (mine !== generation) return;
    streamingOn = data.resolution?.status === "done";
    upgradePlayLinks(
      $("#film-plan"),
      data.scenes.flatMap((s) => s.picks),
    );
  } catch {
    // streaming is optional: the page keeps what it shows
  }
}

function renderPlan() {
  if (!plan) return;
  const p = plan;
  fill(
    $("#film-plan"),
    h("h3", null, tx("film.planTitle", { title: p.film.title })),
    h("p", null, tx("film.total", { score: score(p.totalScore), tracks: p.tracks.length })),
    h(
      "div",
      { class: "downloads", role: "group", "aria-labelledby": "film-downloads-label" },
      h("span", { id: "film-downloads-label", class: "picker-label" }, tx("film.download")),
      FORMATS.map(([format, key]) =>
        h(
          "button",
          {
            type: "button",
            class: format === "csv" ? "primary" : "secondary",
            "data-format": format,
            onclick: () => void download(format),
          },
          tx(key),
        ),
      ),
    ),
    h("p", { id: "film-download-status", role: "status" }),
    h(
      "ol",
      { class: "plan-scenes" },
      p.scenes.map((sp, i) => scenePlanItem(sp, i)),
    ),
  );
}

/**
 * @param {ScenePlan} sp
 * @param {number} i
 */
function scenePlanItem(sp, i) {
  const last = sp.picks[sp.picks.length - 1];
  return h(
    "li",
    { class: "plan-scene", "data-scene": sp.sceneId },
    h(
      "h4",
      { class: "scene-heading" },
      `${i + 1}. `,
      sp.title,
      sp.period
        ? h(
            "span",
            { class: "muted" },
            ` · ${sp.period.from === sp.period.to ? sp.period.from : `${sp.period.from}–${sp.period.to}`}`,
          )
        : null,
    ),
    h(
      "div",
      { class: "picks" },
      sp.picks.map((pick) =>
        suggestionCard(pick, {
          heading: "h5",
          foldReasons: true,
          badge: pick.pinned ? h("span", { class: "badge" }, tx("film.pinnedBadge")) : null,
        }),
      ),
    ),
    sp.unfilled > 0 ? h("p", { class: "note" }, tx("film.unfilled", { n: sp.unfilled })) : null,
    sp.alternates.length
      ? [
          h("h5", { class: "alternates-heading" }, tx("film.alternates")),
          h(
            "ol",
            { class: "alternates" },
            sp.alternates.map((alt) =>
              h(
                "li",
                { "data-song": alt.song.id },
                h("span", { class: "alt-title", lang: alt.song.language }, alt.song.title),
                " — ",
                peopleNames(alt.recording.performers),
                alt.recording.year ? ` · ${alt.recording.year}` : null,
                h("span", { class: "score-value" }, ` · ${score(alt.score)} `),
                last
                  ? h(
                      "button",
                      {
                        type: "button",
                        class: "secondary small",
                        "data-swap": alt.song.id,
                        onclick: () => void swap(sp, last, alt),
                      },
                      tx("film.swap"),
                      h(
                        "span",
                        { class: "visually-hidden" },
                        " ",
                        tx("film.swapContext", { pick: last.song.title, scene: sp.title }),
                      ),
                    )
                  : null,
              ),
            ),
          ),
        ]
      : null,
  );
}

/**
 * Swaps a pick for an alternate: pins the alternate (and the scene's other picks, so they stay)
 * to the scene and plans again, so no song appears twice and the other scenes adjust if needed.
 * @param {ScenePlan} sp
 * @param {Suggestion} replaced
 * @param {Suggestion} alt
 */
async function swap(sp, replaced, alt) {
  const scene = film?.scenes.find((s) => s.id === sp.sceneId);
  if (!scene) return;
  const keep = sp.picks.filter((p) => p !== replaced).map((p) => p.song.id);
  scene.pinned = [...keep, alt.song.id];
  await runPlan(sp.sceneId);
  fill(
    $("#film-status"),
    tx("film.swapped", { alt: alt.song.title, pick: replaced.song.title, scene: sp.title }),
  );
}

/** @param {"csv" | "m3u8" | "xspf" | "json"} format */
async function download(format) {
  if (!lastBody || !film) return;
  const status = $("#film-download-status");
  const spec = FORMATS.find(([f]) => f === format);
  fill(status, tx("common.loading"));
  try {
    // With streaming on, the playlists point at the resolved Spotify tracks.
    const resolve = streamingOn && (format === "m3u8" || format === "xspf") ? "spotify" : undefined;
    const res = await send("POST", "/v1/playlists", { query: { format, resolve }, body: lastBody });
    const blob = await res.blob();
    const offered = fileNameOf(res)?.replace(/\.[^.]+$/, "");
    const stem = offered || safeFileName(film.id ?? film.titleEnglish ?? film.title);
    const name = `${stem}${spec?.[2] ?? `.${format}`}`;
    saveBlob(new Blob([blob], { type: blob.type }), name);
    fill(status, tx("film.downloaded", { name }));
  } catch (err) {
    fill(status, errorBox(err));
  }
}
