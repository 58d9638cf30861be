/**
 * The controlled vocabulary: themes (a small hierarchy with "related" links) and moods (points on
 * the valence/arousal plane). Songs, scenes and films may only use these ids.
 */
import { z } from "zod";
import { TermIdSchema } from "./primitives.js";

const Label = z.object({ en: z.string().min(1), ru: z.string().min(1) }).strict();
const Synonyms = z
  .object({ en: z.array(z.string().min(1)), ru: z.array(z.string().min(1)) })
  .strict();
const Axis = z.number().min(-1).max(1);

export const ThemeSchema = z
  .object({
    id: TermIdSchema,
    parent: TermIdSchema.nullable().default(null),
    related: z.array(TermIdSchema).default([]),
    label: Label,
    synonyms: Synonyms,
  })
  .strict();
export type Theme = z.infer<typeof ThemeSchema>;

export const MoodSchema = z
  .object({
    id: TermIdSchema,
    valence: Axis,
    arousal: Axis,
    label: Label,
    synonyms: Synonyms,
  })
  .strict();
export type Mood = z.infer<typeof MoodSchema>;

export const VocabularySchema = z
  .object({ themes: z.array(ThemeSchema).min(1), moods: z.array(MoodSchema).min(1) })
  .strict()
  .superRefine((vocab, ctx) => {
    const themeIds = new Set<string>();
    vocab.themes.forEach((t, i) => {
      if (themeIds.has(t.id))
        ctx.addIssue({
          code: "custom",
          path: ["themes", i, "id"],
          message: `duplicate theme "${t.id}"`,
        });
      themeIds.add(t.id);
    });
    const moodIds = new Set<string>();
    vocab.moods.forEach((m, i) => {
      if (moodIds.has(m.id))
        ctx.addIssue({
          code: "custom",
          path: ["moods", i, "id"],
          message: `duplicate mood "${m.id}"`,
        });
      moodIds.add(m.id);
    });
    const parents = new Map(vocab.themes.map((t) => [t.id, t.parent]));
    vocab.themes.forEach((t, i) => {
      if (t.parent !== null && !themeIds.has(t.parent)) {
        ctx.addIssue({
          code: "custom",
          path: ["themes", i, "parent"],
          message: `unknown theme "${t.parent}"`,
        });
      }
      t.related.forEach((r, j) => {
        if (!themeIds.has(r))
          ctx.addIssue({
            code: "custom",
            path: ["themes", i, "related", j],
            message: `unknown theme "${r}"`,
          });
      });
      // Walk up the parent chain; a chain longer than the vocabulary means a cycle.
      let cursor: string | null = t.parent;
      for (let steps = 0; cursor !== null; steps++) {
        if (steps > vocab.themes.length || cursor === t.id) {
          ctx.addIssue({
            code: "custom",
            path: ["themes", i, "parent"],
            message: "parent chain forms a cycle",
          });
          break;
        }
        cursor = parents.get(cursor) ?? null;
      }
    });
  });
export type Vocabulary = z.infer<typeof VocabularySchema>;
