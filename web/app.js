// @ts-check
/**
 * The page's entry point: language, screens (#search, #scene, #film, #edit — real links, so the
 * browser's back button and bookmarks work), the shared lists, and the four screens.
 */
import { json } from "./api.js";
import { $, fill, focusHeading, h } from "./dom.js";
import { countryName, languageName, localize, setLang, setVocabulary, tx } from "./i18n.js";
import { errorBox } from "./views/common.js";
import { editSong, initEdit } from "./views/edit.js";
import { initFilm } from "./views/film.js";
import { initScene } from "./views/scene.js";
import { initSearch, openSong } from "./views/search.js";

const VIEWS = ["search", "scene", "film", "edit"];
/** Countries of the catalogue (SU: the USSR). */
const COUNTRIES = ["SU", "RU", "US", "GB", "FR", "IT", "DE", "PL", "BE", "CA"];
const LANGUAGES = ["ru", "en", "fr", "it", "de", "pl", "zxx"];
const DECADES = [1900, 1910, 1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990];

/**
 * @param {HTMLSelectElement} select
 * @param {string} emptyKey
 * @param {HTMLOptionElement[]} options
 */
function fillSelect(select, emptyKey, options) {
  fill(select, h("option", { value: "", "data-i18n": emptyKey }), options);
}

function fillLists() {
  const countries = () =>
    COUNTRIES.map((c) => h("option", { value: c, "data-country": c }, countryName(c)));
  fillSelect($("#search-country"), "search.anyCountry", countries());
  fillSelect($("#scene-country"), "search.anyCountry", countries());
  fillSelect(
    $("#scene-language"),
    "scene.anyLanguage",
    LANGUAGES.map((l) => h("option", { value: l, "data-language": l }, languageName(l))),
  );
  fillSelect(
    $("#search-decade"),
    "search.anyDecade",
    DECADES.map((d) => h("option", { value: `${d}s` }, `${d}s`)),
  );
}

/**
 * Shows one screen.
 * @param {string} name
 * @param {boolean} focus move the keyboard focus to the screen's heading
 */
function showView(name, focus) {
  const current = VIEWS.includes(name) ? name : "search";
  for (const v of VIEWS) $(`#view-${v}`).hidden = v !== current;
  for (const a of document.querySelectorAll("[data-tab]")) {
    const link = /** @type {HTMLElement} */ (a);
    if (link.dataset.tab === current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (focus) focusHeading($(`#view-${current} h2`));
}

/** @param {string} name */
function go(name) {
  if (location.hash === `#${name}`) showView(name, false);
  else location.hash = name;
}

async function main() {
  for (const b of document.querySelectorAll("[data-lang-choice]")) {
    const button = /** @type {HTMLElement} */ (b);
    button.addEventListener("click", () =>
      setLang(button.dataset.langChoice === "ru" ? "ru" : "en"),
    );
  }
  fillLists();
  try {
    const { data } = await json("GET", "/v1/vocabulary");
    setVocabulary(/** @type {import("./types.js").Vocabulary} */ (data));
  } catch (err) {
    fill($("#app-status"), errorBox(err));
    // A service that needs a key even for reading: once a key is given, start again with it.
    document.addEventListener("soundtrack:key", () => location.reload(), { once: true });
  }
  initSearch({
    editSong: (id) => {
      go("edit");
      void editSong(id);
    },
  });
  const showSong = (/** @type {string} */ id) => {
    go("search");
    void openSong(id);
  };
  initScene({ openSong: showSong });
  initFilm();
  initEdit({ openSong: showSong });
  window.addEventListener("hashchange", () => showView(location.hash.slice(1), true));
  showView(location.hash.slice(1), false);
  localize(document);
  document.body.dataset.ready = "true";
}

main().catch((err) => {
  fill($("#app-status"), errorBox(err), tx("error.unexpected"));
});
