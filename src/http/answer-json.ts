/**
 * JSON text of suggestion answers, byte-for-byte what JSON.stringify would give, but built from
 * memoised fragments: a song, a recording and its listening links are immutable objects shared
 * by every answer that mentions them (an edit makes new objects), so each is serialised once and
 * reused. Serialising ten full songs was a fifth of the time a new suggestion cost.
 */

/** Keys of a suggestion whose values are shared, immutable objects. */
const SHARED = new Set(["song", "recording", "listening"]);

const fragments = new WeakMap<object, string>();
const answers = new WeakMap<object, string>();

function fragment(value: object): string {
  let text = fragments.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    fragments.set(value, text);
  }
  return text;
}

/** `{"k":v,...}` for the own enumerable keys, skipping undefined values as JSON.stringify does. */
function objectJson(
  value: Record<string, unknown>,
  member: (key: string, v: unknown) => string,
): string {
  let out = "{";
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${JSON.stringify(key)}:${member(key, v)}`;
  }
  return `${out}}`;
}

function suggestionJson(s: object): string {
  return objectJson(s as Record<string, unknown>, (key, v) =>
    SHARED.has(key) && typeof v === "object" && v !== null ? fragment(v) : JSON.stringify(v),
  );
}

/**
 * An answer with a `suggestions` array (suggestions, or anything shaped like them). Answers that
 * are cached (services/suggest.ts) are read-only, so their text is remembered too.
 */
export function answerJson(answer: { suggestions: readonly object[] }): string {
  const known = answers.get(answer);
  if (known !== undefined) return known;
  const text = objectJson(answer as unknown as Record<string, unknown>, (key, v) =>
    key === "suggestions" && Array.isArray(v)
      ? `[${v.map((s: object) => suggestionJson(s)).join(",")}]`
      : JSON.stringify(v),
  );
  answers.set(answer, text);
  return text;
}
