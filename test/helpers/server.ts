/** Starts the real express app on an ephemeral port and tears it down after the suite. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Catalogue } from "../../src/catalogue/catalogue.js";
import { loadCatalogueData } from "../../src/catalogue/data-files.js";
import { createApp } from "../../src/http/app.js";
import { DATA_DIR } from "./fixtures.js";

let shared: Catalogue | null = null;
/** The real catalogue from data/, loaded once for all tests. */
export function realCatalogue(): Catalogue {
  shared ??= new Catalogue(loadCatalogueData(DATA_DIR));
  return shared;
}

export interface Running {
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export async function listen(
  catalogue: Catalogue = realCatalogue(),
  bodyLimit?: number,
): Promise<Running> {
  const logs: string[] = [];
  const app = createApp({
    source: () => catalogue,
    version: "test",
    log: (m) => logs.push(m),
    ...(bodyLimit ? { bodyLimit } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export async function getJson(
  url: string,
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(url);
  return { status: res.status, json: await res.json(), headers: res.headers };
}
