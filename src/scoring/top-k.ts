import { sortSmall } from "./small-sort.js";

/**
 * Keeps the k best songs seen so far in a binary min-heap held in parallel typed arrays, so
 * ranking costs O(n log k) and allocates nothing per candidate (a scan offers hundreds).
 *
 * Order, best first: higher score, then smaller era distance (recording year to story), then
 * lower id rank — a strict total order, so equal scores always come out the same way.
 */
export interface Scored {
  /** Position in SongFeatures.songs. */
  i: number;
  score: number;
  /** |recording year − end of the story period|, for tie-breaks. */
  eraDistance: number;
}

export class TopSongs {
  private pos = new Int32Array(0);
  private score = new Float64Array(0);
  private dist = new Float64Array(0);
  private size = 0;
  private k = 0;

  /**
   * One heap is reused for every request (ranking is synchronous): allocating typed arrays per
   * request cost more than the heap work itself.
   */
  constructor(
    /** Each song's position in id order. */
    private readonly idRank: Int32Array,
  ) {}

  /** Empties the heap and sets how many songs it keeps. */
  reset(k: number): this {
    if (this.pos.length < k) {
      const capacity = Math.max(k, 2 * this.pos.length);
      this.pos = new Int32Array(capacity);
      this.score = new Float64Array(capacity);
      this.dist = new Float64Array(capacity);
    }
    this.k = k;
    this.size = 0;
    return this;
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  /** The score a candidate must reach to have a chance (−∞ until the heap is full). */
  get threshold(): number {
    return this.size >= this.k && this.k > 0 ? (this.score[0] as number) : -Infinity;
  }

  offer(i: number, score: number, eraDistance: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      this.set(this.size, i, score, eraDistance);
      this.up(this.size++);
    } else if (this.beats(i, score, eraDistance, 0)) {
      this.set(0, i, score, eraDistance);
      this.down(0);
    }
  }

  /** Best first. */
  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let h = 0; h < this.size; h++)
      out.push({
        i: this.pos[h] as number,
        score: this.score[h] as number,
        eraDistance: this.dist[h] as number,
      });
    const rank = this.idRank;
    return sortSmall(
      out,
      (a, b) =>
        b.score - a.score ||
        a.eraDistance - b.eraDistance ||
        (rank[a.i] as number) - (rank[b.i] as number),
    );
  }

  /** Whether the candidate (i, score, distance) is better than the item in heap slot h. */
  private beats(i: number, score: number, distance: number, h: number): boolean {
    const s = this.score[h] as number;
    if (score !== s) return score > s;
    const d = this.dist[h] as number;
    if (distance !== d) return distance < d;
    return (this.idRank[i] as number) < (this.idRank[this.pos[h] as number] as number);
  }

  private set(h: number, i: number, score: number, distance: number): void {
    this.pos[h] = i;
    this.score[h] = score;
    this.dist[h] = distance;
  }

  private swap(a: number, b: number): void {
    const i = this.pos[a] as number;
    const s = this.score[a] as number;
    const d = this.dist[a] as number;
    this.set(a, this.pos[b] as number, this.score[b] as number, this.dist[b] as number);
    this.set(b, i, s, d);
  }

  /** Whether heap slot a holds a better item than slot b. */
  private better(a: number, b: number): boolean {
    return this.beats(this.pos[a] as number, this.score[a] as number, this.dist[a] as number, b);
  }

  private up(h: number): void {
    while (h > 0) {
      const p = (h - 1) >> 1;
      if (!this.better(p, h)) return;
      this.swap(p, h);
      h = p;
    }
  }

  private down(h: number): void {
    for (;;) {
      const l = 2 * h + 1;
      const r = l + 1;
      let worst = h;
      if (l < this.size && this.better(worst, l)) worst = l;
      if (r < this.size && this.better(worst, r)) worst = r;
      if (worst === h) return;
      this.swap(worst, h);
      h = worst;
    }
  }
}
