/**
 * A fake of Spotify's 2026 Web API and accounts service on 127.0.0.1 (ephemeral port), for tests.
 * All ids and data are made up.
 *
 * - `POST /api/token`: client credentials (checks Basic auth and grant_type) → access_token, expires_in.
 * - `GET /v1/search` (and `/v1/search/`, the path the library uses): type=track, `limit` 1–10 (default
 *   5; otherwise 400 "Invalid limit"), `track:"…"`/`artist:"…"` field filters and free words, matched
 *   as case-insensitive substrings in the script written (like Spotify, no transliteration).
 * - `GET /v1/tracks/{id}`; `POST /v1/me/playlists`; `POST /v1/playlists/{id}/items` (≤ 100 uris);
 *   `/v1/playlists/{id}/tracks` answers 403 (renamed in 2026).
 * - API calls need a Bearer token it issued (app) or the configured user token (/me, playlists).
 * - Programmable per route: `script(route, ...responses)` for the next calls, `always(route, r)`
 *   for every call; a response can be slow (`delayMs`), hang, be a 429 with Retry-After, a 500 or
 *   garbage. Every request is recorded (`requests`, `to(route)`).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeTrack {
  id: string;
  name: string;
  artists: string[];
  album: string;
  releaseDate: string;
  durationMs: number;
  isrc?: string;
  previewUrl?: string | null;
}

export type Route =
  "token" | "search" | "track" | "create-playlist" | "add-items" | "old-tracks" | "other";

export type FakeResponse =
  | {
      status: number;
      body?: unknown;
      /** Sent as is instead of JSON.stringify(body). */
      raw?: string;
      headers?: Record<string, string>;
      delayMs?: number;
    }
  | { hang: true };

export interface RecordedRequest {
  method: string;
  route: Route;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeOptions {
  tracks?: FakeTrack[];
  clientId?: string;
  clientSecret?: string;
  userToken?: string;
  tokenLifetimeSec?: number;
  port?: number;
}

export interface FakePlaylist {
  id: string;
  name: string;
  description: string;
  public: boolean;
  items: string[];
}

/** A made-up 22-character base-62 id with a readable prefix. */
export function fakeId(label: string): string {
  const clean = label.replace(/[^0-9A-Za-z]/g, "");
  return (clean + "0".repeat(22)).slice(0, 22);
}

export const rateLimited = (retryAfterSec: number, quota = false): FakeResponse => ({
  status: 429,
  headers: { "retry-after": String(retryAfterSec) },
  body: {
    error: {
      status: 429,
      message: "Too many requests",
      ...(quota ? { reason: "QUOTA_EXCEEDED" } : {}),
    },
  },
});

export const serverError = (status = 500): FakeResponse => ({
  status,
  body: { error: { status, message: "Server error" } },
});

export class FakeSpotify {
  readonly requests: RecordedRequest[] = [];
  readonly playlists = new Map<string, FakePlaylist>();
  tracks: FakeTrack[];
  tokenLifetimeSec: number;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly userToken: string;
  private readonly validTokens = new Set<string>();
  private issued = 0;
  private readonly scripted = new Map<Route, FakeResponse[]>();
  private readonly standing = new Map<Route, FakeResponse>();

  private constructor(
    private readonly server: Server,
    options: FakeOptions,
  ) {
    this.tracks = options.tracks ?? [];
    this.clientId = options.clientId ?? "test-client-id";
    this.clientSecret = options.clientSecret ?? "test-client-secret";
    this.userToken = options.userToken ?? "test-user-token";
    this.tokenLifetimeSec = options.tokenLifetimeSec ?? 3600;
  }

  static async start(options: FakeOptions = {}): Promise<FakeSpotify> {
    const server = createServer();
    const fake = new FakeSpotify(server, options);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () =>
        fake.handle(
          req.method ?? "GET",
          req.url ?? "/",
          req.headers,
          Buffer.concat(chunks).toString("utf8"),
          res,
        ),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Requests received on one route. */
  to(route: Route): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  /** The next calls to `route` get these responses, in order; later calls behave normally. */
  script(route: Route, ...responses: FakeResponse[]): void {
    this.scripted.set(route, [...(this.scripted.get(route) ?? []), ...responses]);
  }

  /** Every call to `route` gets this response (undefined: back to normal). */
  always(route: Route, response: FakeResponse | undefined): void {
    if (response) this.standing.set(route, response);
    else this.standing.delete(route);
  }

  /** Tokens issued so far stop working (as if they expired early). */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  get tokensIssued(): number {
    return this.issued;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    body: string,
    res: ServerResponse,
  ): void {
    const url = new URL(rawUrl, "http://fake.invalid");
    const route = routeOf(method, url.pathname);
    this.requests.push({
      method,
      route,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    });
    const queue = this.scripted.get(route);
    const override = queue?.shift() ?? this.standing.get(route);
    if (override) return send(res, override);
    send(res, this.normal(route, method, url, headers, body));
  }

  private normal(
    route: Route,
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
    body: string,
  ): FakeResponse {
    if (route === "token") return this.token(headers, body);
    if (route === "other") return apiError(404, "Service not found");
    if (route === "old-tracks") return apiError(403, "Forbidden");
    const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    const userRoute = route === "create-playlist" || route === "add-items";
    const ok =
      bearer !== undefined &&
      (userRoute ? bearer === this.userToken : this.validTokens.has(bearer));
    if (!ok) return apiError(401, bearer ? "Invalid access token" : "No token provided");

    if (route === "search") return this.search(url.searchParams);
    if (route === "track") {
      const id = url.pathname.split("/")[3] ?? "";
      if (!/^[0-9A-Za-z]{22}$/.test(id)) return apiError(400, "Invalid base62 id");
      const track = this.tracks.find((t) => t.id === id);
      return track
        ? { status: 200, body: trackObject(track) }
        : apiError(404, "Resource not found");
    }
    if (route === "create-playlist") {
      const input = JSON.parse(body || "{}") as {
        name?: string;
        description?: string;
        public?: boolean;
      };
      if (!input.name) return apiError(400, "Missing required field: name");
      const id = fakeId(`FakePlaylist${this.playlists.size + 1}`);
      this.playlists.set(id, {
        id,
        name: input.name,
        description: input.description ?? "",
        public: input.public ?? true,
        items: [],
      });
      return {
        status: 201,
        body: {
          id,
          name: input.name,
          description: input.description ?? null,
          public: input.public ?? true,
          collaborative: false,
          uri: `spotify:playlist:${id}`,
          href: `${this.url}/v1/playlists/${id}`,
          external_urls: { spotify: `https://open.spotify.com/playlist/${id}` },
          owner: { id: "fake-user", type: "user" },
          items: { href: `${this.url}/v1/playlists/${id}/items`, total: 0 },
          snapshot_id: "fake-snapshot-0",
        },
      };
    }
    if (route === "add-items") {
      const id = url.pathname.split("/")[3] ?? "";
      const playlist = this.playlists.get(id);
      if (!playlist) return apiError(404, "Resource not found");
      const input = JSON.parse(body || "{}") as { uris?: unknown };
      const uris = Array.isArray(input.uris) ? (input.uris as string[]) : [];
      if (uris.length === 0) return apiError(400, "No uris provided");
      if (uris.length > 100) return apiError(400, "Too many ids requested");
      if (uris.some((u) => !/^spotify:track:[0-9A-Za-z]{22}$/.test(u))) {
        return apiError(400, "Invalid base62 id");
      }
      playlist.items.push(...uris);
      return { status: 201, body: { snapshot_id: `fake-snapshot-${playlist.items.length}` } };
    }
    return apiError(405, "Method not allowed");
  }

  private token(headers: IncomingHttpHeaders, body: string): FakeResponse {
    const basic = /^Basic (.+)$/.exec(headers.authorization ?? "")?.[1];
    const expected = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString("base64");
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "client_credentials") {
      return { status: 400, body: { error: "unsupported_grant_type" } };
    }
    if (basic !== expected) {
      return {
        status: 400,
        body: { error: "invalid_client", error_description: "Invalid client" },
      };
    }
    this.issued++;
    const token = `fake-app-token-${this.issued}`;
    this.validTokens.add(token);
    return {
      status: 200,
      body: { access_token: token, token_type: "Bearer", expires_in: this.tokenLifetimeSec },
    };
  }

  private search(params: URLSearchParams): FakeResponse {
    const limitText = params.get("limit");
    const limit = limitText === null ? 5 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10) return apiError(400, "Invalid limit");
    if (params.get("type") !== "track") return apiError(400, "Unsupported type");
    const q = params.get("q") ?? "";
    if (!q.trim()) return apiError(400, "No search query");
    const fields = [...q.matchAll(/(track|artist|album):"([^"]*)"/g)].map((m) => ({
      field: m[1] as string,
      value: lower(m[2] as string),
    }));
    const words = lower(q.replace(/(track|artist|album):"[^"]*"/g, " "))
      .split(/\s+/)
      .filter(Boolean);
    const hits = this.tracks.filter((t) => {
      const name = lower(t.name);
      const artists = t.artists.map(lower);
      const fieldsOk = fields.every(({ field, value }) =>
        field === "track"
          ? name.includes(value)
          : field === "artist"
            ? artists.some((a) => a.includes(value))
            : lower(t.album).includes(value),
      );
      const text = [name, ...artists, lower(t.album)].join(" ");
      return fieldsOk && words.every((w) => text.includes(w));
    });
    const offset = Number(params.get("offset") ?? 0);
    return {
      status: 200,
      body: {
        tracks: {
          href: `https://api.spotify.com/v1/search?${params.toString()}`,
          items: hits.slice(offset, offset + limit).map(trackObject),
          limit,
          next: null,
          offset,
          previous: null,
          total: hits.length,
        },
      },
    };
  }
}

function routeOf(method: string, path: string): Route {
  if (method === "POST" && path === "/api/token") return "token";
  if (method === "GET" && (path === "/v1/search" || path === "/v1/search/")) return "search";
  if (method === "GET" && /^\/v1\/tracks\/[^/]+$/.test(path)) return "track";
  if (method === "POST" && path === "/v1/me/playlists") return "create-playlist";
  if (/^\/v1\/playlists\/[^/]+\/tracks$/.test(path)) return "old-tracks";
  if (method === "POST" && /^\/v1\/playlists\/[^/]+\/items$/.test(path)) return "add-items";
  return "other";
}

function lower(s: string): string {
  return s.normalize("NFC").toLowerCase();
}

function apiError(status: number, message: string): FakeResponse {
  return { status, body: { error: { status, message } } };
}

function send(res: ServerResponse, response: FakeResponse): void {
  if ("hang" in response) return; // never answers; close() cuts the connection
  const write = () => {
    if (res.destroyed) return;
    const payload =
      response.raw ?? (response.body === undefined ? "" : JSON.stringify(response.body));
    res.writeHead(response.status, {
      "content-type": "application/json; charset=utf-8",
      ...response.headers,
    });
    res.end(payload);
  };
  if (response.delayMs) setTimeout(write, response.delayMs);
  else write();
}

/** A Spotify track object as the 2026 API sends it (no popularity, no available_markets). */
export function trackObject(t: FakeTrack): Record<string, unknown> {
  const albumId = fakeId(`Album${t.id.slice(0, 12)}`);
  return {
    album: {
      album_type: "album",
      id: albumId,
      name: t.album,
      release_date: t.releaseDate,
      release_date_precision: t.releaseDate.length === 4 ? "year" : "day",
      total_tracks: 12,
      type: "album",
      uri: `spotify:album:${albumId}`,
      external_urls: { spotify: `https://open.spotify.com/album/${albumId}` },
      images: [],
      artists: t.artists.map(artistObject),
    },
    artists: t.artists.map(artistObject),
    disc_number: 1,
    duration_ms: t.durationMs,
    explicit: false,
    external_ids: t.isrc ? { isrc: t.isrc } : {},
    external_urls: { spotify: `https://open.spotify.com/track/${t.id}` },
    href: `https://api.spotify.com/v1/tracks/${t.id}`,
    id: t.id,
    is_local: false,
    name: t.name,
    preview_url: t.previewUrl ?? null,
    track_number: 1,
    type: "track",
    uri: `spotify:track:${t.id}`,
  };
}

function artistObject(name: string): Record<string, unknown> {
  const id = fakeId(`Artist${name.replace(/[^0-9A-Za-z]/g, "")}${name.length}`);
  return {
    id,
    name,
    type: "artist",
    uri: `spotify:artist:${id}`,
    external_urls: { spotify: `https://open.spotify.com/artist/${id}` },
  };
}

/** A search answer listing exactly these tracks (as if Spotify ranked them so). */
export function searchPage(tracks: FakeTrack[]): FakeResponse {
  return {
    status: 200,
    body: {
      tracks: {
        href: "https://api.spotify.com/v1/search",
        items: tracks.map(trackObject),
        limit: 10,
        next: null,
        offset: 0,
        previous: null,
        total: tracks.length,
      },
    },
  };
}

/** A port nothing listens on (taken and released), so a server can be started there later. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
