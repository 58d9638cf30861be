/**
 * Starts, in one process, our app over a synthetic catalogue and a bare express endpoint that only
 * parses the same JSON body and answers a constant, so the load generator can compare the two.
 * Prints the two ports as JSON, then serves until killed.
 */
import express from "express";
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
const a = ours.listen(0, "127.0.0.1", () => {
  const b = bare.listen(0, "127.0.0.1", () => {
    console.log(
      JSON.stringify({
        ours: (a.address() as AddressInfo).port,
        bare: (b.address() as AddressInfo).port,
      }),
    );
  });
});
