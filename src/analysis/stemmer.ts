/**
 * Snowball stemming for Russian and English, picked per token by script, memoised because scene
 * descriptions and the vocabulary repeat the same words constantly.
 */
import snowball from "snowball-stemmers";
import { fold, isCyrillic } from "./text.js";

const russian = snowball.newStemmer("russian");
const english = snowball.newStemmer("english");
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

export function stem(token: string): string {
  // Keyed by the token as given: tokens mostly arrive folded already (tokenize folds), and
  // folding again costs more than the lookup.
  const hit = memo.get(token);
  if (hit !== undefined) return hit;
  const word = fold(token);
  const result = (isCyrillic(word) ? russian : english).stem(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(token, result);
  return result;
}
