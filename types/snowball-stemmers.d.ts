// snowball-stemmers ships no types; this is the part of its API we use.
declare module "snowball-stemmers" {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
  const api: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default api;
}
