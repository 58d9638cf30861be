// @ts-check
/** Pieces several screens show: an API error, a suggestion with its reasons and listening links. */
import { ApiError } from "../api.js";
import { extLink, h, peopleNames, providerName, score } from "../dom.js";
import { t, tx } from "../i18n.js";

/** @typedef {import("../types.js").Suggestion} Suggestion */

const KNOWN_CODES = new Set([
  "invalid_input",
  "unknown_term",
  "malformed_json",
  "not_found",
  "unauthorized",
  "forbidden",
  "duplicate",
  "conflict",
  "precondition_failed",
  "precondition_required",
  "anachronism",
  "payload_too_large",
  "unsupported_media_type",
  "network",
]);

/**
 * An error as a person reads it: what happened (in the page's language), the API's own message,
 * and each detail with the field it is about.
 * @param {unknown} err
 */
export function errorBox(err) {
  if (!(err instanceof ApiError)) {
    return h(
      "div",
      { class: "error", role: "alert" },
      h("strong", null, tx("error.unexpected")),
      " ",
      err instanceof Error ? err.message : String(err),
    );
  }
  const code = KNOWN_CODES.has(err.code) ? err.code : "other";
  return h(
    "div",
    { class: "error", role: "alert", "data-code": err.code },
    h("strong", null, tx(`error.${code}`, { status: err.status })),
    " ",
    h("span", { lang: "en" }, err.message),
    err.details.length
      ? h(
          "ul",
          null,
          err.details.map((d) =>
            h("li", null, d.path ? [h("code", null, d.path), ": "] : null, d.problem),
          ),
        )
      : null,
  );
}

/**
 * Links to hear a suggestion: a resolved streaming track ("play"), then listening searches.
 * @param {Suggestion} s
 */
export function playLinks(s) {
  /** @type {HTMLElement[]} */
  const links = [];
  for (const [provider, answer] of Object.entries(s.streaming ?? {})) {
    const url = answer?.url ?? answer?.best?.url;
    if (url && (answer.status === undefined || answer.status === "resolved")) {
      const a = extLink(url, ["▶ ", tx("listen.play", { provider: providerName(provider) })]);
      a.classList.add("play");
      links.push(a);
    }
  }
  for (const l of s.listening ?? []) {
    links.push(
      extLink(
        l.url,
        tx(l.kind === "search" ? "listen.search" : "listen.open", {
          provider: providerName(l.provider),
        }),
      ),
    );
  }
  return links.length
    ? h(
        "p",
        { class: "listen-links" },
        links.map((a, i) => [i > 0 ? " · " : null, a]),
      )
    : null;
}

/**
 * A suggested song: title, recording, score, and (optionally folded) reasons.
 * @param {Suggestion} s
 * @param {{ rank?: number, heading?: "h4" | "h5", foldReasons?: boolean, actions?: (Node | null)[], badge?: Node | null }} [opts]
 */
export function suggestionCard(s, opts = {}) {
  const reasons = h(
    "ul",
    { class: "reasons" },
    s.reasons.map((r) =>
      h(
        "li",
        null,
        h("span", { class: "factor", "data-i18n": `factor.${r.factor}` }, t(`factor.${r.factor}`)),
        h("span", { class: "contribution" }, `+${score(r.contribution)}`),
        h("span", { class: "reason-text", lang: "en" }, r.text),
      ),
    ),
  );
  return h(
    "article",
    { class: "suggestion", "data-song": s.song.id },
    h(
      "div",
      { class: "suggestion-head" },
      opts.rank !== undefined ? h("span", { class: "rank" }, `${opts.rank}.`) : null,
      h(
        opts.heading ?? "h4",
        { class: "suggestion-title" },
        h("span", { class: "title-original", lang: s.song.language }, s.song.title),
        s.song.titleEnglish && s.song.titleEnglish !== s.song.title
          ? h("span", { class: "title-en", lang: "en" }, ` — ${s.song.titleEnglish}`)
          : null,
      ),
      opts.badge ?? null,
      h(
        "span",
        { class: "score" },
        h("span", { class: "visually-hidden" }, tx("suggestion.score")),
        " ",
        h("meter", { min: 0, max: 1, value: s.score, "aria-hidden": "true" }),
        " ",
        h("span", { class: "score-value" }, score(s.score)),
      ),
    ),
    h(
      "p",
      { class: "recording" },
      peopleNames(s.recording.performers),
      " · ",
      s.recording.year ? String(s.recording.year) : tx("song.undated"),
    ),
    opts.foldReasons
      ? h("details", { class: "reasons-fold" }, h("summary", null, tx("suggestion.why")), reasons)
      : reasons,
    playLinks(s),
    opts.actions && opts.actions.some(Boolean) ? h("p", { class: "actions" }, opts.actions) : null,
  );
}

/**
 * Adds play links to cards already shown, once the streaming resolution (asked for in the
 * background, since it may take a few seconds) arrives. Cards are found by their song id.
 * @param {Element} root
 * @param {Suggestion[]} items
 */
export function upgradePlayLinks(root, items) {
  for (const item of items) {
    for (const card of root.querySelectorAll(
      `.suggestion[data-song="${CSS.escape(item.song.id)}"]`,
    )) {
      const next = playLinks(item);
      if (!next) continue;
      const old = card.querySelector(":scope > .listen-links");
      if (old) old.replaceWith(next);
      else card.querySelector(":scope > .reasons, :scope > .reasons-fold")?.after(next);
    }
  }
}
