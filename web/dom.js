// @ts-check
/**
 * A tiny DOM builder and the few display helpers every screen shares. Translated text is written
 * as `data-i18n` attributes (see i18n.js `tx`), so switching language re-labels the page in place.
 */

/** @typedef {Node | string | number | null | undefined | false} Child */
/** @typedef {Child | Child[]} Child1 */
/** @typedef {Child1 | Child1[]} Child2 */
/** Nested lists of children are flattened (three levels deep). @typedef {Child2 | Child2[]} Children */

/**
 * Creates an element. `attrs`: `class`, `text`, `on<event>` handlers, `hidden`/`disabled`/`checked`
 * /`open` booleans, `value`, anything else as an attribute (skipped when null/undefined/false).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown> | null} [attrs]
 * @param {...Children} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") el.className = String(value);
    else if (name === "text") el.textContent = String(value);
    else if (name.startsWith("on") && typeof value === "function")
      el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (name === "value") /** @type {HTMLInputElement} */ (el).value = String(value);
    else if (["hidden", "disabled", "checked", "open", "required", "multiple"].includes(name))
      /** @type {any} */ (el)[name] = Boolean(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {Children[]} children
 */
export function append(el, children) {
  for (const child of /** @type {Child[]} */ (children.flat(Infinity))) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "number" ? String(child) : child);
  }
}

/**
 * Replaces an element's content.
 * @param {Element} el
 * @param {...Children} children
 */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * @template {Element} [T=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {T}
 */
export function $(selector, root = document) {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return /** @type {T} */ (el);
}

/** @param {import("./types.js").Person} p */
export function personName(p) {
  return p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name;
}

/** @param {import("./types.js").Person[] | undefined} people */
export function peopleNames(people) {
  return (people ?? []).map(personName).join(", ");
}

/** @param {number} n */
export function score(n) {
  return n.toFixed(2);
}

/** An external link that opens in a new tab. @param {string} url @param {Children} [text] */
export function extLink(url, text) {
  return h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text ?? url);
}

/** A file name safe on every system. @param {string} name */
export function safeFileName(name) {
  return (
    name
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}_-]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "soundtrack"
  );
}

/**
 * Offers a Blob as a download with a meaningful file name (an <a download> click).
 * @param {Blob} blob
 * @param {string} fileName
 */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Moves keyboard focus to an element that is not normally focusable (a heading). @param {HTMLElement} el */
export function focusHeading(el) {
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus();
}

let uid = 0;
/** A unique id for label/aria wiring. @param {string} prefix */
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** @param {string} url */
export function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** @param {string} provider */
export function providerName(provider) {
  /** @type {Record<string, string>} */
  const names = { youtube: "YouTube", "yandex-music": "Yandex Music", spotify: "Spotify" };
  return names[provider] ?? provider;
}
