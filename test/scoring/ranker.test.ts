import { expect } from "chai";
import { Ranker, type RankQuery } from "../../src/scoring/ranker.js";
import { personKey } from "../../src/catalogue/people.js";
import { fakeSong, realVocabulary } from "../helpers/fixtures.js";
import type { Song } from "../../src/domain/index.js";

const vocab = realVocabulary();
const ranker = (songs: Song[]) => new Ranker(songs, vocab, personKey);
const query = (q: Partial<RankQuery>): RankQuery => ({
  period: null,
  periodCorrect: true,
  themes: [],
  moods: [],
  limit: 10,
  maxPerPerformer: 2,
  ...q,
});
const y = (year: number) => ({ from: year, to: year });

describe("ranker", () => {
  it("never suggests a recording made after the story year when periodCorrect", () => {
    const songs = [fakeSong({ id: "old", year: 1960 }), fakeSong({ id: "later", year: 1983 })];
    const ids = ranker(songs)
      .rank(query({ period: y(1965), themes: ["love"] }))
      .map((s) => s.song.id);
    expect(ids).to.deep.equal(["old"]);
  });

  it("flags a later song as an anachronism when periodCorrect is off", () => {
    const songs = [fakeSong({ id: "later", year: 1983 })];
    const [s] = ranker(songs).rank(query({ period: y(1965), periodCorrect: false }));
    expect(s?.reasons.find((r) => r.factor === "era")?.text).to.match(
      /18 years after.*anachronism/,
    );
  });

  it("recommends the earliest recording made by the story year, else none", () => {
    const song = fakeSong({
      id: "cover",
      year: 1956,
      recordings: [
        { id: "cover-famous-1961", year: 1961, performer: "Famous Band", bestKnown: true },
        { id: "cover-original-1956", year: 1956, performer: "Original Singer" },
      ],
    });
    const r = ranker([song]);
    expect(r.rank(query({ period: y(1965) }))[0]?.recording.id).to.equal("cover-original-1956");
    expect(r.rank(query({ period: y(1958) }))[0]?.recording.id).to.equal("cover-original-1956");
    expect(r.rank(query({}))[0]?.recording.id).to.equal("cover-famous-1961");
    expect(r.rank(query({ period: y(1950) }))).to.deep.equal([]);
  });

  it("explains every score with factors whose contributions add up to it", () => {
    const songs = [
      fakeSong({
        id: "a",
        year: 1965,
        themes: ["waiting", "love"],
        moods: ["tender"],
        country: "SU",
      }),
    ];
    const [s] = ranker(songs).rank(
      query({ period: y(1965), themes: ["waiting"], moods: ["tender"], country: "SU" }),
    );
    expect(s).to.not.equal(undefined);
    const total = s!.reasons.reduce((sum, r) => sum + r.contribution, 0);
    expect(total).to.be.closeTo(s!.score, 0.005);
    expect(s!.score).to.be.within(0, 1);
    expect(s!.reasons.map((r) => r.factor)).to.have.members(["era", "themes", "mood", "origin"]);
    expect(s!.reasons.find((r) => r.factor === "era")?.text).to.equal(
      "recorded 1965, the story year",
    );
    expect(s!.reasons.find((r) => r.factor === "themes")?.text).to.contain(
      "theme 'waiting' matches the scene",
    );
  });

  it("prefers songs of the story's own years over older ones", () => {
    const songs = [
      fakeSong({ id: "y1941", year: 1941 }),
      fakeSong({ id: "y1963", year: 1963 }),
      fakeSong({ id: "y1965", year: 1965 }),
    ];
    expect(
      ranker(songs)
        .rank(query({ period: y(1965) }))
        .map((s) => s.song.id),
    ).to.deep.equal(["y1965", "y1963", "y1941"]);
  });

  it("uses the theme hierarchy: a spacewalk song serves a space scene better than an unrelated one", () => {
    const songs = [
      fakeSong({ id: "walk", year: 1965, themes: ["spacewalk"] }),
      fakeSong({ id: "sea", year: 1965, themes: ["sea"] }),
      fakeSong({ id: "exact", year: 1965, themes: ["space"] }),
    ];
    expect(
      ranker(songs)
        .rank(query({ themes: ["space"] }))
        .map((s) => s.song.id),
    ).to.deep.equal(["exact", "walk", "sea"]);
  });

  it("places tender near longing and far from triumphant", () => {
    const songs = [
      fakeSong({ id: "longing", year: 1965, moods: ["longing"] }),
      fakeSong({ id: "triumphant", year: 1965, moods: ["triumphant"] }),
      fakeSong({ id: "tender", year: 1965, moods: ["tender"] }),
    ];
    const ranked = ranker(songs).rank(query({ moods: ["tender"] }));
    expect(ranked.map((s) => s.song.id)).to.deep.equal(["tender", "longing", "triumphant"]);
    expect(ranked[2]?.score).to.equal(0);
  });

  it("caps songs per performer (script-insensitive) and fills with others", () => {
    const songs = [
      fakeSong({
        id: "k1",
        year: 1965,
        performer: "Майя Кристалинская",
        performerLatin: "Maya Kristalinskaya",
      }),
      fakeSong({ id: "k2", year: 1965, performer: "Maya Kristalinskaya" }),
      fakeSong({
        id: "k3",
        year: 1965,
        performer: "Майя Кристалинская",
        performerLatin: "Mayya Kristalinskaja",
      }),
      fakeSong({ id: "other", year: 1950, performer: "Someone Else" }),
    ];
    const ids = ranker(songs)
      .rank(query({ period: y(1965) }))
      .map((s) => s.song.id);
    expect(ids).to.deep.equal(["k1", "k2", "other"]);
    expect(
      ranker(songs)
        .rank(query({ period: y(1965), maxPerPerformer: 3 }))
        .map((s) => s.song.id),
    ).to.deep.equal(["k1", "k2", "k3", "other"]);
  });

  it("looks further down the ranking when one performer holds every top place", () => {
    // 80 story-year songs by one singer outrank 5 older songs by others; with a cap of 2 the
    // answer must still reach the older ones, far below the first candidates kept.
    const songs = [
      ...Array.from({ length: 80 }, (_, i) =>
        fakeSong({ id: `star-${i}`, year: 1965, performer: "One Star" }),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        fakeSong({ id: `other-${i}`, year: 1940, performer: `Other ${i}` }),
      ),
    ];
    const ids = ranker(songs)
      .rank(query({ period: y(1965), limit: 10 }))
      .map((s) => s.song.id);
    expect(ids).to.deep.equal(["star-0", "star-1", ...[0, 1, 2, 3, 4].map((i) => `other-${i}`)]);
  });

  it("breaks ties deterministically by id, whatever the input order", () => {
    const songs = ["c", "a", "b"].map((id) => fakeSong({ id, year: 1965 }));
    const one = ranker(songs)
      .rank(query({ period: y(1965) }))
      .map((s) => s.song.id);
    const two = ranker([...songs].reverse())
      .rank(query({ period: y(1965) }))
      .map((s) => s.song.id);
    expect(one).to.deep.equal(["a", "b", "c"]);
    expect(two).to.deep.equal(one);
  });

  it("respects exclude and limit", () => {
    const songs = ["a", "b", "c", "d"].map((id) => fakeSong({ id, year: 1965 }));
    const ids = ranker(songs)
      .rank(query({ period: y(1965), exclude: new Set(["a"]), limit: 2 }))
      .map((s) => s.song.id);
    expect(ids).to.deep.equal(["b", "c"]);
  });

  it("treats an era as a range: every year inside it is a perfect era fit", () => {
    const songs = [
      fakeSong({ id: "y1961", year: 1961 }),
      fakeSong({ id: "y1969", year: 1969 }),
      fakeSong({ id: "y1970", year: 1970 }),
    ];
    const ranked = ranker(songs).rank(query({ period: { from: 1960, to: 1969 } }));
    expect(ranked.map((s) => [s.song.id, s.score])).to.deep.equal([
      ["y1969", 1],
      ["y1961", 1],
    ]);
  });
});
