/**
 * How relevant a scene description is to each song's titles and notes: a compact inverted index
 * of Russian/English stems with BM25 weighting, built once and updated per song.
 *
 * Rules: stopwords are dropped; a stem found in more than a quarter of all songs is ignored at
 * query time (it cannot tell songs apart, and its long posting list would dominate the cost);
 * a title hit counts double; the result is normalised so the best song scores 1.
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

interface Doc {
  id: string;
  length: number;
  terms: Map<string, number>;
}

export class TextIndex {
  private readonly postings = new Map<string, Set<Doc>>();
  private readonly docs = new Map<string, Doc>();
  private totalLength = 0;

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
    const doc: Doc = { id, length, terms };
    this.docs.set(id, doc);
    this.totalLength += length;
    for (const t of terms.keys()) {
      let set = this.postings.get(t);
      if (!set) this.postings.set(t, (set = new Set()));
      set.add(doc);
    }
  }

  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const t of doc.terms.keys()) {
      const set = this.postings.get(t);
      set?.delete(doc);
      if (set && set.size === 0) this.postings.delete(t);
    }
    this.docs.delete(id);
    this.totalLength -= doc.length;
  }

  relevance(description: string): Map<string, TextRelevance> {
    const out = new Map<string, TextRelevance>();
    const n = this.docs.size;
    if (n === 0) return out;
    const avg = this.totalLength / n || 1;
    const queryStems = new Map<string, string>();
    for (const token of tokenize(description)) {
      if (!isStopword(token) && !/^\d+$/.test(token)) queryStems.set(stem(token), token);
    }
    const scores = new Map<Doc, { score: number; terms: string[] }>();
    for (const [s, word] of queryStems) {
      const docs = this.postings.get(s);
      if (!docs || docs.size > Math.max(1, n * MAX_SHARE)) continue;
      const idf = Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
      for (const doc of docs) {
        const tf = doc.terms.get(s) as number;
        const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / avg));
        const entry = scores.get(doc);
        if (entry) {
          entry.score += part;
          entry.terms.push(word);
        } else scores.set(doc, { score: part, terms: [word] });
      }
    }
    let top = 0;
    for (const e of scores.values()) if (e.score > top) top = e.score;
    if (top <= 0) return out;
    for (const [doc, e] of scores) out.set(doc.id, { value: e.score / top, terms: e.terms });
    return out;
  }
}
