/** A real service over a real SQLite file in a temp directory, seeded from data/, on a real port. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config.js";
import { openService, type Service } from "../../src/container.js";
import { createApp } from "../../src/http/app.js";
import type { StreamingSettings } from "../../src/streaming/settings.js";
import { DATA_DIR } from "./fixtures.js";

export const KEYS = {
  reader: "reader-key-0123456789abcdef",
  editor: "editor-key-0123456789abcdef",
  editor2: "editor2-key-0123456789abcdef",
  admin: "admin-key-0123456789abcdefgh",
};

export interface Editable {
  url: string;
  dir: string;
  dbPath: string;
  service: Service;
  logs: string[];
  close(): Promise<void>;
  req(
    method: string,
    p: string,
    opts?: { key?: keyof typeof KEYS | null; body?: unknown; ifMatch?: string; type?: string },
  ): Promise<{ status: number; json: any; etag: string | null; text: string }>;
}

export async function editableServer(
  options: {
    readsNeedKey?: boolean;
    dbPath?: string;
    webDir?: string;
    streaming?: StreamingSettings;
  } = {},
): Promise<Editable> {
  const dir = mkdtempSync(path.join(tmpdir(), "soundtrack-db-"));
  const dbPath = options.dbPath ?? path.join(dir, "catalogue.db");
  const apiKeys = `reader:rita:${KEYS.reader},editor:eddie:${KEYS.editor},editor:erin:${KEYS.editor2},admin:ada:${KEYS.admin}`;
  const base = loadConfig({});
  const service = openService({
    ...base,
    dataDir: DATA_DIR,
    dbPath,
    apiKeys,
    apiKeysFile: undefined,
    streaming: options.streaming ?? base.streaming,
  });
  const logs: string[] = [];
  const app = createApp({
    source: () => service.live.current(),
    editing: {
      curation: service.curation,
      keys: service.keys,
      readsNeedKey: options.readsNeedKey ?? false,
    },
    version: "test",
    log: (m) => logs.push(m),
    streaming: service.streaming,
    ...(options.webDir ? { webDir: options.webDir } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dir,
    dbPath,
    service,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      service.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async req(method, p, opts = {}) {
      const headers: Record<string, string> = {};
      const key = opts.key === undefined ? "editor" : opts.key;
      if (key) headers.authorization = `Bearer ${KEYS[key]}`;
      if (opts.ifMatch) headers["if-match"] = opts.ifMatch;
      let body: string | undefined;
      if (opts.body !== undefined) {
        headers["content-type"] = opts.type ?? "application/json";
        body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
      }
      const res = await fetch(`${url}${p}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await res.text();
      let json: any = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, json, etag: res.headers.get("etag"), text };
    },
  };
}

/** A valid new song (fictional test entry; example.org source). */
export function newSong(
  id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    title: `Test song ${id}`,
    titleLatin: `Test song ${id}`,
    composers: [{ name: "Test Composer" }],
    lyricists: [],
    year: 1964,
    country: "SU",
    language: "ru",
    themes: ["waiting"],
    moods: ["tender"],
    notes: "A test entry.",
    sources: ["https://example.org/test"],
    recordings: [
      {
        id: `${id}-rec`,
        performers: [{ name: `Singer ${id}` }],
        year: 1964,
        sources: ["https://example.org/test"],
      },
    ],
    ...overrides,
  };
}
