/**
 * Ranks catalogue songs for one scene.
 *
 * Built once per catalogue version: every song is reduced to numbers (theme and mood indices,
 * affect point, earliest dated recording, interned country and language) held in typed arrays, and
 * songs are ordered by their earliest dated recording so a period-correct request stops scanning at
 * the first song recorded after the story. A request then does only arithmetic; explanations (the
 * text of `reasons`) are built for the winners alone.
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
  eraValue,
  moodValue,
  originValue,
  themeMatches,
  type OriginWanted,
} from "./factors.js";
import { MoodSpace, type MoodPoint } from "./mood-space.js";
import { rememberedTexts } from "./reason-memo.js";
import { reasonTexts, type ReasonLanguage, type ReasonTexts } from "./reason-texts.js";
import { PerformerLists, type PerformerKey } from "./performer-lists.js";
import {
  chooseRecording,
  EARLIEST,
  recordingKind,
  type RecordingKind,
} from "./recording-choice.js";
import { sortSmall } from "./small-sort.js";
import { scan, type ScanQuery, type ScanScratch, type Scored } from "./scan.js";
import { PerSongMemo } from "./per-song-memo.js";
import { ScanKernel } from "./scan-kernel.js";
import { TopSongs } from "./top-k.js";
import { buildSongFeatures, type SongFeatures } from "./song-features.js";
import { ThemeSimilarity } from "./theme-similarity.js";

/**
 * The songs a scene description matched, named by their slot in the text index (see the Ranker's
 * `textSlot`), read by number: no object and no call per matching song, since a common word
 * matches thousands.
 */
export interface TextHits {
  readonly size: number;
  /** Makes the matches readable and says how many there are. */
  load(): number;
  /** The c-th match's slot, relevance relative to the best match in (0, 1], and word mask. */
  slotAt(c: number): number;
  valueAt(c: number): number;
  maskAt(c: number): number;
  /** The description's words in a match's mask. */
  termsOf(mask: number): string[];
}

export interface RankQuery extends OriginWanted {
  period: YearRange | null;
  periodCorrect: boolean;
  themes: readonly string[];
  moods: readonly string[];
  /** Present when the description had words to search for; songs absent from it score 0 on text. */
  text?: TextHits | undefined;
  exclude?: ReadonlySet<string> | undefined;
  limit: number;
  maxPerPerformer: number;
  /** Language of the reasons' sentences (default English). */
  lang?: ReasonLanguage | undefined;
}

export type { PerformerKey };

export class Ranker {
  readonly themes: ThemeSimilarity;
  readonly moods: MoodSpace;
  private readonly f: SongFeatures;
  /** Performers of recommended recordings as numbers, made when a song first competes for a
   * place (lazily: transliterating every name of a large catalogue up front would dominate
   * start-up). */
  private readonly performers: PerformerLists;
  private readonly texts: Record<ReasonLanguage, ReasonTexts>;
  // Per-request scratch arrays, reused (ranking is synchronous) and cleared after each request;
  // the text and exclusion marks live in the scan kernel's memory, where the scan reads them.
  private readonly textScratch: Float32Array;
  /** The description words each song matched (TextHits masks). */
  private readonly textMask: Uint32Array;
  private readonly excludeScratch: Uint8Array;
  /** Positions marked for the current request (marked[0 .. markedCount)), to clear after it. */
  private readonly marked: Int32Array;
  private markedCount = 0;
  private readonly scanScratch: ScanScratch;
  private readonly themeParts = new PerSongMemo<Explained>();
  private readonly moodParts = new PerSongMemo<Explained>();
  /** Song position per text-index slot (−1: not in this catalogue version). */
  private readonly positionOfSlot: Int32Array;

  /**
   * `textSlot` says where each song sits in the text index whose matches this ranker will be
   * given (TextHits name songs by slot); without it, no text matches are recognised.
   */
  constructor(
    songs: readonly Song[],
    vocabulary: Vocabulary,
    performerKey: PerformerKey,
    textSlot: (id: string) => number | undefined = () => undefined,
  ) {
    this.themes = new ThemeSimilarity(vocabulary);
    this.moods = new MoodSpace(vocabulary);
    this.f = buildSongFeatures(songs, vocabulary, this.themes, this.moods);
    const texts = reasonTexts(vocabulary);
    this.texts = { en: rememberedTexts(texts.en), ru: rememberedTexts(texts.ru) };
    const n = this.f.songs.length;
    const kernel = new ScanKernel(this.f);
    this.performers = new PerformerLists(n, performerKey);
    this.textScratch = kernel.text;
    this.textMask = new Uint32Array(n);
    // A song can be marked twice (matched and excluded).
    this.marked = new Int32Array(2 * n);
    this.excludeScratch = kernel.excluded;
    this.scanScratch = { kernel, top: new TopSongs(this.f.idRank) };
    const slots = this.f.songs.map((s) => textSlot(s.id) ?? -1);
    this.positionOfSlot = new Int32Array(slots.reduce((m, x) => Math.max(m, x + 1), 0)).fill(-1);
    slots.forEach((slot, i) => {
      if (slot >= 0) this.positionOfSlot[slot] = i;
    });
  }

  get size(): number {
    return this.f.songs.length;
  }

  rank(q: RankQuery): Suggestion[] {
    return this.withMarks(q, () => this.rankMarked(q));
  }

  /** Runs `body` with the request's text matches and exclusions marked per song position. */
  private withMarks<T>(q: RankQuery, body: () => T): T {
    const bySlot = this.positionOfSlot;
    this.markedCount = 0;
    const text = q.text;
    const matches = text ? text.load() : 0;
    for (let c = 0; c < matches; c++) {
      const slot = (text as TextHits).slotAt(c);
      const i = slot < bySlot.length ? (bySlot[slot] as number) : -1;
      if (i < 0) continue;
      this.textScratch[i] = (text as TextHits).valueAt(c);
      this.textMask[i] = (text as TextHits).maskAt(c);
      this.marked[this.markedCount++] = i;
    }
    q.exclude?.forEach((id) => {
      const i = this.f.position.get(id);
      if (i !== undefined) {
        this.excludeScratch[i] = 1;
        this.marked[this.markedCount++] = i;
      }
    });
    try {
      return body();
    } finally {
      for (let m = 0; m < this.markedCount; m++) {
        const i = this.marked[m] as number;
        this.textScratch[i] = 0;
        this.textMask[i] = 0;
        this.excludeScratch[i] = 0;
      }
      this.markedCount = 0;
    }
  }

  private rankMarked(q: RankQuery): Suggestion[] {
    const explaining = this.explaining(q);
    const { active, totalWeight, scene } = explaining;
    const weight = (f: FactorName) => (active.includes(f) ? WEIGHTS[f] / totalWeight : 0);
    const wantedMood: number[] = new Array(this.f.moodWords).fill(0);
    for (const m of q.moods) {
      const k = this.f.moodIndex.get(m);
      if (k !== undefined) wantedMood[k >> 5] = (wantedMood[k >> 5] as number) | (1 << (k & 31));
    }
    const compiled: ScanQuery = {
      wThemes: weight("themes"),
      wEra: weight("era"),
      wMood: weight("mood"),
      wText: weight("text"),
      wanted: q.themes
        .map((t) => this.f.themeIndex.get(t))
        .filter((x): x is number => x !== undefined),
      themeDivisor: Math.max(1, q.themes.length),
      period: q.period,
      periodCorrect: q.periodCorrect,
      sceneValence: scene?.valence ?? 0,
      sceneArousal: scene?.arousal ?? 0,
      wantedMood,
      moodCount: Math.max(1, q.moods.length),
    };
    this.fillOriginTable(q, weight("origin"));
    // Keep a few more than asked for, for the performer cap to choose among; when the cap still
    // leaves the list short, widen the net (a scan that kept fewer than k saw every song).
    let k = q.maxPerPerformer >= q.limit ? q.limit : q.limit + 5;
    let found = scan(this.f, compiled, k, this.scanScratch);
    let picked = this.diversify(found.best, q);
    while (picked.length < q.limit && found.more && k < this.f.songs.length) {
      k = Math.min(this.f.songs.length, 4 * k);
      found = scan(this.f, compiled, k, this.scanScratch);
      picked = this.diversify(found.best, q);
    }
    return picked.map(({ s, recording }) => this.explain(s.i, recording, s.score, explaining, q));
  }

  /** The origin factor's weighted value for each (country, language) pair of the catalogue. */
  private fillOriginTable(q: RankQuery, wOrigin: number): void {
    const table = this.scanScratch.kernel.originTable;
    this.f.origins.forEach((pair, k) => {
      table[k] = wOrigin * originValue(q, pair);
    });
  }

  /**
   * The best songs in order, skipping any whose recommended recording shares a performer with
   * `maxPerPerformer` songs already taken; each with that recording.
   */
  private diversify(
    sorted: readonly Scored[],
    q: RankQuery,
  ): { s: Scored; recording: Recording }[] {
    const taken: { s: Scored; kind: RecordingKind }[] = [];
    // Performer numbers of the songs taken so far, repeated once per song (a short list).
    const counted: number[] = [];
    for (const s of sorted) {
      if (taken.length >= q.limit) break;
      // The recording chooseRecording() would pick (NO_YEAR, undated, is after every period).
      const kind = recordingKind(this.f.earliest[s.i] as number, q.period, q.periodCorrect);
      if (kind === null) continue;
      const at = this.performers.listOf(s.i, kind, this.recordingOf);
      const pool = this.performers.pool;
      const count = pool[at] as number;
      let full = false;
      for (let k = 1; k <= count && !full; k++) {
        let times = 0;
        for (const n of counted) if (n === pool[at + k]) times++;
        full = times >= q.maxPerPerformer;
      }
      if (full) continue;
      for (let k = 1; k <= count; k++) counted.push(pool[at + k] as number);
      taken.push({ s, kind });
    }
    return taken.map(({ s, kind }) => ({ s, recording: this.recordingOf(s.i, kind) }));
  }

  /** Song i's earliest dated or best-known recording (see SongFeatures.earliestRecording). */
  private readonly recordingOf = (i: number, kind: RecordingKind): Recording => {
    const at = (kind === EARLIEST ? this.f.earliestRecording : this.f.bestKnownRecording)[i];
    return (this.f.songs[i] as Song).recordings[at as number] as Recording;
  };

  /**
   * Scores and explains particular songs for a query (e.g. songs an editor pinned), bypassing the
   * scan; null for a song that is unknown or has no recording the query allows.
   */
  explainSongs(q: RankQuery, ids: readonly string[]): (Suggestion | null)[] {
    const explaining = this.explaining(q);
    return this.withMarks(q, () =>
      ids.map((id) => {
        const i = this.f.position.get(id);
        if (i === undefined) return null;
        const song = this.f.songs[i] as Song;
        const recording = chooseRecording(song, q.period, q.periodCorrect);
        return recording ? this.explain(i, recording, null, explaining, q) : null;
      }),
    );
  }

  /** The theme factor: the mean over wanted themes of each one's best match, and the best three. */
  private explainThemes(
    wanted: readonly string[],
    songThemes: readonly string[],
    words: ReasonTexts,
  ): Explained {
    const matches = themeMatches(this.themes, wanted, songThemes);
    return {
      value: matches.reduce((sum, m) => sum + m.match.value, 0) / wanted.length,
      text: words.themes(
        sortSmall(matches, (a, b) => b.match.value - a.match.value)
          .slice(0, 3)
          .map((b) => ({ wanted: b.wanted, songTheme: b.songTheme, relation: b.match.relation })),
      ),
    };
  }

  /** The mood factor of a song for a scene, and its sentence. */
  private explainMood(
    scene: MoodPoint | null,
    q: RankQuery,
    song: Song,
    words: ReasonTexts,
  ): Explained {
    const value = scene ? moodValue(scene, this.moods.songPoint(song), q.moods, song.moods) : 0;
    return { value, text: words.mood(value, q.moods, song.moods) };
  }

  /** What explaining any song for this query needs, computed once per query. */
  private explaining(q: RankQuery): Explaining {
    const active = activeFactors(q);
    const lang = q.lang ?? "en";
    return {
      active,
      totalWeight: active.reduce((s, f) => s + WEIGHTS[f], 0),
      scene: this.moods.centre(q.moods),
      themesKey: `${lang}\u0001${q.themes.join("\u0001")}`,
      moodsKey: `${lang}\u0001${q.moods.join("\u0001")}`,
    };
  }

  /**
   * Recomputes each active factor of the song at position `i` with the readable (slower)
   * functions and words it. Text matches must be marked (withMarks).
   */
  private explain(
    i: number,
    recording: Recording,
    score: number | null,
    explaining: Explaining,
    q: RankQuery,
  ): Suggestion {
    const { active, totalWeight } = explaining;
    const song = this.f.songs[i] as Song;
    const year = recording.year ?? song.year;
    const scene = explaining.scene;
    const words = this.texts[q.lang ?? "en"];
    let sum = 0;
    // A loop and memo look-ups without closures: this runs for every suggestion of every answer.
    const reasons: Reason[] = [];
    for (const factor of active) {
      let part: Explained;
      switch (factor) {
        case "themes":
          // Depends on the wanted themes, the language and the song's themes only.
          part =
            this.themeParts.find(explaining.themesKey, song.themes) ??
            this.themeParts.keep(
              explaining.themesKey,
              song.themes,
              this.explainThemes(q.themes, song.themes, words),
            );
          break;
        case "era":
          part = q.period
            ? {
                value: eraValue(year, q.period),
                text: words.era(year, q.period, recording.year !== undefined),
              }
            : NOTHING;
          break;
        case "mood":
          // Depends on the wanted moods (and so the scene's point), the language and the song.
          part =
            this.moodParts.find(explaining.moodsKey, song) ??
            this.moodParts.keep(explaining.moodsKey, song, this.explainMood(scene, q, song, words));
          break;
        case "text": {
          const mask = this.textMask[i] as number;
          part = {
            value: this.textScratch[i] as number,
            text: words.text(mask !== 0 && q.text ? q.text.termsOf(mask) : null),
          };
          break;
        }
        case "origin":
          part = { value: originValue(q, song), text: words.origin(q, song) };
          break;
      }
      const share = (WEIGHTS[factor] * part.value) / totalWeight;
      sum += share;
      reasons.push({ factor, contribution: round(share), text: part.text });
    }
    sortSmall(reasons, (a, b) => b.contribution - a.contribution);
    return { song, recording, score: round(score ?? sum), reasons };
  }
}

interface Explaining {
  active: FactorName[];
  totalWeight: number;
  /** The scene's point on the mood plane. */
  scene: MoodPoint | null;
  /** What the theme and mood factors of a song depend on besides the song (PerSongMemo keys). */
  themesKey: string;
  moodsKey: string;
}

/** A factor's value and its sentence. */
interface Explained {
  value: number;
  text: string;
}

const NOTHING: Explained = { value: 0, text: "" };

/** The factors a query gives information for (their weights are shared among them). */
export function activeFactors(q: RankQuery): FactorName[] {
  const out: FactorName[] = [];
  if (q.themes.length > 0) out.push("themes");
  if (q.period) out.push("era");
  if (q.moods.length > 0) out.push("mood");
  if (q.text && q.text.size > 0) out.push("text");
  if (q.country !== undefined || q.language !== undefined) out.push("origin");
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
