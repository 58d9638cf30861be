/** Identity of people across scripts and spellings, used for de-duplication and diversity caps. */
import type { Person, Song } from "../domain/index.js";
import { latinKey } from "../analysis/text.js";

export function personKey(person: Pick<Person, "name">): string {
  return latinKey(person.name);
}

export function displayName(person: Person): string {
  return person.nameLatin && person.nameLatin !== person.name
    ? `${person.name} (${person.nameLatin})`
    : person.name;
}

export function allPeopleNames(
  song: Song,
  role: "performers" | "composers" | "lyricists",
): string[] {
  const people = role === "performers" ? song.recordings.flatMap((r) => r.performers) : song[role];
  return people.flatMap((p) => (p.nameLatin ? [p.name, p.nameLatin] : [p.name]));
}
