/**
 * The words of a description with what analysis and text search ask of each: its stem, whether
 * it is a stopword, its script, whether it has letters or digits. A description is made of common
 * words, so the facts are worked out once per distinct word and shared by every later request
 * (each used to cost a stem lookup, a set lookup and up to three regular expressions per reader).
 */
import { Memo } from "../domain/memo.js";
import { stem } from "./stemmer.js";
import { isCyrillic, isStopword, tokenize } from "./text.js";

export interface Word {
  /** The folded token, as tokenize gives it. */
  readonly text: string;
  readonly stem: string;
  readonly stopword: boolean;
  readonly cyrillic: boolean;
  readonly hasLetter: boolean;
  readonly hasDigit: boolean;
  /** Digits only (a year, a count): never a search term. */
  readonly number: boolean;
}

const LETTER = /\p{L}/u;
const DIGIT = /\d/;
const NUMBER = /^\d+$/;

function factsOf(token: string): Word {
  return {
    text: token,
    stem: stem(token),
    stopword: isStopword(token),
    cyrillic: isCyrillic(token),
    hasLetter: LETTER.test(token),
    hasDigit: DIGIT.test(token),
    number: NUMBER.test(token),
  };
}

const known = new Memo<string, Word>(50_000);

let lastText: string | undefined;
let lastWords: readonly Word[] = [];

/**
 * The words of a text in order. The last answer is remembered: a description is read twice in a
 * row (scene analysis, then text relevance). Callers must not change the list.
 */
export function wordsOf(text: string): readonly Word[] {
  if (text !== lastText) {
    lastWords = tokenize(text).map((token) => known.get(token, factsOf));
    lastText = text;
  }
  return lastWords;
}
