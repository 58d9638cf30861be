// @ts-check
/**
 * Edit the catalogue (needs an editor key, kept in sessionStorage): a song form whose themes and
 * moods come from vocabulary pickers; the API's validation details shown next to the fields they
 * name; a warning for a duplicate (409); the history with field-level diffs; and a way out of a
 * 412 conflict: see what changed meanwhile, then re-apply your changes on the current version or
 * discard them.
 */
import { ApiError, getKey, json, setKey } from "../api.js";
import { $, append, fill, focusHeading, h, nextId, peopleNames } from "../dom.js";
import { formatDate, t, tx } from "../i18n.js";
import { termPicker } from "../terms.js";
import { errorBox } from "./common.js";

/** @typedef {import("../types.js").Song} Song */
/** @typedef {import("../types.js").HistoryEntry} HistoryEntry */
/** @typedef {import("../types.js").IssueDetail} IssueDetail */

/**
 * The song being edited. `draft` is what the form shows (any fields the form does not show, such
 * as `unverified` or `streaming`, ride along untouched); `base` and `etag` are the stored version
 * the draft started from (`base` null for a new song).
 * @type {{ base: Song | null, etag: string | null, draft: any } | null}
 */
let editing = null;

/** @typedef {{ openSong: (id: string) => void }} EditHooks */
/** @type {EditHooks} */
let hooks = { openSong: () => {} };

/** @param {EditHooks} h */
export function initEdit(h) {
  hooks = h;
  const keyInput = /** @type {HTMLInputElement} */ ($("#editor-key"));
  keyInput.value = getKey();
  showKeyStatus();
  $("#key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setKey(keyInput.value.trim());
    showKeyStatus();
    document.dispatchEvent(new CustomEvent("soundtrack:key"));
  });
  $("#key-forget").addEventListener("click", () => {
    setKey("");
    keyInput.value = "";
    showKeyStatus();
    keyInput.focus();
  });
  $("#edit-open-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const value = /** @type {HTMLInputElement} */ ($("#edit-id")).value.trim();
    if (value) void editSong(value);
  });
  $("#edit-new").addEventListener("click", () => newSong());
  $("#song-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void save();
  });
  $("#edit-history-button").addEventListener("click", () => void showHistory());
}

function showKeyStatus() {
  fill($("#key-status"), tx(getKey() ? "key.set" : "key.none"));
}

function clearMessages() {
  fill($("#edit-messages"));
  fill($("#edit-status"));
  const form = $("#song-form");
  for (const el of form.querySelectorAll(".field-error")) {
    el.replaceChildren();
    /** @type {HTMLElement} */ (el).hidden = true;
  }
  for (const el of form.querySelectorAll(".invalid")) el.classList.remove("invalid");
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

/**
 * Opens a song in the editor: by id, or else the search results for the text as choices.
 * @param {string} idOrText
 */
export async function editSong(idOrText) {
  const status = $("#edit-status");
  fill($("#edit-choices"));
  fill(status, tx("common.loading"));
  /** @type {HTMLInputElement} */ ($("#edit-id")).value = idOrText;
  try {
    /** @type {{ data: Song, etag: string | null }} */
    const { data, etag } = await json("GET", `/v1/songs/${encodeURIComponent(idOrText)}`);
    load(data, etag);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) {
      fill(status, errorBox(err));
      return;
    }
    await offerChoices(idOrText);
  }
}

/** @param {string} text */
async function offerChoices(text) {
  const status = $("#edit-status");
  try {
    /** @type {{ data: { items: Song[] } }} */
    const { data } = await json("GET", "/v1/songs", { query: { q: text, limit: 8 } });
    fill(status, tx(data.items.length ? "edit.choose" : "edit.noMatch", { text }));
    fill(
      $("#edit-choices"),
      data.items.map((song) =>
        h(
          "li",
          null,
          h(
            "button",
            { type: "button", class: "link-button", onclick: () => void editSong(song.id) },
            h("span", { lang: song.language }, song.title),
          ),
          ` — ${peopleNames(song.recordings[0]?.performers)} (${song.year}) `,
          h("code", null, song.id),
        ),
      ),
    );
  } catch (err) {
    fill(status, errorBox(err));
  }
}

/**
 * @param {Song} doc
 * @param {string | null} etag
 */
function load(doc, etag) {
  editing = { base: doc, etag, draft: structuredClone(doc) };
  fill($("#edit-choices"));
  clearMessages();
  $("#edit-history").hidden = true;
  renderForm();
  focusHeading($("#song-fields h3"));
}

function newSong() {
  editing = {
    base: null,
    etag: null,
    draft: {
      id: "",
      title: "",
      titleLatin: "",
      composers: [{ name: "" }],
      lyricists: [],
      country: "",
      language: "",
      themes: [],
      moods: [],
      notes: "",
      sources: [],
      recordings: [{ id: "", performers: [{ name: "" }], sources: [] }],
    },
  };
  clearMessages();
  fill($("#edit-choices"));
  $("#edit-history").hidden = true;
  renderForm();
  focusHeading($("#song-fields h3"));
}

/** @param {string | null} etag */
function versionOf(etag) {
  const m = /(\d+)/.exec(etag ?? "");
  return m ? Number(m[1]) : 0;
}

// ---- the form ------------------------------------------------------------------------------

/**
 * A labelled field bound to the draft. `path` is the API's field path (errors land here).
 * @param {object} o
 * @param {string} o.path
 * @param {string} o.labelKey
 * @param {Record<string, unknown>} [o.labelArgs]
 * @param {() => string} o.get
 * @param {(v: string) => void} o.set
 * @param {boolean} [o.multiline]
 * @param {boolean} [o.lines] a list edited one item per line (errors name the line)
 * @param {boolean} [o.readonly]
 * @param {string} [o.hintKey]
 * @param {string} [o.inputmode]
 * @param {string} [o.lang]
 * @param {string} [o.className]
 */
function field(o) {
  const id = nextId("f");
  const errorId = `${id}-error`;
  const hintId = o.hintKey ? `${id}-hint` : null;
  const describedBy = [hintId].filter(Boolean).join(" ") || null;
  const common = {
    id,
    readonly: o.readonly ? "" : null,
    "aria-describedby": describedBy,
    lang: o.lang,
    oninput: (/** @type {Event} */ e) => o.set(/** @type {HTMLInputElement} */ (e.target).value),
  };
  const control = o.multiline
    ? h("textarea", { ...common, rows: o.lines ? 3 : 2, value: o.get() })
    : h("input", { ...common, value: o.get(), inputmode: o.inputmode, autocomplete: "off" });
  return h(
    "div",
    {
      class: `field ${o.className ?? ""}`,
      "data-path": o.path,
      "data-lines": o.lines ? "" : null,
    },
    h("label", { for: id }, tx(o.labelKey, o.labelArgs)),
    control,
    hintId && o.hintKey ? h("small", { id: hintId, class: "hint" }, tx(o.hintKey)) : null,
    h("p", { class: "field-error", id: errorId, hidden: true }),
  );
}

/** @param {string} v */
const yearValue = (v) => (/^\s*\d+\s*$/.test(v) ? Number(v) : v.trim() === "" ? undefined : v);

/** @param {string} v */
const lineList = (v) =>
  v
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Editable list of people (composers, lyricists, performers).
 * @param {any[]} people
 * @param {string} path
 * @param {string} labelKey
 * @param {Record<string, unknown>} [labelArgs]
 */
function peopleEditor(people, path, labelKey, labelArgs) {
  const box = h("div", { class: "field people", "data-path": path });
  const render = () => {
    fill(
      box,
      h("span", { class: "picker-label" }, tx(labelKey, labelArgs)),
      h("p", { class: "field-error", hidden: true }),
      people.map((person, i) =>
        h(
          "div",
          { class: "person-row", "data-path": `${path}.${i}` },
          field({
            path: `${path}.${i}.name`,
            labelKey: "edit.personName",
            labelArgs: { n: i + 1 },
            get: () => person.name ?? "",
            set: (v) => (person.name = v),
          }),
          field({
            path: `${path}.${i}.nameLatin`,
            labelKey: "edit.personLatin",
            labelArgs: { n: i + 1 },
            get: () => person.nameLatin ?? "",
            set: (v) => (person.nameLatin = v),
          }),
          h(
            "button",
            {
              type: "button",
              class: "secondary small",
              "aria-label": t("edit.removePerson", { n: i + 1 }),
              "data-i18n-aria-label": "edit.removePerson",
              "data-i18n-args": JSON.stringify({ n: i + 1 }),
              onclick: () => {
                people.splice(i, 1);
                render();
                /** @type {HTMLElement | null} */ (box.querySelector("button"))?.focus();
              },
            },
            tx("edit.remove"),
          ),
          h("p", { class: "field-error", hidden: true }),
        ),
      ),
      h(
        "button",
        {
          type: "button",
          class: "secondary small add-person",
          onclick: () => {
            people.push({ name: "" });
            render();
            const inputs = box.querySelectorAll(".person-row input");
            /** @type {HTMLElement | undefined} */ (inputs[inputs.length - 2])?.focus();
          },
        },
        tx("edit.addPerson"),
      ),
    );
  };
  render();
  return box;
}

/**
 * @param {any} rec
 * @param {number} i
 * @param {() => void} rerender
 */
function recordingEditor(rec, i, rerender) {
  rec.performers ??= [];
  rec.sources ??= [];
  const d = /** @type {any[]} */ (editing?.draft.recordings);
  return h(
    "fieldset",
    { class: "recording-edit", "data-path": `recordings.${i}` },
    h("legend", null, tx("edit.recordingN", { n: i + 1 })),
    h("p", { class: "field-error", hidden: true }),
    h(
      "div",
      { class: "row" },
      field({
        path: `recordings.${i}.id`,
        labelKey: "edit.recordingId",
        hintKey: "edit.slugHint",
        get: () => rec.id ?? "",
        set: (v) => (rec.id = v.trim()),
      }),
      field({
        path: `recordings.${i}.year`,
        labelKey: "edit.recordingYear",
        inputmode: "numeric",
        className: "narrow",
        get: () => (rec.year === undefined ? "" : String(rec.year)),
        set: (v) => (rec.year = yearValue(v)),
      }),
    ),
    peopleEditor(rec.performers, `recordings.${i}.performers`, "edit.performers"),
    h(
      "div",
      { class: "field check", "data-path": `recordings.${i}.bestKnown` },
      h(
        "label",
        null,
        h("input", {
          type: "checkbox",
          checked: rec.bestKnown === true,
          onchange: (/** @type {Event} */ e) =>
            (rec.bestKnown = /** @type {HTMLInputElement} */ (e.target).checked),
        }),
        " ",
        tx("edit.bestKnown"),
      ),
    ),
    field({
      path: `recordings.${i}.notes`,
      labelKey: "edit.notes",
      multiline: true,
      get: () => rec.notes ?? "",
      set: (v) => (rec.notes = v),
    }),
    field({
      path: `recordings.${i}.sources`,
      labelKey: "edit.sources",
      hintKey: "edit.sourcesHint",
      multiline: true,
      lines: true,
      get: () => rec.sources.join("\n"),
      set: (v) => (rec.sources = lineList(v)),
    }),
    h(
      "button",
      {
        type: "button",
        class: "secondary small",
        onclick: () => {
          d.splice(i, 1);
          rerender();
        },
      },
      tx("edit.removeRecording", { n: i + 1 }),
    ),
  );
}

function renderForm() {
  if (!editing) return;
  const draft = editing.draft;
  const isNew = editing.base === null;
  const form = $("#song-form");
  form.hidden = false;
  draft.composers ??= [];
  draft.lyricists ??= [];
  draft.recordings ??= [];
  draft.sources ??= [];
  const recordings = h("div", { class: "recordings-edit", "data-path": "recordings" });
  const renderRecordings = () => {
    fill(
      recordings,
      h("h4", null, tx("edit.recordings")),
      h("p", { class: "field-error", hidden: true }),
      draft.recordings.map((/** @type {any} */ r, /** @type {number} */ i) =>
        recordingEditor(r, i, renderRecordings),
      ),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            draft.recordings.push({ id: "", performers: [{ name: "" }], sources: [] });
            renderRecordings();
            const legends = recordings.querySelectorAll("fieldset input");
            const firstOfLast = recordings.querySelector("fieldset:last-of-type input");
            /** @type {HTMLElement | null} */ (firstOfLast ?? legends[0] ?? null)?.focus();
          },
        },
        tx("edit.addRecording"),
      ),
    );
  };
  renderRecordings();
  const themes = termPicker({
    kind: "theme",
    labelKey: "edit.themes",
    selected: draft.themes ?? [],
    onChange: (ids) => (draft.themes = ids),
  });
  const moods = termPicker({
    kind: "mood",
    labelKey: "edit.moods",
    selected: draft.moods ?? [],
    onChange: (ids) => (draft.moods = ids),
  });
  fill(
    $("#song-fields"),
    h(
      "h3",
      null,
      isNew
        ? tx("edit.newTitle")
        : tx("edit.editingTitle", { title: draft.title, version: versionOf(editing.etag) }),
    ),
    h(
      "div",
      { class: "row" },
      field({
        path: "title",
        labelKey: "edit.title",
        hintKey: "edit.titleHint",
        get: () => draft.title ?? "",
        set: (v) => (draft.title = v),
      }),
      field({
        path: "titleLatin",
        labelKey: "edit.titleLatin",
        get: () => draft.titleLatin ?? "",
        set: (v) => (draft.titleLatin = v),
      }),
      field({
        path: "titleEnglish",
        labelKey: "edit.titleEnglish",
        lang: "en",
        get: () => draft.titleEnglish ?? "",
        set: (v) => (draft.titleEnglish = v),
      }),
    ),
    h(
      "div",
      { class: "row" },
      field({
        path: "id",
        labelKey: "edit.id",
        hintKey: isNew ? "edit.idHint" : "edit.idFixed",
        readonly: !isNew,
        get: () => draft.id ?? "",
        set: (v) => (draft.id = v.trim()),
      }),
      field({
        path: "year",
        labelKey: "edit.year",
        inputmode: "numeric",
        className: "narrow",
        get: () => (draft.year === undefined ? "" : String(draft.year)),
        set: (v) => (draft.year = yearValue(v)),
      }),
      field({
        path: "country",
        labelKey: "edit.country",
        hintKey: "edit.countryHint",
        className: "narrow",
        get: () => draft.country ?? "",
        set: (v) => (draft.country = v.trim()),
      }),
      field({
        path: "language",
        labelKey: "edit.language",
        hintKey: "edit.languageHint",
        className: "narrow",
        get: () => draft.language ?? "",
        set: (v) => (draft.language = v.trim()),
      }),
    ),
    h(
      "div",
      { class: "row" },
      peopleEditor(draft.composers, "composers", "edit.composers"),
      peopleEditor(draft.lyricists, "lyricists", "edit.lyricists"),
    ),
    h(
      "div",
      { class: "row" },
      h(
        "div",
        { class: "field", "data-path": "themes" },
        themes.el,
        h("p", { class: "field-error", hidden: true }),
      ),
      h(
        "div",
        { class: "field", "data-path": "moods" },
        moods.el,
        h("p", { class: "field-error", hidden: true }),
      ),
    ),
    field({
      path: "notes",
      labelKey: "edit.notes",
      multiline: true,
      get: () => draft.notes ?? "",
      set: (v) => (draft.notes = v),
    }),
    field({
      path: "sources",
      labelKey: "edit.sources",
      hintKey: "edit.sourcesHint",
      multiline: true,
      lines: true,
      get: () => draft.sources.join("\n"),
      set: (v) => (draft.sources = lineList(v)),
    }),
    recordings,
  );
  $("#edit-history-button").hidden = isNew;
}

/** What is sent: the draft without empty optional values. @param {any} draft */
function cleaned(draft) {
  const doc = structuredClone(draft);
  /** @param {any[]} people */
  const people = (people) =>
    (people ?? [])
      .filter((p) => (p.name ?? "").trim() || (p.nameLatin ?? "").trim())
      .map((p) => {
        const out = { ...p, name: (p.name ?? "").trim() };
        if ((p.nameLatin ?? "").trim()) out.nameLatin = p.nameLatin.trim();
        else delete out.nameLatin;
        return out;
      });
  for (const k of ["title", "titleLatin", "titleEnglish"]) {
    if (typeof doc[k] === "string") doc[k] = doc[k].trim();
  }
  if (!doc.titleEnglish) delete doc.titleEnglish;
  if (doc.year === undefined) delete doc.year;
  if (!doc.id && doc.titleLatin) doc.id = slug(doc.titleLatin);
  doc.composers = people(doc.composers);
  doc.lyricists = people(doc.lyricists);
  doc.recordings = (doc.recordings ?? []).map((/** @type {any} */ r) => {
    const out = { ...r, performers: people(r.performers) };
    if (out.year === undefined) delete out.year;
    if (!out.notes) delete out.notes;
    if (!out.bestKnown) delete out.bestKnown;
    return out;
  });
  return doc;
}

/** @param {string} text */
function slug(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// ---- saving --------------------------------------------------------------------------------

async function save() {
  if (!editing) return;
  clearMessages();
  const doc = cleaned(editing.draft);
  const comment = /** @type {HTMLInputElement} */ ($("#edit-comment")).value.trim();
  const isNew = editing.base === null;
  fill($("#edit-status"), tx("edit.saving"));
  try {
    /** @type {{ data: Song, etag: string | null }} */
    const res = isNew
      ? await json("POST", "/v1/songs", { body: doc, query: { comment } })
      : await json("PUT", `/v1/songs/${encodeURIComponent(doc.id)}`, {
          body: doc,
          ifMatch: editing.etag ?? undefined,
          query: { comment },
        });
    editing = { base: res.data, etag: res.etag, draft: structuredClone(res.data) };
    /** @type {HTMLInputElement} */ ($("#edit-comment")).value = "";
    renderForm();
    const status = $("#edit-status");
    fill(
      status,
      h(
        "p",
        { class: "success" },
        tx(isNew ? "edit.created" : "edit.saved", {
          title: res.data.title,
          version: versionOf(res.etag),
        }),
      ),
    );
    if (!$("#edit-history").hidden) await showHistory();
  } catch (err) {
    fill($("#edit-status"));
    if (!(err instanceof ApiError)) {
      fill($("#edit-messages"), errorBox(err));
      return;
    }
    if (err.status === 412) await showConflict(doc);
    else if (err.code === "duplicate") showDuplicate(err);
    else if (err.details.length && ["invalid_input", "unknown_term"].includes(err.code))
      showInvalid(err.details);
    else {
      fill(
        $("#edit-messages"),
        errorBox(err),
        err.status === 401 || err.status === 403 ? h("p", null, tx("key.hint")) : null,
      );
      if (err.status === 401 || err.status === 403) $("#editor-key").focus();
    }
  }
}

/**
 * Finds the form element for an API path: the longest prefix that names a field.
 * @param {string} path
 */
function fieldFor(path) {
  const form = $("#song-form");
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join(".");
    const el = form.querySelector(`[data-path="${CSS.escape(prefix)}"]`);
    if (el instanceof HTMLElement) return { el, rest: parts.slice(n) };
  }
  return null;
}

/** @param {HTMLElement} el */
function labelOf(el) {
  const own = el.querySelector("label, .picker-label")?.textContent?.trim() ?? "";
  const legend = el.closest("fieldset")?.querySelector("legend")?.textContent?.trim();
  return legend && legend !== own ? `${legend} › ${own}` : own;
}

/**
 * Shows each problem next to its field and a summary that links to them.
 * @param {IssueDetail[]} details
 * @param {boolean} [summary]
 */
function showErrors(details, summary = true) {
  /** @type {Node[]} */
  const items = [];
  for (const d of details) {
    const found = fieldFor(d.path);
    let text = d.problem;
    if (found && found.el.hasAttribute("data-lines") && found.rest[0] !== undefined) {
      text = t("edit.line", { n: Number(found.rest[0]) + 1, problem: d.problem });
    }
    if (found) {
      const target = found.el;
      const message = target.querySelector(":scope > .field-error");
      if (message instanceof HTMLElement) {
        message.hidden = false;
        append(message, [message.childNodes.length ? h("br") : null, text]);
      }
      target.classList.add("invalid");
      const control = target.querySelector("input, textarea, select");
      if (control instanceof HTMLElement) {
        control.setAttribute("aria-invalid", "true");
        if (message instanceof HTMLElement) {
          const ids = new Set((control.getAttribute("aria-describedby") ?? "").split(" "));
          if (!message.id) message.id = nextId("err");
          ids.add(message.id);
          control.setAttribute("aria-describedby", [...ids].filter(Boolean).join(" "));
        }
      }
      items.push(
        h(
          "li",
          null,
          h(
            "a",
            {
              href: "#",
              onclick: (/** @type {Event} */ e) => {
                e.preventDefault();
                const c = target.querySelector("input, textarea, select, button");
                if (c instanceof HTMLElement) c.focus();
              },
            },
            labelOf(target) || d.path,
          ),
          `: ${text}`,
        ),
      );
    } else {
      items.push(h("li", null, d.path ? [h("code", null, d.path), ": "] : null, text));
    }
  }
  if (!summary) return;
  const heading = h("h3", null, tx("edit.notSaved", { n: details.length }));
  fill(
    $("#edit-messages"),
    h("div", { class: "error-summary", role: "alert" }, heading, h("ul", null, items)),
  );
  focusHeading(heading);
}

/** @param {IssueDetail[]} details */
function showInvalid(details) {
  showErrors(details, true);
}

/** @param {ApiError} err */
function showDuplicate(err) {
  showErrors(err.details, false);
  const existing = err.details.map((d) => /"([^"]+)"/.exec(d.problem)?.[1]).find(Boolean);
  const heading = h("h3", null, tx("edit.duplicateTitle"));
  fill(
    $("#edit-messages"),
    h(
      "div",
      { class: "warning", role: "alert", "data-code": "duplicate" },
      heading,
      h("p", { lang: "en" }, err.message),
      h("p", null, tx("edit.duplicateHelp")),
      existing
        ? h(
            "p",
            { class: "actions" },
            h(
              "button",
              { type: "button", class: "secondary", onclick: () => hooks.openSong(existing) },
              tx("edit.duplicateShow", { id: existing }),
            ),
            " ",
            h(
              "button",
              { type: "button", class: "secondary", onclick: () => void editSong(existing) },
              tx("edit.duplicateEdit", { id: existing }),
            ),
          )
        : null,
    ),
  );
  focusHeading(heading);
}

/**
 * The top-level fields whose value differs.
 * @param {any} a
 * @param {any} b
 */
function changedKeys(a, b) {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...keys].filter((k) => JSON.stringify(a?.[k]) !== JSON.stringify(b?.[k]));
}

/**
 * 412: someone saved a newer version. Shows what changed meanwhile (the history entries after the
 * version this edit started from) and the person's own changes, then lets them re-apply their
 * changes on the current version (their value wins where both changed the same field) or discard.
 * @param {any} mine the cleaned draft that was refused
 */
async function showConflict(mine) {
  if (!editing?.base) return;
  const base = editing.base;
  const baseVersion = versionOf(editing.etag);
  const box = $("#edit-messages");
  try {
    const id = encodeURIComponent(base.id);
    const [cur, hist] = await Promise.all([
      /** @type {Promise<{ data: Song, etag: string | null }>} */ (json("GET", `/v1/songs/${id}`)),
      /** @type {Promise<{ data: { history: HistoryEntry[] } }>} */ (
        json("GET", `/v1/songs/${id}/history`)
      ),
    ]);
    const newer = hist.data.history.filter((e) => e.version > baseVersion).reverse();
    const startedFrom = cleaned(base);
    const mineChanged = changedKeys(startedFrom, mine);
    const theirs = new Set(newer.flatMap((e) => e.changes.map((c) => c.path.split(".")[0])));
    const both = mineChanged.filter((k) => theirs.has(k));
    const heading = h("h3", null, tx("conflict.title"));
    const reapply = () => {
      /** @type {any} */
      const merged = structuredClone(cur.data);
      for (const k of mineChanged) {
        if (k in mine) merged[k] = structuredClone(mine[k]);
        else delete merged[k];
      }
      editing = { base: cur.data, etag: cur.etag, draft: merged };
      renderForm();
      void save();
    };
    const discard = () => {
      load(cur.data, cur.etag);
      fill(
        $("#edit-status"),
        h("p", { class: "success" }, tx("conflict.discarded", { version: versionOf(cur.etag) })),
      );
    };
    fill(
      box,
      h(
        "div",
        { class: "warning conflict", role: "alert", "data-code": "precondition_failed" },
        heading,
        h("p", null, tx("conflict.explain", { mine: baseVersion, current: versionOf(cur.etag) })),
        h("h4", null, tx("conflict.theirs")),
        newer.length
          ? h("ol", { class: "history" }, newer.map(historyEntry))
          : h("p", null, tx("conflict.unknown")),
        h("h4", null, tx("conflict.mine")),
        mineChanged.length
          ? changesTable(
              mineChanged.map((k) => ({ path: k, before: startedFrom[k], after: mine[k] })),
              "conflict.mineCaption",
            )
          : h("p", null, tx("conflict.noChanges")),
        both.length
          ? h("p", { class: "note" }, tx("conflict.both", { fields: both.join(", ") }))
          : null,
        h(
          "p",
          { class: "actions" },
          h(
            "button",
            { type: "button", class: "primary", onclick: reapply, "data-action": "reapply" },
            tx("conflict.reapply"),
          ),
          " ",
          h(
            "button",
            { type: "button", class: "secondary", onclick: discard, "data-action": "discard" },
            tx("conflict.discard"),
          ),
        ),
      ),
    );
    focusHeading(heading);
  } catch (err) {
    fill(box, errorBox(err));
  }
}

// ---- history -------------------------------------------------------------------------------

async function showHistory() {
  if (!editing?.base) return;
  const panel = $("#edit-history");
  panel.hidden = false;
  fill(panel, tx("common.loading"));
  try {
    /** @type {{ data: { history: HistoryEntry[] } }} */
    const { data } = await json("GET", `/v1/songs/${encodeURIComponent(editing.base.id)}/history`);
    const heading = h("h3", null, tx("history.title", { title: editing.base.title }));
    fill(
      panel,
      heading,
      h("ol", { class: "history", reversed: "" }, [...data.history].reverse().map(historyEntry)),
    );
    focusHeading(heading);
  } catch (err) {
    fill(panel, errorBox(err));
  }
}

/** @param {HistoryEntry} e */
function historyEntry(e) {
  const whole = e.changes.length === 1 && e.changes[0]?.path === "";
  return h(
    "li",
    { class: "history-entry", "data-version": e.version },
    h(
      "p",
      { class: "history-head" },
      h("strong", null, tx("history.version", { n: e.version })),
      " · ",
      tx(`history.action.${e.action}`),
      " · ",
      tx("history.by", { actor: e.actor }),
      " · ",
      h("time", { datetime: e.at, "data-date": e.at }, formatDate(e.at)),
    ),
    e.comment ? h("p", { class: "history-comment" }, `“${e.comment}”`) : null,
    whole
      ? h(
          "details",
          null,
          h(
            "summary",
            null,
            tx(e.changes[0]?.after === undefined ? "history.removed" : "history.whole"),
          ),
          h("pre", null, JSON.stringify(e.changes[0]?.after ?? e.changes[0]?.before, null, 2)),
        )
      : changesTable(e.changes, "history.caption"),
  );
}

/**
 * @param {import("../types.js").FieldChange[]} changes
 * @param {string} captionKey
 */
function changesTable(changes, captionKey) {
  return h(
    "table",
    { class: "diff" },
    h("caption", { class: "visually-hidden" }, tx(captionKey)),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, tx("history.field")),
        h("th", { scope: "col" }, tx("history.before")),
        h("th", { scope: "col" }, tx("history.after")),
      ),
    ),
    h(
      "tbody",
      null,
      changes.map((c) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, h("code", null, c.path || "—")),
          h("td", null, c.before === undefined ? "—" : h("del", null, show(c.before))),
          h("td", null, c.after === undefined ? "—" : h("ins", null, show(c.after))),
        ),
      ),
    ),
  );
}

/** A value as a person reads it. @param {unknown} v */
function show(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"))
    return v.join(", ");
  const text = JSON.stringify(v);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
