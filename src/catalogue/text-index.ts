/**
 * How relevant a scene description is to each song's titles and notes: a compact inverted index
 * of Russian/English stems with BM25 weighting, built once and updated per song.
 *
 * Rules: stopwords are dropped; a stem found in more than a quarter of all songs is ignored at
 * query time (it cannot tell songs apart, and its long posting list would dominate the cost);
 * a title hit counts double; the result is normalised so the best song scores 1.
 * Songs live in numbered slots and postings are plain arrays, so a query only adds numbers into a
 * reused score array (no allocation per matching song).
 */
import { stem } from "../analysis/stemmer.js";
import { isStopword, tokenize } from "../analysis/text.js";

export interface TextRelevance {
  value: number;
  terms: string[];
}

const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 2;
const MAX_SHARE = 0.25;
/** Query words beyond this many are ignored (the hit mask has 32 bits). */
const MAX_QUERY_TERMS = 32;

interface Posting {
  slots: number[];
  tfs: number[];
}

export class TextIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly slotMap = new Map<string, number>();
  private ids: (string | null)[] = [];
  private lengths: number[] = [];
  private stemsOf: (string[] | null)[] = [];
  private free: number[] = [];
  private live = 0;
  private totalLength = 0;
  private scores = new Float64Array(0);
  private hits = new Uint32Array(0);

  upsert(id: string, title: string, body: string): void {
    this.remove(id);
    const terms = new Map<string, number>();
    let length = 0;
    const add = (text: string, weight: number) => {
      for (const token of tokenize(text)) {
        if (isStopword(token)) continue;
        const s = stem(token);
        terms.set(s, (terms.get(s) ?? 0) + weight);
        length++;
      }
    };
    add(title, TITLE_BOOST);
    add(body, 1);
    const slot = this.free.pop() ?? this.ids.length;
    this.ids[slot] = id;
    this.lengths[slot] = length;
    this.stemsOf[slot] = [...terms.keys()];
    this.slotMap.set(id, slot);
    this.live++;
    this.totalLength += length;
    for (const [s, tf] of terms) {
      let p = this.postings.get(s);
      if (!p) this.postings.set(s, (p = { slots: [], tfs: [] }));
      p.slots.push(slot);
      p.tfs.push(tf);
    }
  }

  remove(id: string): void {
    const slot = this.slotMap.get(id);
    if (slot === undefined) return;
    for (const s of this.stemsOf[slot] ?? []) {
      const p = this.postings.get(s);
      if (!p) continue;
      const at = p.slots.indexOf(slot);
      if (at >= 0) {
        p.slots.splice(at, 1);
        p.tfs.splice(at, 1);
      }
      if (p.slots.length === 0) this.postings.delete(s);
    }
    this.totalLength -= this.lengths[slot] ?? 0;
    this.ids[slot] = null;
    this.stemsOf[slot] = null;
    this.slotMap.delete(id);
    this.free.push(slot);
    this.live--;
  }

  /** The slot a song occupies (slots are what TextMatches name), if indexed. */
  slotOf(id: string): number | undefined {
    return this.slotMap.get(id);
  }

  relevance(description: string): TextMatches {
    const n = this.live;
    if (n === 0) return TextMatches.NONE;
    const avg = this.totalLength / n || 1;
    const words: string[] = [];
    const stems: string[] = [];
    for (const token of tokenize(description)) {
      if (isStopword(token) || /^\d+$/.test(token)) continue;
      const s = stem(token);
      if (stems.includes(s) || stems.length >= MAX_QUERY_TERMS) continue;
      stems.push(s);
      words.push(token);
    }
    if (this.scores.length < this.ids.length) {
      this.scores = new Float64Array(this.ids.length * 2);
      this.hits = new Uint32Array(this.ids.length * 2);
    }
    const { scores, hits, lengths } = this;
    const touched: number[] = [];
    stems.forEach((s, q) => {
      const p = this.postings.get(s);
      if (!p || p.slots.length > Math.max(1, n * MAX_SHARE)) return;
      const df = p.slots.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let k = 0; k < df; k++) {
        const slot = p.slots[k] as number;
        const tf = p.tfs[k] as number;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] =
          (scores[slot] as number) +
          (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (lengths[slot] as number)) / avg));
        hits[slot] = (hits[slot] as number) | (1 << q);
      }
    });
    let top = 0;
    for (const slot of touched) if ((scores[slot] as number) > top) top = scores[slot] as number;
    // Plain arrays, not typed ones: they live briefly, and small typed arrays are allocated
    // outside the JavaScript heap, which costs more per request than it saves.
    const m = top > 0 ? touched.length : 0;
    const values: number[] = [];
    const masks: number[] = [];
    for (let k = 0; k < touched.length; k++) {
      const slot = touched[k] as number;
      if (k < m) {
        values.push((scores[slot] as number) / top);
        masks.push(hits[slot] as number);
      }
      scores[slot] = 0;
      hits[slot] = 0;
    }
    return new TextMatches(m > 0 ? touched : [], values, masks, words, this.ids);
  }
}

/**
 * The songs a description matches, as parallel arrays (no object per matching song: a common
 * word matches thousands). Valid until the index changes.
 */
export class TextMatches {
  static readonly NONE = new TextMatches([], [], [], [], []);

  constructor(
    /** Index slots of the matching songs (see TextIndex.slotOf). */
    readonly slots: readonly number[],
    /** Relevance of each match, normalised so the best is 1. */
    readonly values: readonly number[],
    private readonly masks: readonly number[],
    private readonly words: readonly string[],
    private readonly idOfSlot: readonly (string | null)[],
  ) {}

  get size(): number {
    return this.slots.length;
  }

  /** The description's words found in the k-th match. */
  terms(k: number): string[] {
    const mask = this.masks[k] as number;
    return this.words.filter((_, q) => (mask & (1 << q)) !== 0);
  }

  /** The k-th match's song id. */
  id(k: number): string {
    return this.idOfSlot[this.slots[k] as number] as string;
  }

  /** The matching songs' ids, in match order. */
  ids(): string[] {
    return Array.from(this.slots, (_, k) => this.id(k));
  }

  /** One song's relevance, by id (a linear search: for a handful of lookups). */
  get(id: string): TextRelevance | undefined {
    for (let k = 0; k < this.slots.length; k++)
      if (this.id(k) === id) return { value: this.values[k] as number, terms: this.terms(k) };
    return undefined;
  }
}
