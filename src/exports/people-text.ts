/** How people and titles are written in exported playlists and cue sheets. */
import type { Person, Song } from "../domain/index.js";

/** "Майя Кристалинская (Maya Kristalinskaya)", or the name alone when it is already Latin. */
export function personText(p: Person): string {
  return p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name;
}

export function peopleText(people: readonly Person[]): string {
  return people.map(personText).join("; ");
}

/** A title readers of the export can read: English if known, else the Latin transliteration. */
export function displayTitle(song: Song): string {
  return song.titleEnglish ?? song.titleLatin;
}
