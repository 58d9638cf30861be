/**
 * The only importer of spotify-web-api-node: the real client, aimed at `apiUrl`/`accountsUrl`,
 * with every library or transport error translated into an UpstreamError and every body parsed.
 *
 * How the client is aimed elsewhere: the library builds each request with
 * `WebApiRequest.builder()` / `AuthenticationRequest.builder()`, which hard-code Spotify's hosts,
 * and every client method calls them synchronously, looking `builder` up on the shared module
 * object at call time (`src/spotify-web-api.js`, `src/server-methods.js`). We wrap those two
 * `builder` functions once: while a call made through `aimedAt()` is being built, the wrapper
 * applies that client's scheme/host/port with the builders' own `withScheme/withHost/withPort`;
 * outside such a call it changes nothing. Because building is synchronous, two clients aimed at
 * different servers never see each other's target.
 *
 * Deliberately not used: `addTracksToPlaylist` (calls `/v1/playlists/{id}/tracks`, 403 since
 * 2026: we send `/items` through the same builders) and the library's missing timeout (the call
 * policy sets the deadline).
 */
import SpotifyWebApi from "spotify-web-api-node";
import authenticationRequest from "spotify-web-api-node/src/authentication-request.js";
import type { SpotifyRequestBuilder } from "spotify-web-api-node/src/base-request.js";
import httpManager from "spotify-web-api-node/src/http-manager.js";
import webApiRequest from "spotify-web-api-node/src/webapi-request.js";
import { parseRetryAfter } from "./cool-down.js";
import type { SpotifyTrack } from "./spotify-matching.js";
import {
  PlaylistSchema,
  SnapshotSchema,
  TokenResponseSchema,
  errorDetails,
  parseBody,
  parseSearchPage,
  parseTrack,
} from "./spotify-schemas.js";
import { UpstreamError } from "./upstream-error.js";

/** Spotify 2026: search answers 400 "Invalid limit" above 10. */
export const MAX_SEARCH_LIMIT = 10;
/** Spotify: at most 100 items per add-items request. */
export const MAX_ITEMS_PER_REQUEST = 100;

export interface SpotifyClientConfig {
  apiUrl: string;
  accountsUrl: string;
  clientId?: string;
  clientSecret?: string;
  market?: string;
}

interface Endpoint {
  scheme: string;
  host: string;
  port: number;
}

interface Targets {
  api: Endpoint;
  accounts: Endpoint;
}

export class SpotifyClient {
  private readonly targets: Targets;

  constructor(private readonly config: SpotifyClientConfig) {
    this.targets = { api: endpointOf(config.apiUrl), accounts: endpointOf(config.accountsUrl) };
    aimBuilders();
  }

  /** Client-credentials flow: an app token for catalogue reads. */
  async requestAppToken(): Promise<{ accessToken: string; expiresInSec: number }> {
    const app = new SpotifyWebApi({
      clientId: this.config.clientId ?? "",
      clientSecret: this.config.clientSecret ?? "",
    });
    const response = await this.send(() => app.clientCredentialsGrant());
    const body = parseBody(TokenResponseSchema, response.body, "token response");
    return { accessToken: body.access_token, expiresInSec: body.expires_in };
  }

  async searchTracks(accessToken: string, query: string, limit: number): Promise<SpotifyTrack[]> {
    const options = {
      limit: Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit))),
      ...(this.config.market ? { market: this.config.market } : {}),
    };
    const api = new SpotifyWebApi({ accessToken });
    const response = await this.send(() => api.searchTracks(query, options));
    return parseSearchPage(response.body);
  }

  async getTrack(accessToken: string, trackId: string): Promise<SpotifyTrack> {
    const options = this.config.market ? { market: this.config.market } : {};
    const api = new SpotifyWebApi({ accessToken });
    const response = await this.send(() => api.getTrack(trackId, options));
    return parseTrack(response.body);
  }

  /** `POST /v1/me/playlists` (the library's createPlaylist already uses the 2026 path). */
  async createPlaylist(
    userToken: string,
    name: string,
    description: string,
  ): Promise<{ id: string }> {
    const api = new SpotifyWebApi({ accessToken: userToken });
    const response = await this.send(() =>
      api.createPlaylist(name, { description, public: false, collaborative: false }),
    );
    return parseBody(PlaylistSchema, response.body, "playlist");
  }

  /** `POST /v1/playlists/{id}/items`, appending `uris` (at most 100) in order. */
  async addPlaylistItems(
    userToken: string,
    playlistId: string,
    uris: string[],
  ): Promise<{ snapshotId: string }> {
    if (uris.length > MAX_ITEMS_PER_REQUEST) {
      throw new Error(`at most ${MAX_ITEMS_PER_REQUEST} items per request`);
    }
    const response = await this.send(() =>
      webApiRequest
        .builder(userToken)
        .withPath(`/v1/playlists/${encodeURIComponent(playlistId)}/items`)
        .withHeaders({ "Content-Type": "application/json" })
        .withBodyParameters({ uris })
        .build()
        .execute(httpManager.post),
    );
    return { snapshotId: parseBody(SnapshotSchema, response.body, "snapshot").snapshot_id };
  }

  private async send<R>(call: () => Promise<R>): Promise<R> {
    try {
      return await aimedAt(this.targets, call);
    } catch (error) {
      throw translate(error);
    }
  }
}

// ---- aiming the library's request builders ----

const AIMED = Symbol.for("soundtrack.streaming.spotify-builders-aimed");
/**
 * The current target lives on a process-wide holder, not in this module: the library is one shared
 * CommonJS module, but this file can be instantiated twice (once as CommonJS, once as ESM, when
 * loaders mix), and only the first instance wraps the builders. Both must steer the same wrapper.
 */
const AIM = Symbol.for("soundtrack.streaming.spotify-builders-target");
const holder = ((globalThis as Record<symbol, unknown>)[AIM] ??= { aim: null }) as {
  aim: Targets | null;
};

type BuilderModule<A extends unknown[]> = {
  builder(...args: A): SpotifyRequestBuilder;
  [AIMED]?: true;
};

function aimBuilders(): void {
  wrap(webApiRequest as BuilderModule<[string?]>, () => holder.aim?.api);
  wrap(authenticationRequest as BuilderModule<[]>, () => holder.aim?.accounts);
}

function wrap<A extends unknown[]>(
  module: BuilderModule<A>,
  target: () => Endpoint | undefined,
): void {
  if (module[AIMED]) return;
  const original = module.builder.bind(module);
  module.builder = (...args: A) => {
    const builder = original(...args);
    const endpoint = target();
    return endpoint
      ? builder.withScheme(endpoint.scheme).withHost(endpoint.host).withPort(endpoint.port)
      : builder;
  };
  module[AIMED] = true;
}

/** Runs `call` (which builds its request synchronously) with the builders aimed at `targets`. */
function aimedAt<R>(targets: Targets, call: () => R): R {
  const previous = holder.aim;
  holder.aim = targets;
  try {
    return call();
  } finally {
    holder.aim = previous;
  }
}

/** `https://api.spotify.com` → { scheme: "https", host: "api.spotify.com", port: 443 } */
function endpointOf(baseUrl: string): Endpoint {
  const url = new URL(baseUrl);
  const scheme = url.protocol.replace(/:$/, "");
  if (scheme !== "http" && scheme !== "https") throw new Error(`not an http(s) URL: ${baseUrl}`);
  // The library's getURI() needs a numeric port and leaves out only the scheme's default one.
  const port = url.port ? Number(url.port) : scheme === "https" ? 443 : 80;
  return { scheme, host: url.hostname, port };
}

// ---- errors ----

/**
 * The library rejects with: its WebapiError family (statusCode, headers, body) for HTTP errors;
 * superagent's parse error (rawResponse, statusCode) when a body is not the JSON it claims to be;
 * or a Node system error (code: ECONNREFUSED, ECONNRESET…) when nothing came back.
 */
function translate(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  // superagent's parse error carries the status but neither headers nor body: a 429 or a 5xx
  // with a broken body is still a 429 or a 5xx; only a success with a broken body is garbage.
  const unparsable = "rawResponse" in e;
  if (status !== undefined && !(unparsable && status < 300)) {
    const headers = (e.headers ?? {}) as Record<string, string | string[] | undefined>;
    const details = errorDetails(e.body);
    const message = details.message ?? `HTTP ${status}`;
    if (status === 429) {
      const retryAfterSec = parseRetryAfter(headers["retry-after"]);
      return new UpstreamError({ kind: "rate-limited", retryAfterSec, reason: details.reason });
    }
    if (status >= 500) return new UpstreamError({ kind: "server", status });
    if (status === 401) return new UpstreamError({ kind: "unauthorized", message });
    if (status >= 400) return new UpstreamError({ kind: "rejected", status, message });
    return new UpstreamError({ kind: "malformed", detail: `unexpected status ${status}` });
  }
  if (unparsable) {
    return new UpstreamError({ kind: "malformed", detail: "body is not valid JSON" });
  }
  if (typeof e.code === "string") return new UpstreamError({ kind: "network", code: e.code });
  const text = error instanceof Error ? error.message : String(error);
  return new UpstreamError({ kind: "network", code: text || "unknown error" });
}
