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
import { wordsOf } from "../analysis/words.js";

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
  private touched = new Int32Array(0);
  private found = new Float64Array(0);
  private foundMask = new Uint32Array(0);
  /** The query the found arrays answer (null once the index changes). */
  private lastQuery: Query | null = null;
  private lastCount = 0;

  upsert(id: string, title: string, body: string): void {
    this.remove(id);
    this.lastQuery = null;
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
    this.lastQuery = null;
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
    const words: string[] = [];
    const stems: string[] = [];
    for (const word of wordsOf(description)) {
      if (word.stopword || word.number) continue;
      const s = word.stem;
      if (stems.includes(s) || stems.length >= MAX_QUERY_TERMS) continue;
      stems.push(s);
      words.push(word.text);
    }
    const terms: QueryTerm[] = [];
    stems.forEach((s, q) => {
      const posting = this.postings.get(s);
      if (!posting || posting.slots.length > Math.max(1, n * MAX_SHARE)) return;
      const df = posting.slots.length;
      terms.push({ posting, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)), bit: 1 << q });
    });
    const query: Query = { terms, avg: this.totalLength / n || 1, top: 0 };
    const count = this.run(query);
    const found = this.found;
    for (let c = 0; c < count; c++)
      if ((found[c] as number) > query.top) query.top = found[c] as number;
    return query.top > 0 ? new TextMatches(this, query, words, count) : TextMatches.NONE;
  }

  /**
   * BM25 of every song the query's terms reach, into reused arrays: the c-th match's slot is
   * matchSlot(c), its raw score matchScore(c) and its mask of terms matchMask(c), for c below the
   * count returned, until the next query. A request allocates nothing per matching song (a common
   * word reaches thousands), and nothing is called per song (a callback per match boxed each
   * score).
   */
  run(query: Query): number {
    // A description is scored once to find its best match, then read again by the ranker: the
    // second time, the arrays still hold the answer.
    if (query === this.lastQuery) return this.lastCount;
    if (this.scores.length < this.ids.length) {
      const size = this.ids.length * 2;
      this.scores = new Float64Array(size);
      this.hits = new Uint32Array(size);
      this.touched = new Int32Array(size);
      this.found = new Float64Array(size);
      this.foundMask = new Uint32Array(size);
    }
    const { scores, hits, touched, lengths, found, foundMask } = this;
    const { avg } = query;
    let count = 0;
    for (const { posting, idf, bit } of query.terms) {
      const df = posting.slots.length;
      for (let k = 0; k < df; k++) {
        const slot = posting.slots[k] as number;
        const tf = posting.tfs[k] as number;
        if (scores[slot] === 0) touched[count++] = slot;
        scores[slot] =
          (scores[slot] as number) +
          (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (lengths[slot] as number)) / avg));
        hits[slot] = (hits[slot] as number) | bit;
      }
    }
    for (let c = 0; c < count; c++) {
      const slot = touched[c] as number;
      found[c] = scores[slot] as number;
      foundMask[c] = hits[slot] as number;
      scores[slot] = 0;
      hits[slot] = 0;
    }
    this.lastQuery = query;
    this.lastCount = count;
    return count;
  }

  matchSlot(c: number): number {
    return this.touched[c] as number;
  }

  matchScore(c: number): number {
    return this.found[c] as number;
  }

  matchMask(c: number): number {
    return this.foundMask[c] as number;
  }

  /** The song id in a slot. */
  idAt(slot: number): string | null {
    return this.ids[slot] ?? null;
  }
}

interface QueryTerm {
  posting: Posting;
  idf: number;
  /** This term's bit in a match's mask. */
  bit: number;
}

interface Query {
  terms: QueryTerm[];
  /** Average song length when the query was made. */
  avg: number;
  /** The best song's raw score (relevance is normalised by it). */
  top: number;
}

/**
 * The songs a description matches. Nothing is stored per song: `load` works the matches out again
 * into the index's reused arrays, unless they still hold them (no allocation per match). Valid
 * until the index changes; what `load` gives, until the index answers another query.
 */
export class TextMatches {
  static readonly NONE = new TextMatches(null, { terms: [], avg: 1, top: 0 }, [], 0);

  constructor(
    private readonly index: TextIndex | null,
    private readonly query: Query,
    private readonly words: readonly string[],
    /** Number of matching songs. */
    readonly size: number,
  ) {}

  /**
   * Works the matches out (again) and returns how many there are; the c-th one is then read with
   * slotAt(c), valueAt(c) and maskAt(c), until the index answers another query.
   */
  load(): number {
    return this.index === null ? 0 : this.index.run(this.query);
  }

  /** The c-th match's slot (see TextIndex.slotOf). */
  slotAt(c: number): number {
    return (this.index as TextIndex).matchSlot(c);
  }

  /** The c-th match's relevance in (0, 1] (the best is 1). */
  valueAt(c: number): number {
    return (this.index as TextIndex).matchScore(c) / this.query.top;
  }

  /** The c-th match's mask of description words (see termsOf). */
  maskAt(c: number): number {
    return (this.index as TextIndex).matchMask(c);
  }

  /** Each matching song's slot, relevance and mask. */
  forEach(each: (slot: number, value: number, mask: number) => void): void {
    const count = this.load();
    for (let c = 0; c < count; c++) each(this.slotAt(c), this.valueAt(c), this.maskAt(c));
  }

  /** The description's words in a match's mask. */
  termsOf(mask: number): string[] {
    return this.words.filter((_, q) => (mask & (1 << q)) !== 0);
  }

  /** The matching songs' ids, best first. */
  ids(): string[] {
    const found: { id: string; value: number }[] = [];
    this.forEach((slot, value) => found.push({ id: this.index?.idAt(slot) ?? "", value }));
    return found.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1)).map((f) => f.id);
  }

  /** One song's relevance, by id (for a handful of lookups). */
  get(id: string): TextRelevance | undefined {
    let found: TextRelevance | undefined;
    this.forEach((slot, value, mask) => {
      if (this.index?.idAt(slot) === id) found = { value, terms: this.termsOf(mask) };
    });
    return found;
  }
}
