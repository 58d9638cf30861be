// spotify-web-api-node's request modules, which its typings leave out. The client hard-codes
// Spotify's hosts in these builders; src/streaming/spotify-client.ts re-aims them (and sends the
// playlist `/items` request the library does not know). Only the parts used there are declared.
declare module "spotify-web-api-node/src/base-request.js" {
  export interface SpotifyRequest {
    getURI(): string;
    execute<T = unknown>(
      method: SpotifyHttpMethod,
    ): Promise<{ body: T; headers: Record<string, string>; statusCode: number }>;
  }
  export interface SpotifyRequestBuilder {
    withHost(host: string): SpotifyRequestBuilder;
    withPort(port: number): SpotifyRequestBuilder;
    withScheme(scheme: string): SpotifyRequestBuilder;
    withPath(path: string): SpotifyRequestBuilder;
    withQueryParameters(...parameters: Record<string, unknown>[]): SpotifyRequestBuilder;
    withBodyParameters(...parameters: Record<string, unknown>[]): SpotifyRequestBuilder;
    withHeaders(...headers: Record<string, string>[]): SpotifyRequestBuilder;
    build(): SpotifyRequest;
  }
  export type SpotifyHttpMethod = (
    request: SpotifyRequest,
    callback: (error: unknown, result?: unknown) => void,
  ) => void;
}

declare module "spotify-web-api-node/src/webapi-request.js" {
  import type { SpotifyRequestBuilder } from "spotify-web-api-node/src/base-request.js";
  const webApiRequest: { builder(accessToken?: string): SpotifyRequestBuilder };
  export default webApiRequest;
}

declare module "spotify-web-api-node/src/authentication-request.js" {
  import type { SpotifyRequestBuilder } from "spotify-web-api-node/src/base-request.js";
  const authenticationRequest: { builder(): SpotifyRequestBuilder };
  export default authenticationRequest;
}

declare module "spotify-web-api-node/src/http-manager.js" {
  import type { SpotifyHttpMethod } from "spotify-web-api-node/src/base-request.js";
  const httpManager: {
    get: SpotifyHttpMethod;
    post: SpotifyHttpMethod;
    put: SpotifyHttpMethod;
    del: SpotifyHttpMethod;
  };
  export default httpManager;
}
