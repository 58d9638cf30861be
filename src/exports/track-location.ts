/** Where a playlist entry points: the confirmed Spotify track when resolved, else a search link. */
import type { PlanTrack } from "../domain/index.js";
import { listeningLinks } from "../streaming/listening-links.js";

export function trackLocation(t: PlanTrack): { url: string; confirmed: boolean } {
  const spotify = t.streaming?.spotify;
  if (spotify?.status === "resolved") return { url: spotify.url, confirmed: true };
  return { url: listeningLinks(t.song, t.recording)[0]?.url ?? "", confirmed: false };
}
