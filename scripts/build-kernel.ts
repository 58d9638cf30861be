/**
 * Compiles src/scoring/kernel/scan.wat into scan-wasm.ts beside it (the module's bytes, base64),
 * which the engine loads: it then needs no compiler at run time and no file outside its sources.
 * Run `npm run build:kernel` after editing scan.wat; test/scoring/kernel/build.test.ts fails while
 * the two disagree. Uses wabt, a development dependency only.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wabt from "wabt";

const here = (name: string) =>
  fileURLToPath(new URL(`../src/scoring/kernel/${name}`, import.meta.url));
export const KERNEL_SOURCE = here("scan.wat");
export const KERNEL_MODULE = here("scan-wasm.ts");

/** The WebAssembly bytes of scan.wat. */
export async function compileKernel(): Promise<Uint8Array> {
  const tools = await wabt();
  const parsed = tools.parseWat("scan.wat", readFileSync(KERNEL_SOURCE, "utf8"));
  try {
    parsed.validate();
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}

/** The text of scan-wasm.ts for these bytes. */
export function kernelModuleText(bytes: Uint8Array): string {
  return [
    "// Generated from scan.wat by `npm run build:kernel` (scripts/build-kernel.ts); do not edit.",
    "export const SCAN_WASM_BASE64 =",
    `  "${Buffer.from(bytes).toString("base64")}";`,
    "",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(KERNEL_MODULE, kernelModuleText(await compileKernel()));
  console.log(`wrote ${KERNEL_MODULE}`);
}
