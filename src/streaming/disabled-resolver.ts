/**
 * The resolver used when no Spotify credentials are configured: it answers at once, never calls
 * anything, and says what is missing, so the rest of the service works the same without streaming.
 */
import type { Resolution, StreamingResolver } from "./resolver.js";

export const DISABLED_REASON =
  "Spotify credentials are not configured (SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET)";

export class DisabledResolver implements StreamingResolver {
  readonly provider = "spotify" as const;

  async resolve(): Promise<Resolution> {
    return { status: "disabled", reason: DISABLED_REASON };
  }
}
