import { expect } from "chai";
import {
  coreTitle,
  nameSimilarity,
  rankTracks,
  scoreTrack,
  searchQueries,
  type SpotifyTrack,
} from "../../src/streaming/spotify-matching.js";
import type { FakeTrack } from "./fake-spotify.js";
import {
  COVER,
  ENGLISH_ONLY,
  KARAOKE,
  KARAOKE_SAME_ARTIST,
  LATIN_ONLY,
  LIVE,
  ORIGINAL,
  SAME_TITLE_OTHER_ARTIST,
  nezhnost,
} from "./fixtures.js";

/** What the client hands to matching after parsing a track object. */
function asTrack(t: FakeTrack): SpotifyTrack {
  return {
    id: t.id,
    name: t.name,
    artists: t.artists,
    albumName: t.album,
    releaseYear: Number(t.releaseDate.slice(0, 4)),
    durationMs: t.durationMs,
    ...(t.isrc ? { isrc: t.isrc } : {}),
  };
}

describe("streaming/spotify-matching", () => {
  const { song, recording } = nezhnost();

  describe("searchQueries", () => {
    it("asks in the original script, then transliterated, then in English", () => {
      expect(searchQueries(song, recording)).to.deep.equal([
        { tier: "original", q: 'track:"Нежность" artist:"Майя Кристалинская"' },
        { tier: "latin", q: 'track:"Nezhnost" artist:"Maya Kristalinskaya"' },
        { tier: "english", q: 'track:"Tenderness" artist:"Maya Kristalinskaya"' },
      ]);
    });

    it("sends a query once when the spellings coincide, and strips quotes", () => {
      const { song: s, recording: r } = nezhnost({
        title: 'Say "Yes"',
        titleLatin: 'Say "Yes"',
        titleEnglish: undefined,
        language: "en",
        recordings: [
          {
            id: "say-yes-1965",
            performers: [{ name: "Test Singer" }],
            year: 1965,
            sources: ["https://example.org/a"],
          },
        ],
      });
      expect(searchQueries(s, r)).to.deep.equal([
        { tier: "original", q: 'track:"Say Yes" artist:"Test Singer"' },
      ]);
    });
  });

  describe("coreTitle", () => {
    it("strips bracketed and dash suffixes that name a version", () => {
      expect(coreTitle("Нежность (Remastered 2004)")).to.equal("Нежность");
      expect(coreTitle("Нежность - Live")).to.equal("Нежность");
      expect(coreTitle("Nezhnost [Mono] (2019 Remaster)")).to.equal("Nezhnost");
      expect(coreTitle("Нежность")).to.equal("Нежность");
    });
  });

  describe("nameSimilarity", () => {
    it("compares names across scripts and transliteration conventions", () => {
      expect(nameSimilarity("Майя Кристалинская", "Maya Kristalinskaya")).to.equal(1);
      expect(nameSimilarity("Майя Кристалинская", "Mayya Kristalinskaja")).to.equal(1);
      expect(nameSimilarity("Майя Кристалинская", "M. Kristalinskaya")).to.be.at.least(0.8);
      expect(nameSimilarity("Майя Кристалинская", "Группа Тест")).to.be.below(0.4);
    });
  });

  describe("scoring", () => {
    const score = (t: FakeTrack) => scoreTrack(song, recording, asTrack(t));

    it("is confident about the right recording, even as a later remaster", () => {
      const s = score(ORIGINAL);
      expect(s.confidence).to.be.at.least(0.9);
      expect(s.penalties).to.deep.equal([]);
      expect(s.factors.map((f) => f.name)).to.deep.equal(["title", "artist", "year", "duration"]);
      expect(s.factors.find((f) => f.name === "title")?.value).to.equal(1);
    });

    it("matches a transliterated or English listing of the same recording", () => {
      expect(score(LATIN_ONLY).confidence).to.be.at.least(0.9);
      expect(score(ENGLISH_ONLY).confidence).to.be.at.least(0.9);
    });

    it("keeps every decoy below the 0.6 threshold", () => {
      for (const decoy of [KARAOKE, KARAOKE_SAME_ARTIST, COVER, SAME_TITLE_OTHER_ARTIST]) {
        expect(score(decoy).confidence, decoy.name).to.be.below(0.6);
      }
    });

    it("explains why a decoy lost", () => {
      expect(score(KARAOKE).penalties.map((p) => p.name)).to.include.members([
        "karaoke",
        "imitation",
      ]);
      expect(score(KARAOKE_SAME_ARTIST).penalties.map((p) => p.name)).to.deep.equal(["karaoke"]);
      expect(score(COVER).penalties.map((p) => p.name)).to.deep.equal(["cover"]);
      expect(score(SAME_TITLE_OTHER_ARTIST).gate).to.be.below(0.5);
    });

    it("ranks a live version of the right singer below the studio recording", () => {
      expect(score(LIVE).penalties.map((p) => p.name)).to.deep.equal(["live"]);
      const ranked = rankTracks(song, recording, [LIVE, ORIGINAL].map(asTrack));
      expect(ranked.map((r) => r.track.id)).to.deep.equal([ORIGINAL.id, LIVE.id]);
    });

    it("penalises an instrumental only when the song has lyrics", () => {
      const instrumental = { ...ORIGINAL, name: "Нежность (Instrumental)" };
      expect(score(instrumental).penalties.map((p) => p.name)).to.deep.equal(["instrumental"]);
      const { song: noLyrics, recording: r } = nezhnost({ lyricists: [], language: "zxx" });
      expect(scoreTrack(noLyrics, r, asTrack(instrumental)).penalties).to.deep.equal([]);
    });

    it("does not penalise a word that is part of our own title", () => {
      const { song: s, recording: r } = nezhnost({ titleEnglish: "Live and Tender" });
      const track = asTrack({ ...ENGLISH_ONLY, name: "Live and Tender" });
      expect(scoreTrack(s, r, track).penalties).to.deep.equal([]);
    });

    it("treats a release clearly before the recording as a different recording", () => {
      const early = score({ ...ORIGINAL, releaseDate: "1958" });
      expect(early.factors.find((f) => f.name === "year")?.value).to.equal(0.2);
      expect(early.confidence).to.be.below(score(ORIGINAL).confidence);
    });

    it("uses a matching ISRC as strong evidence", () => {
      const { song: s, recording: r } = nezhnost({
        recordings: [
          {
            id: "nezhnost-kristalinskaya-1965",
            performers: [{ name: "Майя Кристалинская", nameLatin: "Maya Kristalinskaya" }],
            year: 1965,
            isrc: "RUA000400001",
            sources: ["https://example.org/nezhnost-1965"],
          },
        ],
      });
      const s1 = scoreTrack(s, r, asTrack({ ...ORIGINAL, durationMs: 240_000 }));
      expect(s1.isrcMatch).to.equal(true);
      expect(s1.confidence).to.be.at.least(0.97);
    });

    it("stays within [0, 1] and ranks deterministically", () => {
      const all = [KARAOKE, COVER, ORIGINAL, SAME_TITLE_OTHER_ARTIST, LIVE, KARAOKE_SAME_ARTIST];
      const a = rankTracks(song, recording, all.map(asTrack));
      const b = rankTracks(song, recording, [...all].reverse().map(asTrack));
      expect(a.map((x) => x.track.id)).to.deep.equal(b.map((x) => x.track.id));
      expect(a[0]?.track.id).to.equal(ORIGINAL.id);
      for (const x of a) expect(x.confidence).to.be.within(0, 1);
    });
  });
});
