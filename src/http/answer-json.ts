/**
 * The JSON body of suggestion answers, byte for byte what JSON.stringify would give, but built from
 * memoised UTF-8 fragments: a song, a recording and its listening links are immutable objects
 * shared by every answer that mentions them (an edit makes new objects), so each is serialised
 * and encoded once. Only the per-request parts (scores, reasons, the interpretation) are
 * serialised per request, and the body goes out as one buffer with nothing left to encode.
 * (Stringifying and encoding ten full songs per answer cost as much as ranking them.)
 *
 * Suggestions and reasons of the usual shape are written by code that knows their keys; anything
 * else (extra keys, other orders, missing values) goes through the general writer.
 */

import type { ServerResponse } from "node:http";

/** Keys of a suggestion whose values are shared, immutable objects. */
const SHARED = new Set(["song", "recording", "listening"]);
const SUGGESTION_KEYS = ["song", "recording", "score", "reasons", "listening"] as const;
const REASON_KEYS = ["factor", "contribution", "text"] as const;

const fragments = new WeakMap<object, Buffer>();

function fragment(value: object): Buffer {
  let bytes = fragments.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value));
    fragments.set(value, bytes);
  }
  return bytes;
}

/**
 * Hands out body buffers cut from larger blocks, so an answer does not allocate an ArrayBuffer
 * of its own (that allocation cost as much as writing the body). No byte of a block is handed
 * out twice; a block is freed once every body cut from it is.
 */
class BodyBlocks {
  private static readonly SIZE = 256 * 1024;
  private block = Buffer.allocUnsafeSlow(BodyBlocks.SIZE);
  private used = 0;

  /** Room for up to `max` bytes; say with `keep` how many were used. */
  reserve(max: number): Buffer {
    if (max > BodyBlocks.SIZE / 4) return Buffer.allocUnsafe(max);
    if (this.used + max > BodyBlocks.SIZE) {
      this.block = Buffer.allocUnsafeSlow(BodyBlocks.SIZE);
      this.used = 0;
    }
    return this.block.subarray(this.used, this.used + max);
  }

  keep(room: Buffer, bytes: number): Buffer {
    if (room.buffer === this.block.buffer) this.used += Math.ceil(bytes / 8) * 8;
    return room.subarray(0, bytes);
  }
}

const blocks = new BodyBlocks();

/**
 * Collects text and ready-made byte fragments in order, then encodes the text straight into the
 * body buffer (no intermediate buffer per piece). The buffer is sized for the worst case (three
 * UTF-8 bytes per UTF-16 unit of text) rather than measuring each piece.
 */
class BodyWriter {
  private readonly parts: (string | Buffer)[] = [];
  private text = "";
  private bound = 0;

  write(text: string): void {
    this.text += text;
  }

  writeBytes(bytes: Buffer): void {
    this.flushText();
    this.parts.push(bytes);
    this.bound += bytes.length;
  }

  finish(): Buffer {
    this.flushText();
    const room = blocks.reserve(this.bound);
    let at = 0;
    for (const part of this.parts)
      at += typeof part === "string" ? room.write(part, at) : part.copy(room, at);
    return blocks.keep(room, at);
  }

  private flushText(): void {
    if (!this.text) return;
    this.parts.push(this.text);
    this.bound += 3 * this.text.length;
    this.text = "";
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

/** JSON of a short string that recurs (factor names), quoted once. */
const quotedNames = new Map<string, string>();
function quotedName(name: string): string {
  let quoted = quotedNames.get(name);
  if (quoted === undefined) {
    quoted = JSON.stringify(name);
    if (quotedNames.size < 100) quotedNames.set(name, quoted);
  }
  return quoted;
}

/**
 * JSON of a reason's sentence. The ranker hands out the same string object for a recurring
 * sentence (scoring/reason-memo.ts), so its quoted form is looked up rather than made again.
 */
const quotedTexts = new Map<string, string>();
function quotedText(text: string): string {
  let quoted = quotedTexts.get(text);
  if (quoted === undefined) {
    quoted = JSON.stringify(text);
    if (quotedTexts.size >= 20_000) quotedTexts.clear();
    quotedTexts.set(text, quoted);
  }
  return quoted;
}

/** Whether an object's own enumerable keys are exactly these, in this order. */
function hasKeys(value: object, expected: readonly string[]): boolean {
  const keys = Object.keys(value);
  if (keys.length !== expected.length) return false;
  for (let k = 0; k < keys.length; k++) if (keys[k] !== expected[k]) return false;
  return true;
}

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;

/** An array element that is not an object, as JSON.stringify writes it. */
function element(v: unknown): string {
  return v === undefined || typeof v === "function" || typeof v === "symbol" ? "null" : json(v);
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
function writeReason(out: BodyWriter, reason: unknown): void {
  if (!isObject(reason)) {
    out.write(element(reason));
    return;
  }
  const r = reason as Record<string, unknown>;
  if (
    hasKeys(reason, REASON_KEYS) &&
    typeof r.factor === "string" &&
    typeof r.contribution === "number" &&
    typeof r.text === "string"
  ) {
    out.write(
      `{"factor":${quotedName(r.factor)},"contribution":${json(r.contribution)},"text":${quotedText(r.text)}}`,
    );
    return;
  }
  writeObject(out, r, (_key, v) => out.write(json(v)));
}

function writeReasons(out: BodyWriter, reasons: readonly unknown[]): void {
  out.write("[");
  for (let k = 0; k < reasons.length; k++) {
    if (k > 0) out.write(",");
    writeReason(out, reasons[k]);
  }
  out.write("]");
}

function writeSuggestion(out: BodyWriter, suggestion: unknown): void {
  if (!isObject(suggestion)) {
    out.write(element(suggestion));
    return;
  }
  const s = suggestion as Record<string, unknown>;
  if (
    hasKeys(suggestion, SUGGESTION_KEYS) &&
    isObject(s.song) &&
    isObject(s.recording) &&
    typeof s.score === "number" &&
    Array.isArray(s.reasons) &&
    isObject(s.listening)
  ) {
    out.write('{"song":');
    out.writeBytes(fragment(s.song));
    out.write(',"recording":');
    out.writeBytes(fragment(s.recording));
    out.write(`,"score":${json(s.score)},"reasons":`);
    writeReasons(out, s.reasons as unknown[]);
    out.write(',"listening":');
    out.writeBytes(fragment(s.listening));
    out.write("}");
    return;
  }
  writeObject(out, s, (key, v) => {
    if (SHARED.has(key) && isObject(v)) out.writeBytes(fragment(v));
    else if (key === "reasons" && Array.isArray(v)) writeReasons(out, v as unknown[]);
    else out.write(json(v));
  });
}

/**
 * Answers served a second time (services/suggest.ts caches repeated ones; they are read-only)
 * keep their body, in a buffer of its own so it does not hold a whole block alive.
 */
const servedOnce = new WeakSet<object>();
const bodies = new WeakMap<object, Buffer>();

/** The body of an answer with a `suggestions` array (suggestions, or anything shaped like them). */
export function answerBody(answer: { suggestions: readonly unknown[] }): Buffer {
  const known = bodies.get(answer);
  if (known !== undefined) return known;
  const out = new BodyWriter();
  writeObject(out, answer as unknown as Record<string, unknown>, (key, v) => {
    if (key !== "suggestions" || !Array.isArray(v)) {
      out.write(JSON.stringify(v));
      return;
    }
    out.write("[");
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.write(",");
      writeSuggestion(out, v[i]);
    }
    out.write("]");
  });
  const body = out.finish();
  if (!servedOnce.has(answer)) {
    servedOnce.add(answer);
    return body;
  }
  const own = Buffer.from(body);
  bodies.set(answer, own);
  return own;
}

/**
 * Sends a ready JSON body as is: express's send would look up the media type and check request
 * freshness for every answer, though a computed answer has neither a type to guess nor a
 * validator to compare.
 */
export function sendBody(res: ServerResponse, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", body.length);
  res.end(body);
}
