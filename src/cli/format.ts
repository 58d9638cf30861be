/** Human-readable renderings of songs and suggestions shared by CLI commands. */
import type { Person, Recording, Song, Suggestion } from "../domain/index.js";

export function names(people: readonly Person[]): string {
  return people.map((p) => p.nameLatin ?? p.name).join(", ");
}

export function performers(rec: Recording): string {
  return names(rec.performers);
}

export function songRow(song: Song): string[] {
  const rec = song.recordings.find((r) => r.bestKnown) ?? song.recordings[0];
  return [
    song.id,
    song.title,
    String(song.year),
    song.country,
    rec ? performers(rec) : "",
    names(song.composers),
  ];
}

export function suggestionLines(list: readonly Suggestion[]): string[] {
  return list.map((s, i) => {
    const head = `${String(i + 1).padStart(2)}. ${s.score.toFixed(3)}  ${s.song.title}${s.song.title !== s.song.titleLatin ? ` (${s.song.titleLatin})` : ""} — ${performers(s.recording)}, ${s.recording.year ?? "year unknown"}  [${s.song.id}]`;
    const why = s.reasons
      .filter((r) => r.contribution > 0)
      .map((r) => `      · ${r.text} (+${r.contribution.toFixed(3)})`);
    return [head, ...why].join("\n");
  });
}
