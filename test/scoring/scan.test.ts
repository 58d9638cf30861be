/**
 * The fast scan (typed arrays, bounds that skip songs, early stop) must find exactly the songs the
 * readable factor formulas would rank first. Checked against a brute-force ranking of every song
 * for many random requests on a synthetic catalogue.
 */
import { expect } from "chai";
import { syntheticSongs } from "../../bench/synthetic.js";
import { Catalogue } from "../../src/catalogue/catalogue.js";
import type { FactorName, Song, YearRange } from "../../src/domain/index.js";
import {
  WEIGHTS,
  eraValue,
  moodValue,
  originValue,
  themeValue,
} from "../../src/scoring/factors.js";
import type { TextMatches } from "../../src/catalogue/text-index.js";
import { activeFactors, type RankQuery } from "../../src/scoring/ranker.js";
import { chooseRecording } from "../../src/scoring/recording-choice.js";
import { realVocabulary } from "../helpers/fixtures.js";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const vocab = realVocabulary();
const catalogue = new Catalogue({ vocabulary: vocab, songs: syntheticSongs(3000, vocab, 7) });
const WORDS =
  "звезда дорога небо любовь river night city dream home forest ждут космос rocket".split(" ");

type TestQuery = RankQuery & { text?: TextMatches | undefined };

/** Every song scored with the readable formulas; best first, with no performer cap. */
function bruteForce(q: TestQuery): { id: string; score: number }[] {
  const active = activeFactors(q);
  const total = active.reduce((s, f) => s + WEIGHTS[f], 0);
  const ranker = catalogue.ranker;
  const scene = ranker.moods.centre(q.moods);
  const valueBySlot = new Map<number, number>();
  q.text?.forEach((slot, value) => valueBySlot.set(slot, value));
  const textOf = (id: string) => valueBySlot.get(catalogue.index.textSlot(id) ?? -1);
  const out: { id: string; score: number }[] = [];
  for (const song of catalogue.all() as Song[]) {
    if (q.exclude?.has(song.id)) continue;
    const recording = chooseRecording(song, q.period, q.periodCorrect);
    if (!recording) continue;
    const year = recording.year ?? song.year;
    const value: Record<FactorName, number> = {
      themes: themeValue(ranker.themes, q.themes, song.themes),
      era: q.period ? eraValue(year, q.period) : 0,
      mood: scene ? moodValue(scene, ranker.moods.songPoint(song), q.moods, song.moods) : 0,
      text: textOf(song.id) ?? 0,
      origin: originValue(q, song),
    };
    out.push({
      id: song.id,
      score: active.reduce((s, f) => s + (WEIGHTS[f] * value[f]) / total, 0),
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

function randomQuery(
  r: () => number,
): RankQuery & { text?: ReturnType<Catalogue["index"]["relevance"]> } {
  const pick = <T>(xs: readonly T[], n: number): T[] => [
    ...new Set(Array.from({ length: n }, () => xs[Math.floor(r() * xs.length)] as T)),
  ];
  const from = 1930 + Math.floor(r() * 60);
  const periods: (YearRange | null)[] = [
    null,
    { from, to: from },
    { from, to: from + Math.floor(r() * 15) },
  ];
  const description = pick(WORDS, Math.floor(r() * 4)).join(" ");
  const text = description ? catalogue.index.relevance(description) : undefined;
  const limit = 1 + Math.floor(r() * 30);
  return {
    period: periods[Math.floor(r() * 3)] ?? null,
    periodCorrect: r() < 0.7,
    // Up to eight themes: the kernel reads five directly and sums the rest up front.
    themes: pick(
      vocab.themes.map((t) => t.id),
      Math.floor(r() * 9),
    ),
    moods: pick(
      vocab.moods.map((m) => m.id),
      Math.floor(r() * 3),
    ),
    ...(r() < 0.5 ? { country: r() < 0.5 ? "SU" : "US" } : {}),
    ...(r() < 0.3 ? { language: r() < 0.5 ? "ru" : "en" } : {}),
    text: text && text.size > 0 ? text : undefined,
    exclude: new Set(
      pick(
        catalogue.all().map((s) => s.id),
        Math.floor(r() * 20),
      ),
    ),
    limit,
    maxPerPerformer: limit,
  };
}

describe("ranking scan", () => {
  it("returns the same best songs and scores as scoring every song by the factor formulas", () => {
    const r = rng(2026);
    let compared = 0;
    for (let round = 0; round < 150; round++) {
      const q = randomQuery(r);
      const fast = catalogue.ranker.rank(q);
      const all = bruteForce(q);
      const slow = all.slice(0, q.limit);
      expect(fast.length, `round ${round}`).to.equal(slow.length);
      // Same scores at every rank (equal scores may come in either order between the two).
      fast.forEach((s, i) => {
        expect(s.score, `round ${round}, rank ${i}`).to.be.closeTo(slow[i]!.score, 1e-3);
        // The recording recommended is the one the rule in recording-choice.ts picks.
        expect(s.recording).to.equal(chooseRecording(s.song, q.period, q.periodCorrect));
      });
      // No song the scan skipped could have scored better than the last one it kept (whose
      // score is shown rounded to 3 places).
      const kept = new Set(fast.map((s) => s.song.id));
      const last = fast.at(-1)?.score ?? -Infinity;
      for (const s of all) if (!kept.has(s.id)) expect(s.score).to.be.at.most(last + 5e-4);
      compared += fast.length;
    }
    expect(compared).to.be.greaterThan(500);
  });
});
