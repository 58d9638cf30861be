/**
 * Deterministic synthetic catalogues for benchmarks: real vocabulary, made-up songs (titles and
 * names drawn from small word pools, in both scripts), so index and ranking costs grow as they
 * would with a real catalogue of that size. Never used as catalogue data.
 */
import type { Song, Vocabulary } from "../src/domain/index.js";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS_RU =
  "звезда дорога небо любовь поле река ночь город весна песня сердце ветер море берег мечта память дом окно снег лес".split(
    " ",
  );
const WORDS_EN =
  "star road sky love field river night city spring song heart wind sea shore dream memory home window snow forest".split(
    " ",
  );
const FIRST = "Анна Мария Ольга Юрий Иван Пётр Лев Нина Вера Олег".split(" ");
const LAST = "Иванова Петров Смирнов Орлова Волков Соколова Лебедев Морозова Новиков Козлова".split(
  " ",
);
const COUNTRIES = ["SU", "SU", "SU", "US", "GB", "FR", "IT", "PL"];
const SYLLABLES_RU = "ка ло ми ре ну та со вы ги ла до бе ша ро ве".split(" ");
const SYLLABLES_EN = "ka lo mi re nu ta so vy gi la do be sha ro ve".split(" ");

/**
 * Notes vocabulary: a few thousand pseudo-words with Zipf-like frequencies (as in real prose, a
 * few words are common and most are rare), plus the real scene words at a realistic rate.
 */
function notesWords(r: () => number, ru: boolean): string {
  const syl = ru ? SYLLABLES_RU : SYLLABLES_EN;
  const real = ru ? WORDS_RU : WORDS_EN;
  const words: string[] = [];
  for (let k = 0; k < 12; k++) {
    if (r() < 0.1) {
      words.push(real[Math.floor(r() * real.length)] as string);
      continue;
    }
    const rank = Math.floor(1 / (r() * 0.999 + 0.001)) % 3000;
    words.push(
      `${syl[rank % 15]}${syl[Math.floor(rank / 15) % 15]}${syl[Math.floor(rank / 225) % 15]}`,
    );
  }
  return words.join(" ");
}

export function syntheticSongs(n: number, vocabulary: Vocabulary, seed = 42): Song[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const themes = vocabulary.themes.map((t) => t.id);
  const moods = vocabulary.moods.map((m) => m.id);
  const songs: Song[] = [];
  for (let i = 0; i < n; i++) {
    const ru = r() < 0.6;
    const words = ru ? WORDS_RU : WORDS_EN;
    const title = `${pick(words)} ${pick(words)} ${i}`;
    const year = 1930 + Math.floor(r() * 60);
    const performerIndex = Math.floor(r() * Math.max(50, n / 5));
    const performer = ru
      ? {
          name: `${pick(FIRST)} ${pick(LAST)} ${performerIndex}`,
          nameLatin: `Performer ${performerIndex}`,
        }
      : { name: `Performer ${performerIndex}` };
    const recordings = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, k) => ({
      id: `syn-${i}-r${k}`,
      performers: [k === 0 ? performer : { name: `Cover Artist ${Math.floor(r() * 1000)}` }],
      year: year + k * Math.floor(r() * 10),
      sources: ["https://example.org/synthetic"],
    }));
    songs.push({
      id: `syn-${i}`,
      title,
      titleLatin: title,
      composers: [{ name: `Composer ${Math.floor(r() * 500)}` }],
      lyricists: [],
      year,
      country: pick(COUNTRIES),
      language: ru ? "ru" : "en",
      themes: [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(themes)))],
      moods: [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(moods)))],
      notes: notesWords(r, ru),
      sources: ["https://example.org/synthetic"],
      recordings,
    });
  }
  return songs;
}

/** Scene requests of the kinds users send: Russian and English text, years, eras, explicit terms. */
export const SCENES: unknown[] = [
  {
    year: 1965,
    country: "SU",
    description: "Жёны космонавтов ждут мужей дома, тревога и нежность",
  },
  {
    year: 1969,
    country: "US",
    description: "the crew walks to the rocket at dawn, proud and hopeful",
  },
  { year: 1965, description: "Спускаемый аппарат приземляется в тайге, экипаж ждёт в мороз" },
  { era: "1940s", themes: ["war", "memory"], moods: ["mournful"] },
  { year: 1961, description: "Гагарин возвращается в Москву, праздник на Красной площади" },
  { era: { from: 1955, to: 1970 }, themes: ["love"], moods: ["tender", "romantic"], limit: 20 },
  { year: 1972, description: "a lonely drive along the coast at night, wistful and dreamy" },
  {
    year: 1965,
    themes: ["spacewalk"],
    moods: ["tense"],
    description: "Леонов выходит в открытый космос",
  },
];

/**
 * One of the same scenes as the "repeated" mix, made new each call so no answer cache can help:
 * a random story year where the scene has one, and a random song to exclude (which changes the
 * request, not the amount of work).
 */
export function randomScene(
  r: () => number = Math.random,
  songs = 10_000,
): Record<string, unknown> {
  const base = SCENES[Math.floor(r() * SCENES.length)] as Record<string, unknown>;
  const scene: Record<string, unknown> = { ...base, exclude: [`syn-${Math.floor(r() * songs)}`] };
  if ("year" in base) scene.year = 1940 + Math.floor(r() * 40);
  return scene;
}

/**
 * Like randomScene, with explicit themes (1–4) and moods (0–2) drawn from the vocabulary as well,
 * so that the sets of wanted terms, and what is remembered per set, almost never repeat.
 */
export function variedScene(
  terms: { themes: readonly string[]; moods: readonly string[] },
  r: () => number = Math.random,
): Record<string, unknown> {
  const draw = (ids: readonly string[], n: number) => [
    ...new Set(Array.from({ length: n }, () => ids[Math.floor(r() * ids.length)] as string)),
  ];
  const scene = randomScene(r);
  return {
    ...scene,
    themes: draw(terms.themes, 1 + Math.floor(r() * 4)),
    moods: draw(terms.moods, Math.floor(r() * 3)),
  };
}

/** A film of n scenes set in 1965, its scenes cycling through the scene descriptions above. */
export function syntheticFilm(n: number): Record<string, unknown> {
  const texts = SCENES.map((s) => (s as { description?: string }).description).filter(
    (d): d is string => !!d,
  );
  return {
    title: `Synthetic film (${n} scenes)`,
    year: 1965,
    country: "SU",
    scenes: Array.from({ length: n }, (_, i) => ({
      id: `s${i + 1}`,
      title: `Scene ${i + 1}`,
      description: texts[i % texts.length],
    })),
  };
}
