// @ts-check
/**
 * Search: one box (any script: «Кристалинская» or "Kristalinskaya") and filters; a results list;
 * a song's full record (facts, recordings, sources, listening links).
 */
import { json } from "../api.js";
import {
  $,
  extLink,
  fill,
  focusHeading,
  h,
  hostOf,
  peopleNames,
  personName,
  providerName,
} from "../dom.js";
import { countryName, languageName, termLabel, tx } from "../i18n.js";
import { fillTermSelect } from "../terms.js";
import { errorBox } from "./common.js";

const PAGE = 20;

/** @typedef {import("../types.js").Song} Song */

/**
 * @typedef {object} SearchHooks
 * @property {(id: string) => void} editSong opens a song in the editor
 */

/** @type {SearchHooks} */
let hooks = { editSong: () => {} };
/** @type {Record<string, string>} */
let lastQuery = {};
let shown = 0;

/** @param {SearchHooks} h */
export function initSearch(h) {
  hooks = h;
  const form = /** @type {HTMLFormElement} */ ($("#search-form"));
  fillTermSelect($("#search-theme"), "theme", "search.anyTheme");
  fillTermSelect($("#search-mood"), "mood", "search.anyMood");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    /** @type {Record<string, string>} */
    const q = {};
    for (const [k, v] of data.entries()) if (typeof v === "string" && v.trim()) q[k] = v.trim();
    void runSearch(q, false);
  });
  $("#search-more").addEventListener("click", () => void runSearch(lastQuery, true));
}

/**
 * @param {Record<string, string>} query
 * @param {boolean} more append the next page
 */
async function runSearch(query, more) {
  const status = $("#search-status");
  const list = $("#search-results");
  const moreButton = /** @type {HTMLButtonElement} */ ($("#search-more"));
  lastQuery = query;
  if (!more) shown = 0;
  fill(status, tx("common.loading"));
  try {
    /** @type {{ data: { total: number, items: Song[] } }} */
    const { data } = await json("GET", "/v1/songs", {
      query: { ...query, limit: PAGE, offset: shown },
    });
    if (!more) fill(list);
    for (const song of data.items) list.append(resultItem(song));
    shown += data.items.length;
    fill(status, tx("search.found", { n: data.total }));
    moreButton.hidden = shown >= data.total;
  } catch (err) {
    fill(status, errorBox(err));
    moreButton.hidden = true;
  }
}

/** @param {Song} song */
function resultItem(song) {
  const rec = song.recordings[0];
  return h(
    "li",
    { class: "result" },
    h(
      "button",
      {
        type: "button",
        class: "link-button result-open",
        "data-song": song.id,
        onclick: () => void openSong(song.id),
      },
      h("span", { class: "result-title", lang: song.language }, song.title),
      song.titleEnglish && song.titleEnglish !== song.title
        ? h("span", { class: "result-sub", lang: "en" }, ` — ${song.titleEnglish}`)
        : null,
    ),
    h(
      "span",
      { class: "result-meta" },
      `${song.year} · `,
      h("span", { "data-country": song.country }, countryName(song.country)),
      rec ? ` · ${peopleNames(rec.performers)}` : null,
    ),
  );
}

/**
 * Opens a song's full record (also used from the other screens).
 * @param {string} id
 */
export async function openSong(id) {
  const panel = $("#song-detail");
  panel.hidden = false;
  fill(panel, tx("common.loading"));
  try {
    /** @type {{ data: Song }} */
    const { data } = await json("GET", `/v1/songs/${encodeURIComponent(id)}`);
    renderSong(panel, data);
    focusHeading($("h3", panel));
  } catch (err) {
    fill(panel, errorBox(err));
  }
}

/**
 * @param {string} key
 * @param {import("../dom.js").Children} value
 */
function fact(key, value) {
  if (value === "" || value === null || value === undefined) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return [h("dt", null, tx(key)), h("dd", null, value)];
}

/** @param {"theme" | "mood"} kind @param {string[]} ids */
function termList(kind, ids) {
  return ids.map((id, i) => [
    i > 0 ? ", " : null,
    h("span", { "data-term": `${kind}:${id}` }, termLabel(kind, id)),
  ]);
}

/**
 * @param {HTMLElement} panel
 * @param {Song} song
 */
function renderSong(panel, song) {
  fill(
    panel,
    h("h3", { lang: song.language }, song.title),
    h(
      "dl",
      { class: "facts" },
      fact("song.id", h("code", null, song.id)),
      fact("song.titleLatin", song.titleLatin),
      fact(
        "song.titleEnglish",
        song.titleEnglish ? h("span", { lang: "en" }, song.titleEnglish) : "",
      ),
      fact("song.composers", peopleNames(song.composers)),
      fact("song.lyricists", peopleNames(song.lyricists)),
      fact("song.year", String(song.year)),
      fact("song.country", h("span", { "data-country": song.country }, countryName(song.country))),
      fact(
        "song.language",
        h("span", { "data-language": song.language }, languageName(song.language)),
      ),
      fact("song.themes", termList("theme", song.themes)),
      fact("song.moods", termList("mood", song.moods)),
      fact("song.notes", song.notes ? h("span", { lang: "en" }, song.notes) : ""),
    ),
    h("h4", null, tx("song.recordings")),
    h(
      "ol",
      { class: "recordings" },
      song.recordings.map((r) =>
        h(
          "li",
          null,
          h("strong", null, r.performers.map(personName).join(", ")),
          " · ",
          r.year ? String(r.year) : tx("song.undated"),
          r.bestKnown ? [" · ", h("em", null, tx("song.bestKnown"))] : null,
          r.notes ? h("p", { class: "muted", lang: "en" }, r.notes) : null,
          r.sources.length
            ? h(
                "p",
                { class: "sources-inline" },
                tx("song.recordingSources"),
                " ",
                r.sources.map((u, i) => [i > 0 ? " · " : null, extLink(u, hostOf(u))]),
              )
            : null,
        ),
      ),
    ),
    h("h4", null, tx("song.sources")),
    h(
      "ul",
      { class: "sources" },
      song.sources.map((u) => h("li", null, extLink(u))),
    ),
    song.listening && song.listening.length
      ? [
          h("h4", null, tx("song.listen")),
          h(
            "ul",
            { class: "listening" },
            song.listening.map((l) => h("li", null, extLink(l.url, providerName(l.provider)))),
          ),
        ]
      : null,
    h(
      "p",
      { class: "actions" },
      h(
        "button",
        { type: "button", class: "secondary", onclick: () => hooks.editSong(song.id) },
        tx("song.edit"),
      ),
    ),
  );
}
