/** The one place that picks concrete adapters and wires them into the app. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Catalogue } from "./catalogue/catalogue.js";
import { loadCatalogueData } from "./catalogue/data-files.js";
import { PROJECT_ROOT, type Config } from "./config.js";

export function projectVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export function openCatalogue(config: Pick<Config, "dataDir">): Catalogue {
  return new Catalogue(loadCatalogueData(config.dataDir));
}
