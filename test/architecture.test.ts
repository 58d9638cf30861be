/**
 * Enforces the layering written in docs: the domain core imports only zod; analysis, scoring and
 * planning are pure (no HTTP, storage, Spotify or file system); each technology is imported in one
 * place; adapters depend on the core, never the reverse.
 */
import { expect } from "chai";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.js";

const SRC = path.join(PROJECT_ROOT, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [
    ...text.matchAll(
      /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
}

/** Top-level folder under src/ an import resolves to, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith("."))
    return spec.startsWith("node:")
      ? spec
      : spec.split("/")[0] === ""
        ? spec
        : spec.startsWith("@")
          ? spec.split("/").slice(0, 2).join("/")
          : (spec.split("/")[0] as string);
  const resolved = path.relative(SRC, path.resolve(path.dirname(file), spec));
  return `src/${resolved.split(path.sep)[0]}`;
}

const layer = (file: string) => `src/${path.relative(SRC, file).split(path.sep)[0]}`;
const all = files(SRC).map((f) => ({
  file: path.relative(PROJECT_ROOT, f),
  layer: layer(f),
  deps: imports(f).map((s) => target(f, s)),
}));

describe("architecture", () => {
  it("sees the imports it checks (guards against a scanner that finds nothing)", () => {
    expect(all.find((m) => m.file.endsWith(path.join("http", "app.ts")))?.deps).to.include.members([
      "express",
      "src/domain",
    ]);
    expect(all.find((m) => m.file.endsWith(path.join("domain", "song.ts")))?.deps).to.include(
      "zod",
    );
  });

  it("keeps the domain core free of everything but zod", () => {
    for (const m of all.filter((m) => m.layer === "src/domain")) {
      for (const d of m.deps) expect(["zod", "src/domain"], `${m.file} imports ${d}`).to.include(d);
    }
  });

  it("keeps analysis, scoring and planning pure", () => {
    const allowed = [
      "src/domain",
      "src/analysis",
      "src/scoring",
      "src/planning",
      "zod",
      "snowball-stemmers",
      "transliteration",
    ];
    for (const m of all.filter((m) =>
      ["src/analysis", "src/scoring", "src/planning"].includes(m.layer),
    )) {
      for (const d of m.deps) expect(allowed, `${m.file} imports ${d}`).to.include(d);
    }
  });

  it("lets no core or adapter module depend on HTTP, CLI or wiring", () => {
    for (const m of all.filter(
      (m) => !["src/http", "src/cli", "src/server.ts", "src/container.ts"].includes(m.layer),
    )) {
      for (const d of m.deps)
        expect(
          ["src/http", "src/cli", "src/server.ts", "src/container.ts"],
          `${m.file} imports ${d}`,
        ).to.not.include(d);
    }
  });

  it("imports each technology in one place", () => {
    const owners: Record<string, string[]> = {
      express: ["src/http"],
      minisearch: ["src/catalogue"],
      "spotify-web-api-node": ["src/streaming"],
      "node-cache": ["src/streaming"],
      "better-sqlite3": ["src/catalogue"],
      commander: ["src/cli"],
    };
    for (const m of all) {
      for (const d of m.deps) {
        const owner = owners[d];
        if (owner) expect(owner, `${m.file} imports ${d}`).to.include(m.layer);
      }
    }
  });
});
