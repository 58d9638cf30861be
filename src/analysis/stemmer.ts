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
  const word = fold(token);
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const result = (isCyrillic(word) ? russian : english).stem(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, result);
  return result;
}
