/**
 * Ranks catalogue songs for one scene. Built once per catalogue version: per-song features
 * (mood point, dated recordings, performer keys) are computed at construction, so a request only
 * does arithmetic over them. Explanations are built for the winners only.
 *
 * Order: score (desc), then closeness of the recording year to the story, then song id — so equal
 * scores always come out in the same order. Diversity: at most `maxPerPerformer` songs whose chosen
 * recording shares a performer.
 */
import type {
  FactorName,
  Reason,
  Recording,
  Song,
  Suggestion,
  Vocabulary,
  YearRange,
} from "../domain/index.js";
import {
  WEIGHTS,
  eraText,
  eraValue,
  moodText,
  moodValue,
  originText,
  originValue,
  themeMatches,
  themeText,
  themeValue,
  type OriginWanted,
} from "./factors.js";
import { MoodSpace, type MoodPoint } from "./mood-space.js";
import { chooseRecording } from "./recording-choice.js";
import { ThemeSimilarity } from "./theme-similarity.js";
import { TopK } from "./top-k.js";

export interface TextHit {
  /** Relevance relative to the best-matching song, in [0, 1]. */
  value: number;
  terms: string[];
}

export interface RankQuery extends OriginWanted {
  period: YearRange | null;
  periodCorrect: boolean;
  themes: readonly string[];
  moods: readonly string[];
  /** Present when the description had words to search for; songs absent from it score 0 on text. */
  text?: ReadonlyMap<string, TextHit> | undefined;
  exclude?: ReadonlySet<string> | undefined;
  limit: number;
  maxPerPerformer: number;
}

interface Features {
  song: Song;
  mood: MoodPoint | null;
  performerKeys: Map<string, string[]>;
}

interface Scored {
  f: Features;
  recording: Recording;
  score: number;
  eraDistance: number;
}

/** A stable key per performer so "Майя Кристалинская" and her Latin spelling count as one artist. */
export type PerformerKey = (name: { name: string; nameLatin?: string | undefined }) => string;

export class Ranker {
  readonly themes: ThemeSimilarity;
  readonly moods: MoodSpace;
  private readonly features: Features[];

  constructor(songs: readonly Song[], vocabulary: Vocabulary, performerKey: PerformerKey) {
    this.themes = new ThemeSimilarity(vocabulary);
    this.moods = new MoodSpace(vocabulary);
    this.features = songs.map((song) => ({
      song,
      mood: this.moods.songPoint(song),
      performerKeys: new Map(song.recordings.map((r) => [r.id, r.performers.map(performerKey)])),
    }));
  }

  get size(): number {
    return this.features.length;
  }

  rank(q: RankQuery): Suggestion[] {
    const active = this.activeFactors(q);
    const totalWeight = active.reduce((s, f) => s + WEIGHTS[f], 0);
    const scene = this.moods.centre(q.moods);
    const better = (a: Scored, b: Scored) =>
      a.score !== b.score
        ? a.score > b.score
        : a.eraDistance !== b.eraDistance
          ? a.eraDistance < b.eraDistance
          : a.f.song.id < b.f.song.id;

    const collect = (k: number): { best: Scored[]; seen: number } => {
      const top = new TopK<Scored>(k, better);
      let seen = 0;
      for (const f of this.features) {
        if (q.exclude?.has(f.song.id)) continue;
        const recording = chooseRecording(f.song, q.period, q.periodCorrect);
        if (!recording) continue;
        seen++;
        const year = recording.year ?? f.song.year;
        let sum = 0;
        for (const factor of active) sum += WEIGHTS[factor] * this.value(factor, f, year, q, scene);
        const score = totalWeight === 0 ? 0 : sum / totalWeight;
        const eraDistance = q.period ? Math.abs(year - q.period.to) : 0;
        top.push({ f, recording, score, eraDistance });
      }
      return { best: top.sorted(), seen };
    };

    let k = q.limit * (q.maxPerPerformer >= q.limit ? 1 : 4) + 20;
    const first = collect(k);
    let best = first.best;
    const seen = first.seen;
    let picked = this.diversify(best, q);
    // The cap can starve a short list; widen the net once before giving up.
    if (picked.length < q.limit && best.length < seen) {
      k = seen;
      ({ best } = collect(k));
      picked = this.diversify(best, q);
    }
    return picked.map((s) => this.explain(s, active, totalWeight, q, scene));
  }

  private activeFactors(q: RankQuery): FactorName[] {
    const out: FactorName[] = [];
    if (q.themes.length > 0) out.push("themes");
    if (q.period) out.push("era");
    if (q.moods.length > 0) out.push("mood");
    if (q.text && q.text.size > 0) out.push("text");
    if (q.country !== undefined || q.language !== undefined) out.push("origin");
    return out;
  }

  private value(
    factor: FactorName,
    f: Features,
    year: number,
    q: RankQuery,
    scene: MoodPoint | null,
  ): number {
    switch (factor) {
      case "themes":
        return themeValue(this.themes, q.themes, f.song.themes);
      case "era":
        return q.period ? eraValue(year, q.period) : 0;
      case "mood":
        return scene ? moodValue(scene, f.mood, q.moods, f.song.moods) : 0;
      case "text":
        return q.text?.get(f.song.id)?.value ?? 0;
      case "origin":
        return originValue(q, f.song);
    }
  }

  private diversify(sorted: readonly Scored[], q: RankQuery): Scored[] {
    const perPerformer = new Map<string, number>();
    const out: Scored[] = [];
    for (const s of sorted) {
      if (out.length >= q.limit) break;
      const keys = s.f.performerKeys.get(s.recording.id) ?? [];
      if (keys.some((k) => (perPerformer.get(k) ?? 0) >= q.maxPerPerformer)) continue;
      keys.forEach((k) => perPerformer.set(k, (perPerformer.get(k) ?? 0) + 1));
      out.push(s);
    }
    return out;
  }

  private explain(
    s: Scored,
    active: FactorName[],
    totalWeight: number,
    q: RankQuery,
    scene: MoodPoint | null,
  ): Suggestion {
    const year = s.recording.year ?? s.f.song.year;
    const reasons: Reason[] = active.map((factor) => {
      const value = this.value(factor, s.f, year, q, scene);
      const contribution = round((WEIGHTS[factor] * value) / totalWeight);
      return { factor, contribution, text: this.reasonText(factor, s, year, value, q) };
    });
    reasons.sort((a, b) => b.contribution - a.contribution);
    return { song: s.f.song, recording: s.recording, score: round(s.score), reasons };
  }

  private reasonText(
    factor: FactorName,
    s: Scored,
    year: number,
    value: number,
    q: RankQuery,
  ): string {
    const song = s.f.song;
    switch (factor) {
      case "themes":
        return themeText(themeMatches(this.themes, q.themes, song.themes));
      case "era": {
        const what = s.recording.year !== undefined ? "recorded" : "written";
        return q.period ? eraText(year, q.period, what) : "";
      }
      case "mood":
        return moodText(value, q.moods, song.moods);
      case "text": {
        const hit = q.text?.get(song.id);
        return hit
          ? `the description's ${hit.terms.map((t) => `'${t}'`).join(", ")} appear in its title or notes`
          : "no words of the description appear in its title or notes";
      }
      case "origin":
        return originText(q, song);
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
