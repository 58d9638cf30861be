/**
 * Catalogue-wide quality rules that a single song's schema cannot see:
 *  - every theme and mood is a vocabulary term;
 *  - song ids and recording ids are unique across the catalogue;
 *  - no duplicate song: the same work (title, script-insensitive) with a shared performer;
 *  - one spelling per person: names that reduce to the same Latin key must be written the same
 *    way, and one Latin spelling must not belong to two differently written names.
 */
import type { Person, Song, Vocabulary } from "../domain/index.js";
import { personKey, workKeys } from "./people.js";

export interface QualityProblem {
  songId: string;
  path: string;
  problem: string;
}

export function unknownTerms(
  song: Pick<Song, "id" | "themes" | "moods">,
  vocabulary: Vocabulary,
): QualityProblem[] {
  const themes = new Set(vocabulary.themes.map((t) => t.id));
  const moods = new Set(vocabulary.moods.map((m) => m.id));
  const out: QualityProblem[] = [];
  song.themes.forEach((t, i) => {
    if (!themes.has(t))
      out.push({
        songId: song.id,
        path: `themes.${i}`,
        problem: `unknown theme "${t}" (not in the vocabulary)`,
      });
  });
  song.moods.forEach((m, i) => {
    if (!moods.has(m))
      out.push({
        songId: song.id,
        path: `moods.${i}`,
        problem: `unknown mood "${m}" (not in the vocabulary)`,
      });
  });
  return out;
}

export function checkCatalogue(songs: readonly Song[], vocabulary: Vocabulary): QualityProblem[] {
  const out: QualityProblem[] = songs.flatMap((s) => unknownTerms(s, vocabulary));

  const songIds = new Map<string, string>();
  const recordingIds = new Map<string, string>();
  const works = new Map<string, string>();
  for (const song of songs) {
    if (songIds.has(song.id))
      out.push({ songId: song.id, path: "id", problem: `song id "${song.id}" is used twice` });
    songIds.set(song.id, song.id);
    song.recordings.forEach((r, i) => {
      const owner = recordingIds.get(r.id);
      if (owner !== undefined)
        out.push({
          songId: song.id,
          path: `recordings.${i}.id`,
          problem: `recording id "${r.id}" is already used by song "${owner}"`,
        });
      recordingIds.set(r.id, song.id);
    });
    for (const key of workKeys(song)) {
      const other = works.get(key);
      if (other !== undefined && other !== song.id) {
        out.push({
          songId: song.id,
          path: "title",
          problem: `duplicate of song "${other}" (same title and performer)`,
        });
        break;
      }
      works.set(key, song.id);
    }
  }
  out.push(...spellingProblems(songs));
  return out;
}

function spellingProblems(songs: readonly Song[]): QualityProblem[] {
  const out: QualityProblem[] = [];
  const byKey = new Map<string, { person: Person; songId: string }>();
  const byLatin = new Map<string, { person: Person; songId: string }>();
  const reported = new Set<string>();
  const visit = (person: Person, songId: string, path: string) => {
    const key = personKey(person);
    const seen = byKey.get(key);
    if (
      seen &&
      (seen.person.name !== person.name ||
        (seen.person.nameLatin ?? "") !== (person.nameLatin ?? ""))
    ) {
      const msg = `"${show(person)}" is spelled "${show(seen.person)}" in song "${seen.songId}"`;
      if (!reported.has(msg))
        out.push({ songId, path, problem: `performer/person spelled two ways: ${msg}` });
      reported.add(msg);
    } else if (!seen) byKey.set(key, { person, songId });
    if (person.nameLatin) {
      const latin = person.nameLatin.toLowerCase();
      const other = byLatin.get(latin);
      if (other && personKey(other.person) !== key) {
        const msg = `"${show(person)}" and "${show(other.person)}" (song "${other.songId}") share the Latin name`;
        if (!reported.has(msg))
          out.push({ songId, path, problem: `person spelled two ways: ${msg}` });
        reported.add(msg);
      } else if (!other) byLatin.set(latin, { person, songId });
    }
  };
  for (const song of songs) {
    song.composers.forEach((p, i) => visit(p, song.id, `composers.${i}`));
    song.lyricists.forEach((p, i) => visit(p, song.id, `lyricists.${i}`));
    song.recordings.forEach((r, i) =>
      r.performers.forEach((p, j) => visit(p, song.id, `recordings.${i}.performers.${j}`)),
    );
  }
  return out;
}

function show(p: Person): string {
  return p.nameLatin ? `${p.name} / ${p.nameLatin}` : p.name;
}
