/**
 * How well a song's theme serves a requested theme, using the vocabulary's hierarchy.
 *
 *   same term                                   1.0
 *   song term is a child of the requested one   0.8  (asked for "space", song is about "spacewalk")
 *   song term is a deeper descendant            0.6
 *   song term is the requested one's parent     0.5  (asked for "spacewalk", song is about "space")
 *   terms are marked related (either way)       0.5  ("waiting" ~ "longing")
 *   terms share a parent                        0.3
 *   otherwise                                   0
 * Computed once per vocabulary into a lookup table.
 */
import type { Vocabulary } from "../domain/index.js";

export type ThemeRelation = "same" | "narrower" | "broader" | "related" | "sibling";

export interface ThemeMatch {
  value: number;
  relation: ThemeRelation;
}

export class ThemeSimilarity {
  /** table.get(wanted).get(songTheme): nested maps, so a lookup builds no key string. */
  private readonly table = new Map<string, Map<string, ThemeMatch>>();
  readonly ids: readonly string[];

  constructor(vocabulary: Vocabulary) {
    const parent = new Map(vocabulary.themes.map((t) => [t.id, t.parent]));
    this.ids = vocabulary.themes.map((t) => t.id);
    const ancestors = (id: string): string[] => {
      const out: string[] = [];
      for (
        let p = parent.get(id) ?? null;
        p !== null && !out.includes(p);
        p = parent.get(p) ?? null
      )
        out.push(p);
      return out;
    };
    const related = new Set<string>();
    for (const t of vocabulary.themes) {
      for (const r of t.related) {
        related.add(`${t.id}|${r}`);
        related.add(`${r}|${t.id}`);
      }
    }
    for (const want of this.ids) {
      const row = new Map<string, ThemeMatch>();
      for (const have of this.ids) {
        const match = classify(want, have);
        if (match) row.set(have, match);
      }
      this.table.set(want, row);
    }
    function classify(want: string, have: string): ThemeMatch | null {
      if (want === have) return { value: 1, relation: "same" };
      const up = ancestors(have).indexOf(want);
      if (up === 0) return { value: 0.8, relation: "narrower" };
      if (up > 0) return { value: 0.6, relation: "narrower" };
      if (parent.get(want) === have) return { value: 0.5, relation: "broader" };
      if (related.has(`${want}|${have}`)) return { value: 0.5, relation: "related" };
      const pw = parent.get(want);
      if (pw && pw === parent.get(have)) return { value: 0.3, relation: "sibling" };
      return null;
    }
  }

  between(wanted: string, songTheme: string): ThemeMatch | null {
    return this.table.get(wanted)?.get(songTheme) ?? null;
  }

  /** The requested theme and all its descendants (for "theme=space" filters). */
  expand(id: string): string[] {
    return this.ids.filter((other) => {
      const m = this.between(id, other);
      return m !== null && (m.relation === "same" || m.relation === "narrower");
    });
  }
}
