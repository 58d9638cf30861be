/**
 * The plan as an XSPF playlist (xspf.org, version 1). Each track carries its scene in an
 * `<extension>` element of our own, and its reasons in `<annotation>`.
 */
import type { Plan } from "../domain/index.js";
import { trackLocation } from "./track-location.js";
import { peopleText } from "./people-text.js";

export const XSPF_EXTENSION = "https://github.com/soundtrack/scene";

function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function planToXspf(plan: Plan): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
  ];
  out.push(`  <title>${esc(plan.film.title)}</title>`);
  out.push(
    `  <annotation>${esc(`Soundtrack plan: ${plan.tracks.length} tracks over ${plan.scenes.length} scenes`)}</annotation>`,
  );
  out.push("  <trackList>");
  for (const t of plan.tracks) {
    const pick = plan.scenes
      .find((s) => s.sceneId === t.sceneId)
      ?.picks.find((p) => p.song.id === t.song.id);
    out.push("    <track>");
    out.push(`      <location>${esc(trackLocation(t).url)}</location>`);
    out.push(`      <title>${esc(t.song.title)}</title>`);
    out.push(`      <creator>${esc(peopleText(t.recording.performers))}</creator>`);
    out.push(`      <trackNum>${t.order}</trackNum>`);
    if (t.recording.durationSec !== undefined)
      out.push(`      <duration>${t.recording.durationSec * 1000}</duration>`);
    out.push(
      `      <annotation>${esc(pick ? pick.reasons.map((r) => r.text).join("; ") : "")}</annotation>`,
    );
    if (t.song.sources[0]) out.push(`      <info>${esc(t.song.sources[0])}</info>`);
    out.push(
      `      <identifier>${esc(`urn:soundtrack:song:${t.song.id}:recording:${t.recording.id}`)}</identifier>`,
    );
    out.push(`      <extension application="${XSPF_EXTENSION}">`);
    out.push(
      `        <scene id="${esc(t.sceneId)}" title="${esc(t.sceneTitle)}" score="${t.score}" pinned="${t.pinned}"/>`,
    );
    out.push("      </extension>");
    out.push("    </track>");
  }
  out.push("  </trackList>", "</playlist>");
  return out.join("\n") + "\n";
}
