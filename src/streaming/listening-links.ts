/**
 * Provider-neutral listening links that need no API key: search pages on YouTube and Yandex Music
 * built from the title and the performer. They are searches, not matches, and are labelled so.
 * (Spotify is unavailable in Russia, where many users of this catalogue live.)
 */
import type { Recording, Song } from "../domain/index.js";

export interface ListeningLink {
  provider: "youtube" | "yandex-music";
  kind: "search";
  url: string;
}

export function searchQuery(song: Song, recording: Recording): string {
  const performer = recording.performers[0];
  return [song.title, performer ? performer.name : ""].filter(Boolean).join(" ");
}

export function listeningLinks(song: Song, recording: Recording): ListeningLink[] {
  const q = encodeURIComponent(searchQuery(song, recording));
  return [
    {
      provider: "youtube",
      kind: "search",
      url: `https://www.youtube.com/results?search_query=${q}`,
    },
    { provider: "yandex-music", kind: "search", url: `https://music.yandex.ru/search?text=${q}` },
  ];
}
