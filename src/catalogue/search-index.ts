/**
 * Two full-text indexes over the catalogue, built once and updated per song:
 *  - names: titles and people, script-agnostic (every term is reduced to its Latin key) and
 *    typo-tolerant, for catalogue search ("kristalinskaja", «Кристалинская», "nezhnost");
 *  - text: titles and notes, stemmed in Russian and English, for how relevant a scene
 *    description is to a song.
 */
import MiniSearch from "minisearch";
import type { Song, Vocabulary } from "../domain/index.js";
import { stem } from "../analysis/stemmer.js";
import { isStopword, latinKey, tokenize } from "../analysis/text.js";
import { allPeopleNames } from "./people.js";

interface NameDoc {
  id: string;
  title: string;
  performers: string;
  writers: string;
  themes: string;
}

interface TextDoc {
  id: string;
  title: string;
  notes: string;
}

export interface TextRelevance {
  value: number;
  terms: string[];
}

export class SearchIndex {
  private readonly names: MiniSearch<NameDoc>;
  private readonly text: MiniSearch<TextDoc>;

  private readonly themeLabels: Map<string, string>;

  constructor(vocabulary: Vocabulary) {
    this.themeLabels = new Map(vocabulary.themes.map((t) => [t.id, `${t.label.en} ${t.label.ru}`]));
    this.names = new MiniSearch<NameDoc>({
      fields: ["title", "performers", "writers", "themes"],
      processTerm: (term) => latinKey(term) || null,
      searchOptions: { boost: { title: 3, performers: 2 }, fuzzy: 0.2, prefix: true },
    });
    this.text = new MiniSearch<TextDoc>({
      fields: ["title", "notes"],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => (isStopword(term) ? null : stem(term)),
      searchOptions: { boost: { title: 2 } },
    });
  }

  addAll(songs: readonly Song[]): void {
    this.names.addAll(songs.map((s) => this.nameDoc(s)));
    this.text.addAll(songs.map((s) => this.textDoc(s)));
  }

  upsert(song: Song): void {
    this.remove(song.id);
    this.names.add(this.nameDoc(song));
    this.text.add(this.textDoc(song));
  }

  remove(id: string): void {
    if (this.names.has(id)) this.names.discard(id);
    if (this.text.has(id)) this.text.discard(id);
  }

  /** Song ids matching a free query, best first; AND of all words, falling back to OR. */
  searchNames(query: string, filter?: (id: string) => boolean): string[] {
    const opts = filter ? { filter: (r: { id: string }) => filter(r.id) } : {};
    let hits = this.names.search(query, { ...opts, combineWith: "AND" });
    if (hits.length === 0) hits = this.names.search(query, { ...opts, combineWith: "OR" });
    return hits.map((h) => String(h.id));
  }

  /** Relevance of a scene description to each song, normalised so the best match is 1. */
  relevance(description: string): Map<string, TextRelevance> {
    const words = [...new Set(tokenize(description).filter((w) => !isStopword(w)))];
    const out = new Map<string, TextRelevance>();
    if (words.length === 0) return out;
    const original = new Map(words.map((w) => [stem(w), w]));
    const hits = this.text.search(words.join(" "), { combineWith: "OR" });
    const top = hits[0]?.score ?? 0;
    if (top <= 0) return out;
    for (const h of hits) {
      out.set(String(h.id), {
        value: h.score / top,
        terms: h.queryTerms.map((t) => original.get(t) ?? t),
      });
    }
    return out;
  }

  private nameDoc(song: Song): NameDoc {
    const label = (id: string) => this.themeLabels.get(id) ?? id;
    return {
      id: song.id,
      title: [song.title, song.titleLatin, song.titleEnglish ?? ""].join(" "),
      performers: allPeopleNames(song, "performers").join(" "),
      writers: [...allPeopleNames(song, "composers"), ...allPeopleNames(song, "lyricists")].join(
        " ",
      ),
      themes: song.themes.map(label).join(" "),
    };
  }

  private textDoc(song: Song): TextDoc {
    return {
      id: song.id,
      title: [song.title, song.titleEnglish ?? ""].join(" "),
      notes: [song.notes, ...song.recordings.map((r) => r.notes ?? "")].join(" "),
    };
  }
}
