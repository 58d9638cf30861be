import { CachingResolver } from "../../src/streaming/caching-resolver.js";
import { DisabledResolver } from "../../src/streaming/disabled-resolver.js";
import { createSpotifyApp } from "../../src/streaming/spotify-app.js";
import { createStreamingResolver } from "../../src/streaming/index.js";
import { resolverContract } from "./resolver-contract.js";
import { settingsFor } from "./fixtures.js";

const quick = (url: string) => settingsFor(url, { timeoutMs: 300, retries: 1 });
const runtime = { backoffBaseMs: 5 };

resolverContract("DisabledResolver", () => new DisabledResolver(), "disabled");
resolverContract("SpotifyResolver", (url) => createSpotifyApp(quick(url), runtime).resolver);
resolverContract(
  "CachingResolver over Spotify",
  (url) =>
    new CachingResolver(createSpotifyApp(quick(url), runtime).resolver, {
      ttlSec: 60,
      maxKeys: 10,
    }),
);
resolverContract("createStreamingResolver", (url) => createStreamingResolver(quick(url)));
