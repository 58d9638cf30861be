/**
 * Snowball stemming for Russian and English, picked per token by script, memoised because scene
 * descriptions and the vocabulary repeat the same words constantly.
 */
import snowball from "snowball-stemmers";
import { Memo } from "../domain/memo.js";
import { fold, isCyrillic } from "./text.js";

const russian = snowball.newStemmer("russian");
const english = snowball.newStemmer("english");
// Keyed by the token as given: tokens mostly arrive folded already (tokenize folds), and
// folding again costs more than the lookup.
const memo = new Memo<string, string>(50_000);

function stemOf(token: string): string {
  const word = fold(token);
  return (isCyrillic(word) ? russian : english).stem(word);
}

export function stem(token: string): string {
  return memo.get(token, stemOf);
}
