// @ts-check
/**
 * Describe a scene: story year, country, free text and optional theme/mood chips → ranked,
 * explained suggestions (POST /v1/suggestions). The interpretation is editable: remove a wrongly
 * detected theme, add a mood, re-rank. A re-rank sends the corrected terms explicitly and leaves
 * the description out, so the text can no longer bring back a term the person removed.
 */
import { json } from "../api.js";
import { $, fill, focusHeading, h } from "../dom.js";
import { getLang, tx } from "../i18n.js";
import { termPicker } from "../terms.js";
import { errorBox, suggestionCard, upgradePlayLinks } from "./common.js";

/** @typedef {import("../types.js").SuggestionAnswer} SuggestionAnswer */
/** @typedef {import("../types.js").InterpretedTerm} InterpretedTerm */

/**
 * @typedef {object} SceneRequest
 * @property {number} [year]
 * @property {{ from: number, to: number }} [era]
 * @property {string} [country]
 * @property {string} [language]
 * @property {string} [description]
 * @property {string[]} themes
 * @property {string[]} moods
 * @property {boolean} periodCorrect
 * @property {number} limit
 */

/** @typedef {{ openSong: (id: string) => void }} SceneHooks */

/** @type {SceneHooks} */
let hooks = { openSong: () => {} };
/** Counts answers, so a late streaming resolution never decorates a newer answer. */
let generation = 0;
/** @type {{ themes: ReturnType<typeof termPicker>, moods: ReturnType<typeof termPicker> } | null} */
let formPickers = null;

/** @param {SceneHooks} h */
export function initScene(h) {
  hooks = h;
  formPickers = {
    themes: termPicker({ kind: "theme", labelKey: "scene.themes" }),
    moods: termPicker({ kind: "mood", labelKey: "scene.moods" }),
  };
  fill($("#scene-pickers"), formPickers.themes.el, formPickers.moods.el);
  const form = /** @type {HTMLFormElement} */ ($("#scene-form"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void ask(readForm(form), false);
  });
  // Ctrl+Enter (or ⌘+Enter) in the description sends the form, as Enter does in the other fields.
  $("#scene-description").addEventListener("keydown", (e) => {
    const ke = /** @type {KeyboardEvent} */ (e);
    if (ke.key === "Enter" && (ke.ctrlKey || ke.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
}

/** @param {HTMLFormElement} form @returns {SceneRequest} */
function readForm(form) {
  const value = (/** @type {string} */ name) => {
    const el = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(name));
    return el ? el.value.trim() : "";
  };
  /** @type {SceneRequest} */
  const req = {
    themes: formPickers?.themes.get() ?? [],
    moods: formPickers?.moods.get() ?? [],
    periodCorrect: /** @type {HTMLInputElement} */ ($("#scene-period-correct")).checked,
    limit: 10,
  };
  if (value("year")) req.year = Number(value("year"));
  if (value("country")) req.country = value("country");
  if (value("language")) req.language = value("language");
  if (value("description")) req.description = value("description");
  return req;
}

/**
 * @param {SceneRequest} request
 * @param {boolean} corrected whether this is a re-rank with corrected terms
 */
async function ask(request, corrected) {
  const status = $("#scene-status");
  const mine = ++generation;
  fill(status, tx("common.loading"));
  try {
    /** @type {{ data: SuggestionAnswer }} */
    // Reasons come back in the page's language.
    const { data } = await json("POST", "/v1/suggestions", {
      body: { ...request, lang: getLang() },
    });
    fill(status);
    renderInterpretation(request, data, corrected);
    renderSuggestions(data);
    if (corrected) focusHeading($("#scene-results h3"));
    void resolvePlayable(request, mine);
  } catch (err) {
    fill(status, errorBox(err));
  }
}

/**
 * Asks where the suggestions play (`?resolve=spotify`, the same ranking) after they are shown,
 * and adds a play link to each song the service resolved. Without streaming configured the
 * service says "disabled" and nothing changes; the listening links stay either way.
 * @param {SceneRequest} request
 * @param {number} mine
 */
async function resolvePlayable(request, mine) {
  try {
    /** @type {{ data: SuggestionAnswer }} */
    const { data } = await json("POST", "/v1/suggestions", {
      body: { ...request, lang: getLang() },
      query: { resolve: "spotify" },
    });
    if (mine === generation) upgradePlayLinks($("#scene-results"), data.suggestions);
  } catch {
    // streaming is optional: the page keeps what it shows
  }
}

/**
 * @param {SceneRequest} request
 * @param {SuggestionAnswer} answer
 * @param {boolean} corrected
 */
function renderInterpretation(request, answer, corrected) {
  const box = $("#scene-interpretation");
  const it = answer.interpreted;
  /** @param {InterpretedTerm[]} terms */
  const notes = (terms) => {
    const byId = new Map(terms.map((x) => [x.id, x]));
    return (/** @type {string} */ id) => {
      const term = byId.get(id);
      return term && term.matched.length ? `← ${term.matched.join(", ")}` : null;
    };
  };
  const themes = termPicker({
    kind: "theme",
    labelKey: "interp.themes",
    selected: it.themes.map((x) => x.id),
    note: notes(it.themes),
  });
  const moods = termPicker({
    kind: "mood",
    labelKey: "interp.moods",
    selected: it.moods.map((x) => x.id),
    note: notes(it.moods),
  });
  const period = it.period;
  const rerank = () => {
    /** @type {SceneRequest} */
    const next = { ...request, themes: themes.get(), moods: moods.get() };
    delete next.description;
    // A period read from the text must now be sent explicitly, or it would be lost with the text.
    if (next.year === undefined && next.era === undefined && period) {
      if (period.from === period.to) next.year = period.from;
      else next.era = { from: period.from, to: period.to };
    }
    void ask(next, true);
  };
  box.hidden = false;
  fill(
    box,
    h("h3", null, tx("interp.title")),
    h(
      "p",
      null,
      tx("interp.period"),
      " ",
      period
        ? h(
            "strong",
            null,
            period.from === period.to ? String(period.from) : `${period.from}–${period.to}`,
            " ",
            tx(`interp.source.${period.source}`),
          )
        : h("strong", null, tx("interp.noPeriod")),
      it.language ? [" · ", tx("interp.language"), " ", tx(`interp.lang.${it.language}`)] : null,
    ),
    themes.el,
    moods.el,
    it.unmatched.length
      ? h("p", { class: "muted" }, tx("interp.unmatched"), " ", it.unmatched.join(", "))
      : null,
    corrected ? h("p", { class: "note" }, tx("interp.corrected")) : null,
    h(
      "p",
      { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: rerank }, tx("interp.rerank")),
      " ",
      h("span", { class: "muted" }, tx("interp.rerankHint")),
    ),
  );
}

/** @param {SuggestionAnswer} answer */
function renderSuggestions(answer) {
  const box = $("#scene-results");
  box.hidden = false;
  fill(
    box,
    h("h3", null, tx("scene.suggestions", { n: answer.suggestions.length })),
    answer.suggestions.length === 0
      ? h("p", null, tx("scene.none"))
      : h(
          "ol",
          { class: "suggestions" },
          answer.suggestions.map((s, i) =>
            h(
              "li",
              null,
              suggestionCard(s, {
                rank: i + 1,
                actions: [
                  h(
                    "button",
                    {
                      type: "button",
                      class: "secondary small",
                      onclick: () => hooks.openSong(s.song.id),
                    },
                    tx("suggestion.details"),
                  ),
                ],
              }),
            ),
          ),
        ),
  );
}
