/**
 * The WebAssembly side of a scan (kernel/scan.wat): one memory per catalogue version holding the
 * song columns the inner loop reads and the per-request tables it looks values up in, with typed
 * views for the JavaScript side to fill them.
 */
import { SCAN_WASM_BASE64 } from "./kernel/scan-wasm.js";
import type { SongFeatures } from "./song-features.js";

interface KernelExports {
  init(
    origin: number,
    valence: number,
    arousal: number,
    hasAffect: number,
    moodMask: number,
    moodWords: number,
    text: number,
    excluded: number,
    eraTable: number,
    originTable: number,
    wantedMood: number,
    found: number,
  ): void;
  prepare(
    theme1: number,
    theme2: number,
    theme3: number,
    theme4: number,
    theme5: number,
    themesRest: number,
    yearAt: number,
    themeScale: number,
    wText: number,
    wMood: number,
    sceneValence: number,
    sceneArousal: number,
    moodCount: number,
  ): void;
  next(i: number, lo: number, threshold: number): number;
  addColumn(sum: number, column: number, end: number): void;
}

let compiled: WebAssembly.Module | undefined;
/** Compiled once per process; each catalogue version instantiates it with its own memory. */
function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(
    Uint8Array.from(atob(SCAN_WASM_BASE64), (c) => c.charCodeAt(0)),
  );
  return compiled;
}

/** Byte offsets of regions in one memory, each 8-byte aligned (the kernel reads f64s). */
class Layout {
  size = 0;
  region(bytes: number): number {
    const at = this.size;
    this.size += Math.ceil(bytes / 8) * 8;
    return at;
  }
}

/** How many wanted themes the kernel reads straight from their columns (see scan.wat). */
export const DIRECT_THEMES = 5;

/** Which of the song's two recording years the era table is indexed by (see SongFeatures). */
export type YearColumn = "earliest" | "bestKnown";

/** Where each column and table lives in the kernel's memory. */
function regions(f: SongFeatures, layout: Layout) {
  const n = f.songs.length;
  return {
    found: layout.region(8),
    themeBest: layout.region(f.themeBest.byteLength),
    earliestAt: layout.region(2 * n),
    bestKnownAt: layout.region(2 * n),
    origin: layout.region(2 * n),
    valence: layout.region(4 * n),
    arousal: layout.region(4 * n),
    hasAffect: layout.region(n),
    moodMask: layout.region(f.moodMask.byteLength),
    text: layout.region(4 * n),
    excluded: layout.region(n),
    eraTable: layout.region(8 * (f.maxYear - f.minYear + 1)),
    originTable: layout.region(8 * f.origins.length),
    wantedMood: layout.region(4 * f.moodWords),
    themesRest: layout.region(2 * n),
    noThemes: layout.region(2 * n),
  };
}
type Regions = ReturnType<typeof regions>;

/** The per-scan values of prepare() other than which columns to read. */
export interface KernelWeights {
  themeScale: number;
  wText: number;
  wMood: number;
  sceneValence: number;
  sceneArousal: number;
  moodCount: number;
}

/** Song columns the kernel reads, copied from the features (which then use these views). */
const SONG_COLUMNS = [
  "themeBest",
  "earliestAt",
  "bestKnownAt",
  "origin",
  "valence",
  "arousal",
  "hasAffect",
  "moodMask",
] as const;

export class ScanKernel {
  readonly themeBest: Uint8Array;
  readonly earliestAt: Uint16Array;
  readonly bestKnownAt: Uint16Array;
  readonly origin: Uint16Array;
  readonly valence: Float32Array;
  readonly arousal: Float32Array;
  readonly hasAffect: Uint8Array;
  readonly moodMask: Int32Array;
  /** Per-request inputs, filled by the ranker before a scan (and cleared after where marked). */
  readonly text: Float32Array;
  readonly excluded: Uint8Array;
  readonly eraTable: Float64Array;
  readonly originTable: Float64Array;
  readonly wantedMood: Int32Array;
  /** Sum of the sixth and later wanted themes per song (when a request has more than five). */
  readonly themesRest: Uint16Array;
  private readonly exports: KernelExports;
  private readonly n: number;
  private readonly found: Float64Array;
  private readonly at: Regions;

  /**
   * Takes over the scan columns of `f`: they are copied into the kernel's memory and `f` is
   * pointed at the copies, so a large catalogue holds them once.
   */
  constructor(f: SongFeatures) {
    const n = (this.n = f.songs.length);
    const years = f.maxYear - f.minYear + 1;
    const layout = new Layout();
    const at = (this.at = regions(f, layout));
    const memory = new WebAssembly.Memory({
      initial: Math.max(1, Math.ceil(layout.size / 65536)),
    });
    const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
    this.exports = instance.exports as unknown as KernelExports;
    const buffer = memory.buffer;
    this.found = new Float64Array(buffer, at.found, 1);
    this.themeBest = new Uint8Array(buffer, at.themeBest, f.themeBest.length);
    this.earliestAt = new Uint16Array(buffer, at.earliestAt, n);
    this.bestKnownAt = new Uint16Array(buffer, at.bestKnownAt, n);
    this.origin = new Uint16Array(buffer, at.origin, n);
    this.valence = new Float32Array(buffer, at.valence, n);
    this.arousal = new Float32Array(buffer, at.arousal, n);
    this.hasAffect = new Uint8Array(buffer, at.hasAffect, n);
    this.moodMask = new Int32Array(buffer, at.moodMask, f.moodMask.length);
    this.text = new Float32Array(buffer, at.text, n);
    this.excluded = new Uint8Array(buffer, at.excluded, n);
    this.eraTable = new Float64Array(buffer, at.eraTable, years);
    this.originTable = new Float64Array(buffer, at.originTable, f.origins.length);
    this.wantedMood = new Int32Array(buffer, at.wantedMood, f.moodWords);
    this.themesRest = new Uint16Array(buffer, at.themesRest, n);
    for (const column of SONG_COLUMNS) {
      (this[column] as { set(from: ArrayLike<number>): void }).set(f[column]);
      (f as unknown as Record<string, unknown>)[column] = this[column];
    }
    this.exports.init(
      at.origin,
      at.valence,
      at.arousal,
      at.hasAffect,
      at.moodMask,
      f.moodWords,
      at.text,
      at.excluded,
      at.eraTable,
      at.originTable,
      at.wantedMood,
      at.found,
    );
  }

  /**
   * Sets up a scan by the year column `years`: `columns` are the theme columns of the first
   * DIRECT_THEMES wanted themes (the all-zero column for missing ones); `rest` says whether
   * themesRest holds the sum of further ones for this request. The ranker has filled the text,
   * exclusion, era, origin and wanted-mood tables.
   */
  prepare(columns: readonly number[], rest: boolean, years: YearColumn, w: KernelWeights): void {
    const { at, n } = this;
    const column = (k: number) => at.themeBest + (columns[k] as number) * n;
    this.exports.prepare(
      column(0),
      column(1),
      column(2),
      column(3),
      column(4),
      rest ? at.themesRest : at.noThemes,
      years === "earliest" ? at.earliestAt : at.bestKnownAt,
      w.themeScale,
      w.wText,
      w.wMood,
      w.sceneValence,
      w.sceneArousal,
      w.moodCount,
    );
  }

  /**
   * Of songs lo .. i − 1, the highest-placed that is not excluded and scores at least
   * `threshold` (−1 if none); its score is then `foundScore`.
   */
  next(i: number, lo: number, threshold: number): number {
    return this.exports.next(i, lo, threshold);
  }

  /** Sets themesRest, for songs 0 .. end − 1, to the sum of these theme columns. */
  sumThemes(columns: readonly number[], end: number): void {
    this.themesRest.fill(0, 0, end);
    for (const c of columns)
      this.exports.addColumn(this.at.themesRest, this.at.themeBest + c * this.n, end);
  }

  get foundScore(): number {
    return this.found[0] as number;
  }
}
