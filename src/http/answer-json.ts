/**
 * The JSON body of suggestion answers, byte for byte what JSON.stringify would give, but built from
 * memoised UTF-8 fragments: a song, a recording and its listening links are immutable objects
 * shared by every answer that mentions them (an edit makes new objects), so each is serialised
 * and encoded once. Only the per-request parts (scores, reasons, the interpretation) are
 * serialised per request, and the body goes out as one buffer with nothing left to encode.
 * (Stringifying and encoding ten full songs per answer cost as much as ranking them.)
 */

/** Keys of a suggestion whose values are shared, immutable objects. */
const SHARED = new Set(["song", "recording", "listening"]);

const fragments = new WeakMap<object, Buffer>();
const bodies = new WeakMap<object, Buffer>();

function fragment(value: object): Buffer {
  let bytes = fragments.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value));
    fragments.set(value, bytes);
  }
  return bytes;
}

/**
 * Collects text and ready-made byte fragments in order, then encodes the text straight into the
 * one body buffer (no intermediate buffer per piece).
 */
class BodyWriter {
  private readonly parts: (string | Buffer)[] = [];
  private text = "";

  write(text: string): void {
    this.text += text;
  }

  writeBytes(bytes: Buffer): void {
    if (this.text) this.parts.push(this.text);
    this.text = "";
    this.parts.push(bytes);
  }

  finish(): Buffer {
    if (this.text) this.parts.push(this.text);
    this.text = "";
    let size = 0;
    for (const part of this.parts)
      size += typeof part === "string" ? Buffer.byteLength(part) : part.length;
    const body = Buffer.allocUnsafe(size);
    let at = 0;
    for (const part of this.parts)
      at += typeof part === "string" ? body.write(part, at) : part.copy(body, at);
    return body;
  }
}

/** `"key":` and `,"key":`, quoted once per distinct key (answers use a handful). */
const quotedKeys = new Map<string, { first: string; next: string }>();
function quotedKey(key: string, first: boolean): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    const text = `${JSON.stringify(key)}:`;
    quoted = { first: text, next: `,${text}` };
    if (quotedKeys.size < 1000) quotedKeys.set(key, quoted);
  }
  return first ? quoted.first : quoted.next;
}

/**
 * Scores and contributions are rounded to thousandths in [0, 1]; their text is looked up, since
 * turning a fraction into its shortest decimal text is slow.
 */
const THOUSANDTHS = Array.from({ length: 1001 }, (_, k) => String(k / 1000));

/** JSON of a value; numbers and plain objects directly, since JSON.stringify per call is slow. */
function json(value: unknown): string {
  if (typeof value === "number") {
    const k = Math.round(value * 1000);
    // The same number gives the same text, so the table is exact whenever it applies.
    if (k >= 0 && k <= 1000 && k / 1000 === value) return THOUSANDTHS[k] as string;
    return Number.isFinite(value) ? String(value) : "null";
  }
  return JSON.stringify(value);
}

/** Writes `{"k":v,...}` for the own enumerable keys, skipping undefined values as JSON does. */
function writeObject(
  out: BodyWriter,
  value: Record<string, unknown>,
  member: (key: string, v: unknown) => void,
): void {
  let first = true;
  out.write("{");
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    out.write(quotedKey(key, first));
    first = false;
    member(key, v);
  }
  out.write("}");
}

/** A reason: a flat object of strings and numbers, written without JSON.stringify's set-up cost. */
function writeFlat(out: BodyWriter, value: object): void {
  writeObject(out, value as Record<string, unknown>, (_key, v) => out.write(json(v)));
}

function writeSuggestion(out: BodyWriter, s: object): void {
  writeObject(out, s as Record<string, unknown>, (key, v) => {
    if (SHARED.has(key) && typeof v === "object" && v !== null) out.writeBytes(fragment(v));
    else if (key === "reasons" && Array.isArray(v)) {
      out.write("[");
      v.forEach((reason: object, i) => {
        if (i > 0) out.write(",");
        writeFlat(out, reason);
      });
      out.write("]");
    } else out.write(json(v));
  });
}

/**
 * The body of an answer with a `suggestions` array (suggestions, or anything shaped like them).
 * Answers that are cached (services/suggest.ts) are read-only, so their body is remembered too.
 */
export function answerBody(answer: { suggestions: readonly object[] }): Buffer {
  const known = bodies.get(answer);
  if (known !== undefined) return known;
  const out = new BodyWriter();
  writeObject(out, answer as unknown as Record<string, unknown>, (key, v) => {
    if (key !== "suggestions" || !Array.isArray(v)) {
      out.write(JSON.stringify(v));
      return;
    }
    out.write("[");
    v.forEach((s: object, i) => {
      if (i > 0) out.write(",");
      writeSuggestion(out, s);
    });
    out.write("]");
  });
  const body = out.finish();
  bodies.set(answer, body);
  return body;
}
