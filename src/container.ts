/** The one place that picks concrete adapters and wires them into the app. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Catalogue } from "./catalogue/catalogue.js";
import { loadCatalogueData } from "./catalogue/data-files.js";
import { LiveCatalogue } from "./catalogue/live-catalogue.js";
import { SqliteStore } from "./catalogue/store/sqlite-store.js";
import type { CatalogueStore } from "./catalogue/store/store.js";
import { PROJECT_ROOT, type Config } from "./config.js";
import { DomainError, issuesToDetails } from "./domain/index.js";
import { ConfiguredKeySchema, KeyRing, type ConfiguredKey } from "./services/auth.js";
import { Curation } from "./services/curation.js";
import { createStreaming, type Streaming } from "./streaming/index.js";

export function projectVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** The catalogue straight from data/ files (read-only; used by `--data` and tests). */
export function openCatalogue(config: Pick<Config, "dataDir">): Catalogue {
  return new Catalogue(loadCatalogueData(config.dataDir));
}

/** Opens the database, creating and seeding it from data/ on first start. */
export function openStore(config: Pick<Config, "dataDir" | "dbPath">): CatalogueStore {
  return SqliteStore.open(config.dbPath, () => {
    const data = loadCatalogueData(config.dataDir);
    return {
      songs: data.songs,
      themes: data.vocabulary.themes,
      moods: data.vocabulary.moods,
      films: data.films,
    };
  });
}

export function configuredKeys(config: Pick<Config, "apiKeys" | "apiKeysFile">): ConfiguredKey[] {
  const fromEnv = config.apiKeys
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item, i) => {
      const [role, name, ...rest] = item.split(":");
      const parsed = ConfiguredKeySchema.safeParse({ role, name, key: rest.join(":") });
      if (!parsed.success) throw badKeys(`API_KEYS item ${i + 1} (role:name:key)`, parsed.error);
      return parsed.data;
    });
  let fromFile: ConfiguredKey[] = [];
  if (config.apiKeysFile) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(config.apiKeysFile, "utf8"));
    } catch (err) {
      throw new DomainError(
        "invalid_input",
        `Cannot read API_KEYS_FILE ${config.apiKeysFile}: ${(err as Error).message}`,
        [{ path: "API_KEYS_FILE", problem: "unreadable" }],
      );
    }
    const parsed = z.array(ConfiguredKeySchema).safeParse(raw);
    if (!parsed.success) throw badKeys(`API_KEYS_FILE ${config.apiKeysFile}`, parsed.error);
    fromFile = parsed.data;
  }
  return [...fromEnv, ...fromFile];
}

function badKeys(where: string, error: z.ZodError): DomainError {
  const details = issuesToDetails(error);
  return new DomainError(
    "invalid_input",
    `Bad API key setting in ${where}: ${details.map((d) => `${d.path} ${d.problem}`).join("; ")}`,
    details,
  );
}

export interface Service {
  store: CatalogueStore;
  live: LiveCatalogue;
  curation: Curation;
  keys: KeyRing;
  streaming: Streaming;
  /** Closes the database and stops streaming timers. */
  close(): void;
}

export function openService(config: Config): Service {
  const keys = configuredKeys(config);
  const streaming = createStreaming(config.streaming);
  const store = openStore(config);
  const live = new LiveCatalogue(store);
  return {
    store,
    live,
    curation: new Curation(store, () => live.current()),
    keys: new KeyRing(keys, store),
    streaming,
    close: () => {
      streaming.close();
      store.close();
    },
  };
}
