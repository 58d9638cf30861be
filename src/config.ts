/**
 * Settings from the environment, validated at start. Every setting is listed in .env.example.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DomainError, issuesToDetails } from "./domain/index.js";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, "data")),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(256 * 1024),
  DB_PATH: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, "var", "catalogue.db")),
  API_KEYS: z.string().default(""),
  API_KEYS_FILE: z.string().min(1).optional(),
  READS_REQUIRE_KEY: z.enum(["true", "false"]).default("false"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  bodyLimitBytes: number;
  dbPath: string;
  /** Keys configured at start: "role:name:key" items separated by commas. */
  apiKeys: string;
  apiKeysFile: string | undefined;
  readsRequireKey: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const details = issuesToDetails(parsed.error);
    throw new DomainError(
      "invalid_input",
      `Bad setting: ${details.map((d) => `${d.path} ${d.problem}`).join("; ")}`,
      details,
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    dbPath: path.resolve(c.DB_PATH),
    apiKeys: c.API_KEYS,
    apiKeysFile: c.API_KEYS_FILE,
    readsRequireKey: c.READS_REQUIRE_KEY === "true",
  };
}
