/**
 * Catalogue songs and fake Spotify tracks for the streaming tests. The songs are real period
 * songs described in the catalogue's terms; every track id, ISRC and album here is made up.
 */
import { SongSchema, type Recording, type Song, type SongInput } from "../../src/domain/index.js";
import type { StreamingSettings } from "../../src/streaming/settings.js";
import { fakeId, type FakeTrack } from "./fake-spotify.js";

export function nezhnostInput(overrides: Partial<SongInput> = {}): SongInput {
  return {
    id: "nezhnost",
    title: "Нежность",
    titleLatin: "Nezhnost",
    titleEnglish: "Tenderness",
    composers: [{ name: "Александра Пахмутова", nameLatin: "Aleksandra Pakhmutova" }],
    lyricists: [
      { name: "Николай Добронравов", nameLatin: "Nikolai Dobronravov" },
      { name: "Сергей Гребенников", nameLatin: "Sergei Grebennikov" },
    ],
    year: 1965,
    country: "SU",
    language: "ru",
    themes: ["love"],
    moods: ["tender"],
    sources: ["https://example.org/nezhnost"],
    recordings: [
      {
        id: "nezhnost-kristalinskaya-1965",
        performers: [{ name: "Майя Кристалинская", nameLatin: "Maya Kristalinskaya" }],
        year: 1965,
        durationSec: 186,
        sources: ["https://example.org/nezhnost-1965"],
      },
    ],
    ...overrides,
  };
}

export function nezhnost(overrides: Partial<SongInput> = {}): { song: Song; recording: Recording } {
  const song = SongSchema.parse(nezhnostInput(overrides));
  return { song, recording: song.recordings[0] as Recording };
}

/** A second, unrelated song so cache and bulk tests have more than one key. */
export function bereza(): { song: Song; recording: Recording } {
  const song = SongSchema.parse({
    id: "test-bereza",
    title: "Берёзка",
    titleLatin: "Beryozka",
    composers: [{ name: "Test Composer" }],
    lyricists: [{ name: "Test Lyricist" }],
    year: 1962,
    country: "SU",
    language: "ru",
    themes: ["love"],
    moods: ["tender"],
    sources: ["https://example.org/bereza"],
    recordings: [
      {
        id: "test-bereza-1962",
        performers: [{ name: "Тестовый Ансамбль", nameLatin: "Testovy Ansambl" }],
        year: 1962,
        sources: ["https://example.org/bereza-1962"],
      },
    ],
  } satisfies SongInput);
  return { song, recording: song.recordings[0] as Recording };
}

/** The right recording, as Spotify lists it: a 2004 compilation remaster. */
export const ORIGINAL: FakeTrack = {
  id: fakeId("NezhnostOriginal"),
  name: "Нежность (Remastered 2004)",
  artists: ["Майя Кристалинская"],
  album: "Лучшие песни",
  releaseDate: "2004-03-01",
  durationMs: 187_000,
  isrc: "RUA000400001",
  previewUrl: "https://p.scdn.co/mp3-preview/fakepreview0001",
};

export const KARAOKE: FakeTrack = {
  id: fakeId("NezhnostKaraoke"),
  name: "Нежность (In the Style of Майя Кристалинская) [Karaoke Version]",
  artists: ["Karaoke Hits Ensemble"],
  album: "Karaoke: Soviet Hits, Vol. 3",
  releaseDate: "2015-06-01",
  durationMs: 186_000,
};

/** Karaoke credited to the original singer: only the marker gives it away. */
export const KARAOKE_SAME_ARTIST: FakeTrack = {
  id: fakeId("NezhnostKaraoke2"),
  name: "Нежность (Karaoke Version)",
  artists: ["Майя Кристалинская"],
  album: "Караоке",
  releaseDate: "2012-01-01",
  durationMs: 186_000,
};

export const COVER: FakeTrack = {
  id: fakeId("NezhnostCover"),
  name: "Нежность",
  artists: ["Ольга Тестова"],
  album: "Песни о любви (Cover Versions)",
  releaseDate: "2019-09-13",
  durationMs: 201_000,
};

/** A different song with the same title by someone else. */
export const SAME_TITLE_OTHER_ARTIST: FakeTrack = {
  id: fakeId("NezhnostOtherSong"),
  name: "Нежность",
  artists: ["Группа Тест"],
  album: "Нежность",
  releaseDate: "1998-04-01",
  durationMs: 244_000,
};

export const LIVE: FakeTrack = {
  id: fakeId("NezhnostLive"),
  name: "Нежность - Live",
  artists: ["Майя Кристалинская"],
  album: "Концерт в Колонном зале",
  releaseDate: "1971",
  durationMs: 199_000,
};

/** A Western release that spells everything in Latin letters. */
export const LATIN_ONLY: FakeTrack = {
  id: fakeId("NezhnostLatin"),
  name: "Nezhnost'",
  artists: ["Maya Kristalinskaya"],
  album: "Soviet Stars of the Sixties",
  releaseDate: "2010-05-04",
  durationMs: 186_000,
};

export const ENGLISH_ONLY: FakeTrack = {
  id: fakeId("NezhnostEnglish"),
  name: "Tenderness",
  artists: ["Maya Kristalinskaya"],
  album: "Songs of the Thaw",
  releaseDate: "2011",
  durationMs: 185_000,
};

export const BEREZA: FakeTrack = {
  id: fakeId("BerezaTest"),
  name: "Берёзка",
  artists: ["Тестовый Ансамбль"],
  album: "Тестовый альбом",
  releaseDate: "1962",
  durationMs: 150_000,
};

/** Settings aimed at a fake server, quick to fail; override per test. */
export function settingsFor(
  url: string,
  overrides: Partial<StreamingSettings> = {},
): StreamingSettings {
  return {
    clientId: "test-client-id",
    clientSecret: "test-client-secret",
    apiUrl: url,
    accountsUrl: url,
    timeoutMs: 1000,
    concurrency: 4,
    retries: 2,
    cacheTtlSec: 60,
    cacheMaxKeys: 100,
    minConfidence: 0.6,
    breakerFailures: 5,
    breakerCooldownMs: 60_000,
    ...overrides,
  };
}
