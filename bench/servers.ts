/**
 * Starts, in one process, our app over a synthetic catalogue and a bare express endpoint that only
 * parses the same JSON body and answers a constant, so the load generator can compare the two.
 * A third, plain HTTP port answers this process's CPU time so far, so the load generator can report
 * server CPU per request (steadier than requests/s when the load generator shares the machine).
 * Prints the three ports as JSON, then serves until killed.
 */
import express from "express";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Catalogue } from "../src/catalogue/catalogue.js";
import { PROJECT_ROOT } from "../src/config.js";
import { VocabularySchema } from "../src/domain/index.js";
import { createApp } from "../src/http/app.js";
import { syntheticSongs } from "./synthetic.js";

const n = Number(process.argv[2] ?? 10000);
const vocabulary = VocabularySchema.parse(
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, "data", "vocabulary.json"), "utf8")),
);
const catalogue = new Catalogue({ vocabulary, songs: syntheticSongs(n, vocabulary) });
const ours = createApp({ source: () => catalogue, version: "bench" });
const bare = express();
bare.use(express.json());
bare.post("/v1/suggestions", (_req, res) => {
  res.json({ ok: true });
});
const cpu = createServer((_req, res) => {
  const { user, system } = process.cpuUsage();
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ micros: user + system }));
});
/** Listens on a free port of 127.0.0.1 and resolves to it. */
const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
const [oursPort, barePort, cpuPort] = await Promise.all([
  listen(createServer(ours)),
  listen(createServer(bare)),
  listen(cpu),
]);
console.log(JSON.stringify({ ours: oursPort, bare: barePort, cpu: cpuPort }));
