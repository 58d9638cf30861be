// @ts-check
/**
 * Vocabulary pickers: the themes and moods a person may choose come from GET /v1/vocabulary, never
 * from free text. A picker shows the chosen terms as removable chips and adds one from a list.
 */
import { fill, h, nextId } from "./dom.js";
import { t, termLabel, tx, vocabulary } from "./i18n.js";

/** @typedef {"theme" | "mood"} TermKind */

/**
 * The options of a term list: themes in hierarchy order (narrower themes indented under their
 * parent), moods alphabetically by id.
 * @param {TermKind} kind
 */
export function termOptions(kind) {
  const v = vocabulary();
  if (kind === "mood") {
    return v.moods.map((m) =>
      h("option", { value: m.id, "data-term": `mood:${m.id}` }, termLabel("mood", m.id)),
    );
  }
  /** @type {HTMLOptionElement[]} */
  const out = [];
  /** @param {string | null} parent @param {number} depth */
  const walk = (parent, depth) => {
    for (const theme of v.themes.filter((x) => x.parent === parent)) {
      out.push(
        h(
          "option",
          { value: theme.id, "data-term": `theme:${theme.id}`, "data-depth": depth },
          termLabel("theme", theme.id, depth),
        ),
      );
      walk(theme.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * Fills a <select> with an empty "any" choice and the vocabulary terms.
 * @param {HTMLSelectElement} select
 * @param {TermKind} kind
 * @param {string} emptyKey i18n key of the empty choice
 */
export function fillTermSelect(select, kind, emptyKey) {
  const value = select.value;
  fill(select, h("option", { value: "", "data-i18n": emptyKey }, t(emptyKey)), termOptions(kind));
  select.value = value;
}

/**
 * @typedef {object} PickerOptions
 * @property {TermKind} kind
 * @property {string} labelKey i18n key of the picker's label
 * @property {string[]} [selected]
 * @property {(id: string) => string | null} [note] small text after a chip (e.g. matched words)
 * @property {(ids: string[]) => void} [onChange]
 * @property {string} [path] the API field path (for validation messages)
 */

/**
 * @param {PickerOptions} opts
 * @returns {{ el: HTMLElement, get(): string[], set(ids: string[]): void }}
 */
export function termPicker(opts) {
  /** @type {string[]} */
  let ids = [...(opts.selected ?? [])];
  const labelId = nextId("picker");
  const chips = h("ul", { class: "chips" });
  const select = h("select", {
    "aria-label": t(opts.kind === "theme" ? "picker.addTheme" : "picker.addMood"),
    "data-i18n-aria-label": opts.kind === "theme" ? "picker.addTheme" : "picker.addMood",
  });
  fillTermSelect(
    select,
    opts.kind,
    opts.kind === "theme" ? "picker.chooseTheme" : "picker.chooseMood",
  );
  const add = h(
    "button",
    { type: "button", class: "secondary small", onclick: () => addSelected() },
    tx("picker.add"),
  );
  const el = h(
    "div",
    {
      class: "picker",
      role: "group",
      "aria-labelledby": labelId,
      "data-path": opts.path,
      "data-kind": opts.kind,
    },
    h("span", { class: "picker-label", id: labelId }, tx(opts.labelKey)),
    chips,
    h("span", { class: "picker-add" }, select, add),
  );

  const changed = () => {
    render();
    opts.onChange?.([...ids]);
  };

  const addSelected = () => {
    const id = select.value;
    if (id && !ids.includes(id)) {
      ids.push(id);
      changed();
    }
    select.value = "";
    select.focus();
  };

  const render = () => {
    if (ids.length === 0) {
      fill(chips, h("li", { class: "chip-none" }, tx("picker.none")));
      return;
    }
    fill(
      chips,
      ids.map((id, i) => {
        const note = opts.note?.(id);
        return h(
          "li",
          { class: "chip", "data-id": id },
          h("span", { "data-term": `${opts.kind}:${id}` }, termLabel(opts.kind, id)),
          note ? h("small", { class: "chip-note" }, note) : null,
          h(
            "button",
            {
              type: "button",
              class: "chip-remove",
              "aria-label": t("picker.remove", { label: termLabel(opts.kind, id) }),
              "data-i18n-aria-label": "picker.remove",
              "data-i18n-args": JSON.stringify({ label: `@term:${opts.kind}:${id}` }),
              onclick: () => {
                ids = ids.filter((x) => x !== id);
                changed();
                // keep the keyboard user in the list: the next chip's button, else the list
                const next =
                  chips.querySelectorAll("button.chip-remove")[Math.min(i, ids.length - 1)];
                if (next instanceof HTMLElement) next.focus();
                else select.focus();
              },
            },
            "×",
          ),
        );
      }),
    );
  };
  render();
  return {
    el,
    get: () => [...ids],
    set: (next) => {
      ids = [...next];
      render();
    },
  };
}
