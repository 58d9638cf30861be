/**
 * The engine runs the WebAssembly bytes embedded in scan-wasm.ts; scan.wat is what people read and
 * edit. They must not drift apart.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { KERNEL_MODULE, compileKernel, kernelModuleText } from "../../../scripts/build-kernel.js";

describe("scan kernel build", () => {
  it("embeds exactly what scan.wat compiles to (run `npm run build:kernel` after editing it)", async () => {
    const bytes = await compileKernel();
    expect(bytes.length).to.be.greaterThan(100);
    expect(readFileSync(KERNEL_MODULE, "utf8")).to.equal(kernelModuleText(bytes));
  });
});
