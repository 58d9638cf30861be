/**
 * Text normalisation shared by scene analysis and search: case and ё folding, tokenising,
 * script detection, and a script-agnostic Latin key so «Кристалинская», "Kristalinskaya" and
 * "kristalinskaja" compare equal.
 */
import { transliterate } from "transliteration";
import { Memo } from "../domain/memo.js";

const CYRILLIC = /[\u0400-\u04FF]/;
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lowercase, Unicode-normalise and fold ё to е (Russian text is written both ways). */
export function fold(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/ё/g, "е");
}

/** The words of a text, folded. */
export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

export function isCyrillic(token: string): boolean {
  return CYRILLIC.test(token);
}

/**
 * A spelling-insensitive Latin skeleton. Transliteration conventions disagree (Mayya/Maya,
 * Kristalinskaja/Kristalinskaya, Nezhnost'/Nezhnost, Yuri/Yuriy/Jurij), so after transliterating
 * we collapse the variants that only differ by convention.
 */
export function latinKey(text: string): string {
  return keyMemo.get(text, computeLatinKey);
}

// Names and title words repeat constantly while indexing; transliteration is the slow part.
const keyMemo = new Memo<string, string>(100_000);

function computeLatinKey(text: string): string {
  return transliterate(fold(text))
    .toLowerCase()
    .replace(/['’`ʹʺ"]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/j/g, "y")
    .replace(/iy\b/g, "y")
    .replace(/yy/g, "y")
    .replace(/ia/g, "ya")
    .replace(/iu/g, "yu")
    .replace(/ie/g, "ye")
    .replace(/([a-z])\1+/g, "$1")
    .trim();
}

/** True for tokens too common to carry meaning in a scene description. */
const STOPWORDS = new Set(
  (
    "a an the and or but of in on at to for from by with without into over under up down out about as is are was were be been being it its this that these those " +
    "he she they them his her their we our you your i me my not no so very just then than there here while when where who whom which what how all some any each " +
    "и в во на не с со к ко по за из у о об от до для а но да же ли что как это этот эта эти тот та те так там тут он она они оно его ее их мы вы я ты мне нас вас " +
    "был была были было быть есть уже еще ещё очень только когда где кто чем при над под про без через после перед между всё все весь вся своих свой свою свои"
  ).split(" "),
);

export function isStopword(token: string): boolean {
  return token.length < 2 || STOPWORDS.has(token);
}
