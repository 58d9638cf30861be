/**
 * The plan as a CSV cue sheet for a clearance team: one row per cue, RFC 4180 quoting, UTF-8 with a
 * byte-order mark so spreadsheet programs read Cyrillic correctly, CRLF line ends.
 */
import type { Plan } from "../domain/index.js";
import { displayTitle, peopleText } from "./people-text.js";

export const CUE_SHEET_COLUMNS = [
  "scene",
  "scene_title",
  "order",
  "title",
  "original_title",
  "performers",
  "recording_year",
  "composer",
  "lyricist",
  "year",
  "country",
  "language",
  "pinned",
  "score",
  "reasons",
  "sources",
] as const;

function cell(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function planToCsv(plan: Plan): string {
  const rows: (string | number | boolean)[][] = [[...CUE_SHEET_COLUMNS]];
  for (const scene of plan.scenes) {
    for (const pick of scene.picks) {
      const order =
        plan.tracks.find((t) => t.sceneId === scene.sceneId && t.song.id === pick.song.id)?.order ??
        "";
      rows.push([
        scene.sceneId,
        scene.title,
        order,
        displayTitle(pick.song),
        pick.song.title,
        peopleText(pick.recording.performers),
        pick.recording.year ?? "",
        peopleText(pick.song.composers),
        peopleText(pick.song.lyricists),
        pick.song.year,
        pick.song.country,
        pick.song.language,
        pick.pinned,
        pick.score,
        pick.reasons
          .filter((r) => r.contribution > 0)
          .map((r) => r.text)
          .join("; "),
        [
          ...pick.song.sources,
          ...pick.recording.sources.filter((s) => !pick.song.sources.includes(s)),
        ].join(" "),
      ]);
    }
  }
  return "\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
