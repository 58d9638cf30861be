/**
 * Finds vocabulary terms in free text (Russian or English).
 *
 * Rules, in order:
 *  1. Every synonym, label and id of a term is tokenised and stemmed once, at construction.
 *  2. A multi-word synonym matches only as the same sequence of stems ("открытый космос").
 *  3. A single-word synonym matches a text word with the same stem, or — because Snowball leaves
 *     Russian verb and noun families on different stems (возвращение/возвращаются) — a text stem
 *     sharing a prefix of at least 6 letters that covers all but at most one letter of the shorter
 *     stem.
 * Stopwords never match. The matcher reports which text words produced each term.
 */
import { Memo } from "../domain/memo.js";
import { stem } from "./stemmer.js";
import { tokenize } from "./text.js";
import type { Word } from "./words.js";

export interface TermEntry {
  id: string;
  phrases: string[];
}

export interface TermMatch {
  id: string;
  matched: string[];
}

interface Pattern {
  id: string;
  stems: string[];
}

const PREFIX = 5;
const MIN_SHARED = 6;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * What a text word with a given stem can start: phrases to check against the following words
 * (`stems` longer than one), and terms it matches on its own (`stems` null).
 */
interface Lead {
  id: string;
  stems: string[] | null;
}

export class TermMatcher {
  private readonly byFirstStem = new Map<string, Pattern[]>();
  private readonly singleByPrefix = new Map<string, { stem: string; ids: Set<string> }[]>();
  /** Leads per stem, worked out on first sight: descriptions repeat the same words. */
  private readonly leadsMemo = new Memo<string, readonly Lead[]>(50_000);

  constructor(entries: readonly TermEntry[]) {
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        const stems = tokenize(phrase).map(stem);
        const first = stems[0];
        if (first === undefined) continue;
        const list = this.byFirstStem.get(first) ?? [];
        if (!list.some((p) => p.id === entry.id && p.stems.join(" ") === stems.join(" "))) {
          list.push({ id: entry.id, stems });
        }
        this.byFirstStem.set(first, list);
        if (stems.length === 1 && first.length >= PREFIX) {
          const key = first.slice(0, PREFIX);
          const bucket = this.singleByPrefix.get(key) ?? [];
          let slot = bucket.find((b) => b.stem === first);
          if (!slot) {
            slot = { stem: first, ids: new Set() };
            bucket.push(slot);
          }
          slot.ids.add(entry.id);
          this.singleByPrefix.set(key, bucket);
        }
      }
    }
  }

  /**
   * Terms found in a text, given as its words (words.ts), in order of first appearance, each with
   * the words that matched.
   */
  match(words: readonly Word[]): TermMatch[] {
    const found = new Map<string, Set<string>>();
    const add = (id: string, matched: string[]) => {
      const set = found.get(id) ?? new Set<string>();
      matched.forEach((w) => set.add(w));
      found.set(id, set);
    };
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as Word;
      if (word.stopword) continue;
      for (const lead of this.leadsMemo.get(word.stem, this.leads)) {
        if (lead.stems === null) add(lead.id, [word.text]);
        else if (lead.stems.every((ps, k) => words[i + k]?.stem === ps))
          add(
            lead.id,
            words
              .slice(i, i + lead.stems.length)
              .filter((w) => !w.stopword)
              .map((w) => w.text),
          );
      }
    }
    return [...found].map(([id, matched]) => ({ id, matched: [...matched] }));
  }

  /** In the order rules 2 and 3 apply: phrases and words with this stem, then prefix matches. */
  private readonly leads = (s: string): readonly Lead[] => {
    const out: Lead[] = [];
    for (const pattern of this.byFirstStem.get(s) ?? [])
      out.push({ id: pattern.id, stems: pattern.stems.length > 1 ? pattern.stems : null });
    if (s.length >= PREFIX) {
      for (const slot of this.singleByPrefix.get(s.slice(0, PREFIX)) ?? []) {
        if (slot.stem === s) continue;
        const shared = commonPrefix(slot.stem, s);
        if (shared >= Math.max(MIN_SHARED, Math.min(slot.stem.length, s.length) - 1))
          slot.ids.forEach((id) => out.push({ id, stems: null }));
      }
    }
    return out;
  };

  /** Content words of a text that no term matched (shown so users can rephrase). */
  unmatchedWords(words: readonly Word[], matches: readonly TermMatch[]): string[] {
    // Matched words are tokens already. The lists are a handful of words: scanning them beats
    // building a set per request.
    const out: string[] = [];
    for (const word of words) {
      const token = word.text;
      if (word.stopword || word.hasDigit || out.includes(token)) continue;
      if (!matches.some((m) => m.matched.includes(token))) out.push(token);
    }
    return out;
  }
}
