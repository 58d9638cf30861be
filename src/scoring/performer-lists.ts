/**
 * Who performs the recording a song would be recommended in, as small numbers, for the diversity
 * rule (at most N songs per performer in one answer). A song is recommended in one of two
 * recordings: its earliest dated one (the story has reached it) or its best known. The first time
 * a song competes for a place, the performers of that recording are turned into keys (see
 * PerformerKey), the keys into numbers, and the numbers stored in one typed array; later checks
 * read a few integers instead of the song's objects, which a large catalogue keeps far apart in
 * memory.
 */
import type { Recording } from "../domain/index.js";
import type { RecordingKind } from "./recording-choice.js";

/** A stable key per performer so "Майя Кристалинская" and her Latin spelling count as one artist. */
export type PerformerKey = (name: { name: string; nameLatin?: string | undefined }) => string;

export class PerformerLists {
  private readonly numbers = new Map<string, number>();
  /** Where the list of song i's recording of kind k starts in `pool` (−1: not made yet). */
  private readonly start: Int32Array;
  /** Lists, one after another: a count, then that many performer numbers. */
  pool = new Int32Array(1024);
  private used = 0;

  constructor(
    songs: number,
    private readonly key: PerformerKey,
  ) {
    this.start = new Int32Array(2 * songs).fill(-1);
  }

  /**
   * Where in `pool` the performers of song i's recording of this kind are listed (made from
   * `recording(i, kind)` the first time). `pool` may be replaced meanwhile: read it after this.
   */
  listOf(
    i: number,
    kind: RecordingKind,
    recording: (i: number, kind: RecordingKind) => Recording,
  ): number {
    const slot = 2 * i + kind;
    const known = this.start[slot] as number;
    if (known >= 0) return known;
    const performers = recording(i, kind).performers;
    if (this.used + performers.length + 1 > this.pool.length) {
      const grown = new Int32Array(2 * (this.pool.length + performers.length + 1));
      grown.set(this.pool);
      this.pool = grown;
    }
    const at = this.used;
    this.pool[at] = performers.length;
    performers.forEach((p, k) => {
      const key = this.key(p);
      let n = this.numbers.get(key);
      if (n === undefined) this.numbers.set(key, (n = this.numbers.size));
      this.pool[at + 1 + k] = n;
    });
    this.used += performers.length + 1;
    this.start[slot] = at;
    return at;
  }
}
