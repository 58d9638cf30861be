/**
 * Identity of people and works across scripts and spellings, used for de-duplication and
 * diversity caps.
 */
import type { Person, Song } from "../domain/index.js";
import { latinKey } from "../analysis/text.js";

export function personKey(person: Pick<Person, "name">): string {
  return latinKey(person.name);
}

export function allPeopleNames(
  song: Song,
  role: "performers" | "composers" | "lyricists",
): string[] {
  const people = role === "performers" ? song.recordings.flatMap((r) => r.performers) : song[role];
  return people.flatMap((p) => (p.nameLatin ? [p.name, p.nameLatin] : [p.name]));
}

/**
 * The identity of a work as performed: title (original or Latin, compared by Latin key) with each
 * performer of any recording. Two songs sharing a key are the same work by the same performer.
 */
export function workKeys(song: Pick<Song, "title" | "titleLatin" | "recordings">): string[] {
  const titles = [...new Set([latinKey(song.title), latinKey(song.titleLatin)])];
  const performers = [...new Set(song.recordings.flatMap((r) => r.performers.map(personKey)))];
  return titles.flatMap((t) => performers.map((p) => `${t}|${p}`));
}
