/**
 * The plan as an extended M3U playlist in UTF-8: `#EXTM3U`, then per track `#EXTINF:<seconds>,
 * <performer> - <title>` and its location. A track's location is its streaming link when one is
 * known, else a listening search link (marked as such in a comment line).
 */
import type { Plan } from "../domain/index.js";
import { trackLocation } from "./track-location.js";
import { displayTitle } from "./people-text.js";

export function planToM3u8(plan: Plan): string {
  const lines = ["#EXTM3U", `#PLAYLIST:${oneLine(plan.film.title)}`];
  for (const t of plan.tracks) {
    const performer = t.recording.performers.map((p) => p.nameLatin ?? p.name).join(", ");
    const title =
      t.song.title === displayTitle(t.song)
        ? t.song.title
        : `${t.song.title} (${displayTitle(t.song)})`;
    lines.push(
      `#EXTINF:${t.recording.durationSec ?? -1},${oneLine(performer)} - ${oneLine(title)}`,
    );
    const where = trackLocation(t);
    const note = where.confirmed ? "" : " — search link, not a confirmed match";
    lines.push(`# scene ${oneLine(t.sceneId)}: ${oneLine(t.sceneTitle)}${note}`);
    lines.push(where.url);
  }
  return lines.join("\n") + "\n";
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}
