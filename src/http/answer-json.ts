/**
 * The JSON body of suggestion answers, byte for byte what JSON.stringify would give, but built from
 * memoised UTF-8 encodings: a song with the recording recommended, and a recording's listening
 * links, are immutable objects shared by every answer that mentions them (an edit makes new
 * objects), so each is serialised and encoded once; so are keys, rounded numbers and the
 * ranker's recurring sentences. Per request, the body is mostly copies of those bytes into one
 * buffer. (Stringifying and encoding ten full songs per answer cost as much as ranking them.)
 *
 * Suggestions and reasons of the usual shape are written by code that knows their keys; anything
 * else (extra keys, other orders, missing values) goes through the general writer.
 */

import type { ServerResponse } from "node:http";
import { Memo } from "../domain/memo.js";

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
 * Writes the body's bytes straight into room cut from a block: ready-made bytes (fragments, and
 * the memoised encodings of keys, numbers and sentences below) are copied in, other text is
 * encoded in place. The room grows (into a buffer of its own) if an answer outgrows it.
 */
class BodyWriter {
  private static readonly ROOM = 64 * 1024;
  private room = blocks.reserve(BodyWriter.ROOM);
  private at = 0;

  write(text: string): void {
    this.ensure(3 * text.length);
    this.at += this.room.write(text, this.at);
  }

  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.room.set(bytes, this.at);
    this.at += bytes.length;
  }

  finish(): Buffer {
    return blocks.keep(this.room, this.at);
  }

  private ensure(more: number): void {
    if (this.at + more <= this.room.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.room.length, this.at + more));
    this.room.copy(bigger, 0, 0, this.at);
    this.room = bigger;
  }
}

/** `"key":` and `,"key":`, quoted and encoded once per distinct key (answers use a handful). */
const quotedKeys = new Memo<string, { first: Buffer; next: Buffer }>(1000);
function quoteKey(key: string): { first: Buffer; next: Buffer } {
  const text = `${JSON.stringify(key)}:`;
  return { first: Buffer.from(text), next: Buffer.from(`,${text}`) };
}
function quotedKey(key: string, first: boolean): Buffer {
  const quoted = quotedKeys.get(key, quoteKey);
  return first ? quoted.first : quoted.next;
}

/**
 * Scores and contributions are rounded to thousandths in [0, 1]; their text is looked up, since
 * turning a fraction into its shortest decimal text is slow.
 */
const THOUSANDTHS = Array.from({ length: 1001 }, (_, k) => Buffer.from(String(k / 1000)));

/** Writes the JSON of a value; numbers without JSON.stringify, which is slow per call. */
function writeJson(out: BodyWriter, value: unknown): void {
  if (typeof value === "number") {
    const k = Math.round(value * 1000);
    // The same number gives the same text, so the table is exact whenever it applies.
    if (k >= 0 && k <= 1000 && k / 1000 === value) out.bytes(THOUSANDTHS[k] as Buffer);
    else out.write(Number.isFinite(value) ? String(value) : "null");
    return;
  }
  out.write(JSON.stringify(value));
}

/**
 * `,"text":"…"}`, the end of a reason, for a sentence. The ranker hands out the same string object
 * for a recurring sentence (scoring/reason-memo.ts), so its encoding is looked up, not made again.
 */
const reasonEnds = new Memo<string, Buffer>(20_000);
const reasonEnd = (text: string) => Buffer.from(`,"text":${JSON.stringify(text)}}`);

/** `{"factor":"…","contribution":`, the start of a reason, per factor name. */
const reasonStarts = new Memo<string, Buffer>(100);
const reasonStart = (factor: string) =>
  Buffer.from(`{"factor":${JSON.stringify(factor)},"contribution":`);

/** Whether an object's own enumerable keys are exactly these, in this order. */
function hasKeys(value: object, expected: readonly string[]): boolean {
  // Plain objects only (so for…in lists exactly the own enumerable keys), without allocating
  // a key list per object as Object.keys would.
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let k = 0;
  for (const key in value) if (key !== expected[k++]) return false;
  return k === expected.length;
}

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;

/** Writes an array element that is not an object, as JSON.stringify writes it. */
function writeElement(out: BodyWriter, v: unknown): void {
  if (v === undefined || typeof v === "function" || typeof v === "symbol") out.bytes(NULL);
  else writeJson(out, v);
}

const NULL = Buffer.from("null");
const OPEN = Buffer.from("{");
const CLOSE = Buffer.from("}");
const OPEN_LIST = Buffer.from("[");
const CLOSE_LIST = Buffer.from("]");
const COMMA = Buffer.from(",");
const REASONS = Buffer.from(',"reasons":');

/** Writes `{"k":v,...}` for the own enumerable keys, skipping undefined values as JSON does. */
function writeObject(
  out: BodyWriter,
  value: Record<string, unknown>,
  member: (key: string, v: unknown) => void,
): void {
  let first = true;
  out.bytes(OPEN);
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    out.bytes(quotedKey(key, first));
    first = false;
    member(key, v);
  }
  out.bytes(CLOSE);
}

/** A reason: a flat object of strings and numbers, written without JSON.stringify's set-up cost. */
function writeReason(out: BodyWriter, reason: unknown): void {
  if (!isObject(reason)) {
    writeElement(out, reason);
    return;
  }
  const r = reason as Record<string, unknown>;
  if (
    hasKeys(reason, REASON_KEYS) &&
    typeof r.factor === "string" &&
    typeof r.contribution === "number" &&
    typeof r.text === "string"
  ) {
    out.bytes(reasonStarts.get(r.factor, reasonStart));
    writeJson(out, r.contribution);
    out.bytes(reasonEnds.get(r.text, reasonEnd));
    return;
  }
  writeObject(out, r, (_key, v) => writeJson(out, v));
}

/** Writes `[…]`, each element by `writeItem` (a function made once, not per call). */
function writeList(
  out: BodyWriter,
  items: readonly unknown[],
  writeItem: (out: BodyWriter, item: unknown) => void,
): void {
  out.bytes(OPEN_LIST);
  for (let k = 0; k < items.length; k++) {
    if (k > 0) out.bytes(COMMA);
    writeItem(out, items[k]);
  }
  out.bytes(CLOSE_LIST);
}

/**
 * `{"song":…,"recording":…,"score":` for a song and the recording recommended, encoded once per
 * pair (kept with the recording, and made again if its song is not the one it was made for).
 */
const heads = new WeakMap<object, { song: object; bytes: Buffer }>();
function suggestionHead(song: object, recording: object): Buffer {
  const known = heads.get(recording);
  if (known !== undefined && known.song === song) return known.bytes;
  const bytes = Buffer.from(
    `{"song":${JSON.stringify(song)},"recording":${JSON.stringify(recording)},"score":`,
  );
  heads.set(recording, { song, bytes });
  return bytes;
}

/** `,"listening":…}` for a recording's listening links, encoded once. */
const tails = new WeakMap<object, Buffer>();
function suggestionTail(listening: object): Buffer {
  let bytes = tails.get(listening);
  if (bytes === undefined) {
    bytes = Buffer.from(`,"listening":${JSON.stringify(listening)}}`);
    tails.set(listening, bytes);
  }
  return bytes;
}

function writeSuggestion(out: BodyWriter, suggestion: unknown): void {
  if (!isObject(suggestion)) {
    writeElement(out, suggestion);
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
    out.bytes(suggestionHead(s.song, s.recording));
    writeJson(out, s.score);
    out.bytes(REASONS);
    writeList(out, s.reasons as unknown[], writeReason);
    out.bytes(suggestionTail(s.listening));
    return;
  }
  writeObject(out, s, (key, v) => {
    if (SHARED.has(key) && isObject(v)) out.bytes(fragment(v));
    else if (key === "reasons" && Array.isArray(v)) writeList(out, v as unknown[], writeReason);
    else writeJson(out, v);
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
    writeList(out, v as unknown[], writeSuggestion);
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
  // Headers as a flat list: when nothing was set before, node writes them without building its
  // header map first.
  res.writeHead(200, [
    "Content-Type",
    "application/json; charset=utf-8",
    "Content-Length",
    String(body.length),
  ]);
  res.end(body);
}
