/**
 * Starts the HTTP service on its embedded defaults: port 8080, the catalogue database in
 * var/catalogue.db (created and seeded from data/ on first start).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DomainError } from "./domain/index.js";
import path from "node:path";
import { PROJECT_ROOT, loadConfig, type Config } from "./config.js";
import { openService, projectVersion } from "./container.js";
import { createApp } from "./http/app.js";

export async function startServer(config: Config): Promise<{ server: Server; url: string }> {
  const service = openService(config);
  const app = createApp({
    source: () => service.live.current(),
    editing: {
      curation: service.curation,
      keys: service.keys,
      readsNeedKey: config.readsRequireKey,
    },
    streaming: service.streaming,
    version: projectVersion(),
    bodyLimit: config.bodyLimitBytes,
    webDir: path.join(PROJECT_ROOT, "web"),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once("error", reject);
  });
  server.once("close", () => service.close());
  const { port } = server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  return { server, url: `http://${host}:${port}` };
}

const isMain =
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "");
if (isMain) {
  try {
    const config = loadConfig();
    const { server, url } = await startServer(config);
    console.log(
      `soundtrack service listening on ${url} — open it in a browser (API docs: ${url}/docs)`,
    );
    const stop = () => server.close(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (err) {
    console.error(err instanceof DomainError ? err.message : err);
    process.exit(1);
  }
}
