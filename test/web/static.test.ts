/**
 * The web page's own checks, without a browser: its scripts type-check (web/tsconfig.json:
 * `// @ts-check` JavaScript with JSDoc types, no build step), every text it shows exists in both
 * languages, and it loads nothing from outside the service.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../../src/config.js";

const WEB = path.join(PROJECT_ROOT, "web");

function webFiles(dir = WEB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? webFiles(p) : [p];
  });
}

describe("web page: static checks", function () {
  it("type-checks its scripts with tsc -p web", function () {
    this.timeout(60_000);
    const tsc = path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", "web"], { cwd: PROJECT_ROOT, stdio: "pipe" });
    } catch (err) {
      const out = err as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`tsc -p web failed:\n${out.stdout?.toString()}${out.stderr?.toString()}`);
    }
  });

  it("has every text it uses in Russian and English", async () => {
    const mod = await import(pathToFileURL(path.join(WEB, "i18n.js")).href);
    const strings = mod.STRINGS as Record<"en" | "ru", Record<string, unknown>>;
    const en = Object.keys(strings.en).sort();
    const ru = Object.keys(strings.ru).sort();
    expect(ru, "the same keys in both languages").to.deep.equal(en);

    const used = new Set<string>();
    for (const file of webFiles().filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /\b(?:t|tx)\(\s*"([\w.]+)"|data-i18n(?:-[a-z-]+)?"?\s*[:=]\s*"([\w.]+)"|(?:labelKey|hintKey|emptyKey):\s*"([\w.]+)"/g,
      ))
        used.add((m[1] ?? m[2] ?? m[3]) as string);
    }
    expect(used.size, "the scanner finds the keys").to.be.greaterThan(100);
    const missing = [...used].filter((k) => !(k in strings.en));
    expect(missing, "keys used but not translated").to.deep.equal([]);
  });

  it("loads nothing from outside the service (works offline)", () => {
    for (const file of webFiles().filter((f) => /\.(js|html|css)$/.test(f))) {
      const text = readFileSync(file, "utf8");
      const external = [
        ...text.matchAll(/(?:src|href)\s*=\s*"(https?:)?\/\/|@import|url\(\s*["']?https?:/g),
      ];
      expect(
        external.map((m) => m[0]),
        path.relative(PROJECT_ROOT, file),
      ).to.deep.equal([]);
    }
  });
});
