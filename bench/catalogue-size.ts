/**
 * One benchmark size, run in its own process so RSS is that catalogue's alone:
 * builds a synthetic catalogue of N songs, then times suggestions in-process.
 * Prints one JSON line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Catalogue } from "../src/catalogue/catalogue.js";
import { PROJECT_ROOT } from "../src/config.js";
import { SongSchema, VocabularySchema } from "../src/domain/index.js";
import { planSoundtrack } from "../src/services/plan.js";
import { suggest } from "../src/services/suggest.js";
import { SCENES, syntheticFilm, syntheticSongs } from "./synthetic.js";

const n = Number(process.argv[2] ?? 1000);
const iterations = Number(process.argv[3] ?? 200);
const vocabulary = VocabularySchema.parse(
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, "data", "vocabulary.json"), "utf8")),
);
const raw = syntheticSongs(n, vocabulary);
const rssBefore = process.memoryUsage().rss;

const t0 = performance.now();
const songs = raw.map((s) => SongSchema.parse(s));
const catalogue = new Catalogue({ vocabulary, songs });
const startupMs = performance.now() - t0;
global.gc?.();
const rssMb = process.memoryUsage().rss / 2 ** 20;

for (let i = 0; i < 20; i++) suggest(catalogue, SCENES[i % SCENES.length], { cache: false });
const times: number[] = [];
for (let i = 0; i < iterations; i++) {
  const t = performance.now();
  suggest(catalogue, SCENES[i % SCENES.length], { cache: false });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
/** Median planning time of a synthetic film of `scenes` scenes (3 runs after a warm-up). */
function planMs(scenes: number): number {
  const film = syntheticFilm(scenes);
  planSoundtrack(catalogue, { film });
  const runs = [0, 1, 2].map(() => {
    const t = performance.now();
    planSoundtrack(catalogue, { film });
    return performance.now() - t;
  });
  return runs.sort((a, b) => a - b)[1] as number;
}
const plan10 = n >= 10000 ? planMs(10) : null;
const plan50 = n >= 10000 ? planMs(50) : null;

console.log(
  JSON.stringify({
    plan10,
    plan50,
    songs: n,
    startupMs,
    rssMb,
    rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
    p50: q(0.5),
    p99: q(0.99),
  }),
);
