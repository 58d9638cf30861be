/**
 * `npm run bench`: catalogue sizes 1k/10k/100k (startup, RSS, in-process suggestion latency), then
 * HTTP requests/s of POST /v1/suggestions against a bare express endpoint in the same run, with the
 * server process's CPU time per request.
 * Prints a Markdown table (pasted into the README).
 */
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../src/config.js";
import { readFileSync } from "node:fs";
import { SCENES, randomScene, variedScene } from "./synthetic.js";

// `npm run bench` runs the compiled build (dist/bench), as `npm start` serves it; under tsx the
// sibling scripts run through tsx too. Both sides of the HTTP comparison run the same way.
const self = fileURLToPath(import.meta.url);
const here = path.dirname(self);
const ext = path.extname(self);
const nodeFlags = [...(ext === ".ts" ? ["--import", "tsx"] : []), "--expose-gc"];
const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const duration = Number(process.env.BENCH_SECONDS ?? 20);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = 10;

interface SizeResult {
  plan10: number | null;
  plan50: number | null;
  songs: number;
  startupMs: number;
  rssMb: number;
  p50: number;
  p99: number;
}

const rows: SizeResult[] = [];
for (const n of sizes) {
  const res = spawnSync(
    process.execPath,
    [...nodeFlags, path.join(here, `catalogue-size${ext}`), String(n)],
    { encoding: "utf8", cwd: PROJECT_ROOT },
  );
  if (res.status !== 0) throw new Error(res.stderr);
  const line = res.stdout.trim().split("\n").pop() as string;
  rows.push(JSON.parse(line) as SizeResult);
  process.stderr.write(`size ${n} done\n`);
}

const ms = (x: number | null) => (x === null ? "–" : `${x.toFixed(0)} ms`);
console.log(
  "\n| songs | startup (validate + index) | RSS | suggestion p50 | suggestion p99 | plan 10 scenes | plan 50 scenes |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(
    `| ${r.songs.toLocaleString("en")} | ${r.startupMs.toFixed(0)} ms | ${r.rssMb.toFixed(0)} MB | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${ms(r.plan10)} | ${ms(r.plan50)} |`,
  );
}

const httpSize = Number(process.env.BENCH_HTTP_SONGS ?? 10000);
const child = spawn(
  process.execPath,
  [...nodeFlags, path.join(here, `servers${ext}`), String(httpSize)],
  {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const ports = await new Promise<{ ours: number; bare: number; cpu: number }>((resolve, reject) => {
  let buf = "";
  child.stdout.on("data", (d: Buffer) => {
    buf += d.toString();
    const nl = buf.indexOf("\n");
    if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
  });
  child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
});

const headers = { "content-type": "application/json" };
const vocabulary = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, "data", "vocabulary.json"), "utf8"),
) as { themes: { id: string }[]; moods: { id: string }[] };
const terms = {
  themes: vocabulary.themes.map((t) => t.id),
  moods: vocabulary.moods.map((m) => m.id),
};
type Mix = "unique" | "varied" | "repeated";
/**
 * "unique": every request body is new (no answer cache can help); "varied": new too, and with
 * explicit themes and moods drawn at random, so wanted sets hardly ever repeat; "repeated": the
 * same 8 scenes.
 */
async function load(port: number, mix: Mix, seconds: number): Promise<autocannon.Result> {
  const next = mix === "varied" ? () => variedScene(terms) : () => randomScene();
  const requests =
    mix === "repeated"
      ? SCENES.map((scene) => ({ method: "POST" as const, headers, body: JSON.stringify(scene) }))
      : [
          {
            method: "POST" as const,
            headers,
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              body: JSON.stringify(next()),
            }),
          },
        ];
  return autocannon({
    url: `http://127.0.0.1:${port}/v1/suggestions`,
    connections,
    duration: seconds,
    requests,
  });
}

/** The server process's CPU time so far, in µs (see servers.ts). */
async function serverCpu(): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${ports.cpu}/`);
  return ((await res.json()) as { micros: number }).micros;
}

/** What one endpoint did over all its rounds. */
interface Totals {
  requests: number;
  seconds: number;
  cpuMicros: number;
  bad: number;
  p50: number[];
  p99: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Loads each endpoint for `duration` seconds in all, in alternating rounds, so that a slow spell
 * of the (shared, noisy) machine falls on both alike rather than on whichever ran second.
 */
async function compare(mix: Mix): Promise<{ bare: Totals; ours: Totals }> {
  const empty = (): Totals => ({ requests: 0, seconds: 0, cpuMicros: 0, bad: 0, p50: [], p99: [] });
  const totals = { bare: empty(), ours: empty() };
  const seconds = duration / rounds;
  for (let round = 0; round < rounds; round++) {
    for (const side of ["bare", "ours"] as const) {
      const before = await serverCpu();
      const result = await load(ports[side], mix, seconds);
      const t = totals[side];
      t.cpuMicros += (await serverCpu()) - before;
      t.requests += result.requests.total;
      t.seconds += result.duration;
      t.bad += result.errors + result.non2xx;
      t.p50.push(result.latency.p50);
      t.p99.push(result.latency.p99);
    }
  }
  return totals;
}

const row = (name: string, mix: string, t: Totals, ratio: string) =>
  `| ${name} | ${mix} | ${(t.requests / t.seconds).toFixed(0)} | ${median(t.p50)} ms | ${median(t.p99)} ms | ${(t.cpuMicros / 1000 / Math.max(1, t.requests)).toFixed(3)} ms | ${ratio}${t.bad ? ` (${t.bad} errors)` : ""} |`;

try {
  // Warm-up, both endpoints alike: JIT compilation, and the caches a running service keeps
  // (serialised songs, listening links, performer keys) filled as they would be in service.
  await load(ports.bare, "unique", duration);
  await load(ports.ours, "unique", duration);
  console.log(
    `\nHTTP, ${httpSize.toLocaleString("en")} songs, ${connections} connections, ${duration} s per endpoint and mix in ${rounds} alternating rounds (autocannon, same run):\n`,
  );
  console.log(
    "| endpoint | request mix | requests/s | latency p50 | latency p99 | server CPU / request | vs bare |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const mix of ["unique", "varied", "repeated"] as const) {
    const { bare, ours } = await compare(mix);
    const ratio = (100 * (ours.requests / ours.seconds)) / (bare.requests / bare.seconds);
    console.log(row("bare express (parse JSON, constant answer)", mix, bare, "100%"));
    console.log(row("POST /v1/suggestions", mix, ours, `${ratio.toFixed(0)}%`));
  }
} finally {
  child.kill();
}
