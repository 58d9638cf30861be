/**
 * Two full-text indexes over the catalogue, built once and updated per song:
 *  - names (minisearch): titles and people, script-agnostic (every term is reduced to its Latin
 *    key) and typo-tolerant, for catalogue search ("kristalinskaja", «Кристалинская», "nezhnost");
 *  - text (text-index.ts): titles and notes, stemmed in Russian and English, for how relevant a
 *    scene description is to a song.
 */
import MiniSearch from "minisearch";
import type { Song, Vocabulary } from "../domain/index.js";
import { latinKey } from "../analysis/text.js";
import { allPeopleNames } from "./people.js";
import { TextIndex, type TextMatches } from "./text-index.js";

export type { TextMatches };

interface NameDoc {
  id: string;
  title: string;
  performers: string;
  writers: string;
  themes: string;
}

export class SearchIndex {
  private readonly names: MiniSearch<NameDoc>;
  private readonly text = new TextIndex();

  private readonly themeLabels: Map<string, string>;

  constructor(vocabulary: Vocabulary) {
    this.themeLabels = new Map(vocabulary.themes.map((t) => [t.id, `${t.label.en} ${t.label.ru}`]));
    this.names = new MiniSearch<NameDoc>({
      fields: ["title", "performers", "writers", "themes"],
      processTerm: (term) => latinKey(term) || null,
      searchOptions: { boost: { title: 3, performers: 2 }, fuzzy: 0.2, prefix: true },
    });
  }

  addAll(songs: readonly Song[]): void {
    this.names.addAll(songs.map((s) => this.nameDoc(s)));
    for (const s of songs) this.indexText(s);
  }

  upsert(song: Song): void {
    this.remove(song.id);
    this.names.add(this.nameDoc(song));
    this.indexText(song);
  }

  remove(id: string): void {
    if (this.names.has(id)) this.names.discard(id);
    this.text.remove(id);
  }

  /** Song ids matching a free query, best first; AND of all words, falling back to OR. */
  searchNames(query: string, filter?: (id: string) => boolean): string[] {
    const opts = filter ? { filter: (r: { id: string }) => filter(r.id) } : {};
    let hits = this.names.search(query, { ...opts, combineWith: "AND" });
    if (hits.length === 0) hits = this.names.search(query, { ...opts, combineWith: "OR" });
    return hits.map((h) => String(h.id));
  }

  /** Relevance of a scene description to each song, normalised so the best match is 1. */
  relevance(description: string): TextMatches {
    return this.text.relevance(description);
  }

  /** Where a song sits in the text index (what TextMatches name), if it is indexed. */
  textSlot(id: string): number | undefined {
    return this.text.slotOf(id);
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

  private indexText(song: Song): void {
    this.text.upsert(
      song.id,
      [song.title, song.titleEnglish ?? ""].join(" "),
      [song.notes, ...song.recordings.map((r) => r.notes ?? "")].join(" "),
    );
  }
}
