/**
 * Settings from the environment, validated at start. Every setting is listed in .env.example.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DomainError, issuesToDetails } from "./domain/index.js";
import { DEFAULT_STREAMING_SETTINGS, type StreamingSettings } from "./streaming/settings.js";

/**
 * The project folder: the nearest one above this module that holds package.json (the sources run
 * from src/, the build from dist/src/).
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..");
  }
}

export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));

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
  SPOTIFY_CLIENT_ID: z.string().min(1).optional(),
  SPOTIFY_CLIENT_SECRET: z.string().min(1).optional(),
  SPOTIFY_API_URL: z.url().default(DEFAULT_STREAMING_SETTINGS.apiUrl),
  SPOTIFY_ACCOUNTS_URL: z.url().default(DEFAULT_STREAMING_SETTINGS.accountsUrl),
  SPOTIFY_MARKET: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a country code such as DE")
    .optional(),
  SPOTIFY_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(DEFAULT_STREAMING_SETTINGS.timeoutMs),
  SPOTIFY_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(DEFAULT_STREAMING_SETTINGS.concurrency),
  SPOTIFY_RETRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(DEFAULT_STREAMING_SETTINGS.retries),
  SPOTIFY_MIN_CONFIDENCE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(DEFAULT_STREAMING_SETTINGS.minConfidence),
  SPOTIFY_BREAKER_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_STREAMING_SETTINGS.breakerFailures),
  SPOTIFY_BREAKER_COOLDOWN_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(3_600_000)
    .default(DEFAULT_STREAMING_SETTINGS.breakerCooldownMs),
  STREAMING_CACHE_TTL_SEC: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86_400)
    .default(DEFAULT_STREAMING_SETTINGS.cacheTtlSec),
  STREAMING_CACHE_MAX_KEYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .default(DEFAULT_STREAMING_SETTINGS.cacheMaxKeys),
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
  streaming: StreamingSettings;
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
    streaming: {
      ...(c.SPOTIFY_CLIENT_ID ? { clientId: c.SPOTIFY_CLIENT_ID } : {}),
      ...(c.SPOTIFY_CLIENT_SECRET ? { clientSecret: c.SPOTIFY_CLIENT_SECRET } : {}),
      apiUrl: c.SPOTIFY_API_URL,
      accountsUrl: c.SPOTIFY_ACCOUNTS_URL,
      ...(c.SPOTIFY_MARKET ? { market: c.SPOTIFY_MARKET } : {}),
      timeoutMs: c.SPOTIFY_TIMEOUT_MS,
      concurrency: c.SPOTIFY_CONCURRENCY,
      retries: c.SPOTIFY_RETRIES,
      cacheTtlSec: c.STREAMING_CACHE_TTL_SEC,
      cacheMaxKeys: c.STREAMING_CACHE_MAX_KEYS,
      minConfidence: c.SPOTIFY_MIN_CONFIDENCE,
      breakerFailures: c.SPOTIFY_BREAKER_FAILURES,
      breakerCooldownMs: c.SPOTIFY_BREAKER_COOLDOWN_MS,
    },
  };
}
