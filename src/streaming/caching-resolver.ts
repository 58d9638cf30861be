/**
 * A StreamingResolver that remembers answers (the only importer of node-cache).
 *
 * - Key: provider, song id, recording id, the pin, and every field matching reads (titles,
 *   performers, year, duration, ISRC), so an edited catalogue entry is looked up afresh.
 * - `resolved`, `unresolved` and `disabled` are kept for `ttlSec`; `rate-limited` and
 *   `unavailable` are transient and never stored (the inner resolver already answers them at once
 *   while a cool-down or an open breaker lasts).
 * - At most `maxKeys` entries: when full, the oldest entry is dropped (node-cache itself would
 *   refuse the write).
 * - Concurrent resolves of the same key share one inner call.
 * - Entries are cloned in and out, so a caller mutating an answer cannot change the cache.
 */
import NodeCache from "node-cache";
import type { Recording, Song } from "../domain/index.js";
import type { Resolution, StreamingResolver } from "./resolver.js";

export interface CachingOptions {
  ttlSec: number;
  maxKeys: number;
}

export class CachingResolver implements StreamingResolver {
  readonly provider: "spotify";
  private readonly cache: NodeCache;
  private readonly inflight = new Map<string, Promise<Resolution>>();

  constructor(
    private readonly inner: StreamingResolver,
    private readonly options: CachingOptions,
  ) {
    this.provider = inner.provider;
    this.cache = new NodeCache({
      stdTTL: options.ttlSec,
      checkperiod: Math.min(600, Math.max(1, options.ttlSec)),
      maxKeys: options.maxKeys,
      useClones: true,
    });
  }

  get size(): number {
    return this.cache.getStats().keys;
  }

  async resolve(song: Song, recording: Recording): Promise<Resolution> {
    const key = cacheKey(this.provider, song, recording);
    const hit = this.cache.get<Resolution>(key);
    if (hit !== undefined) return hit;
    const pending = this.inflight.get(key);
    if (pending) return structuredClone(await pending);
    const work = this.inner.resolve(song, recording).finally(() => this.inflight.delete(key));
    this.inflight.set(key, work);
    const resolution = await work;
    if (isLasting(resolution)) this.store(key, resolution);
    return structuredClone(resolution);
  }

  /** Stops node-cache's expiry timer. */
  close(): void {
    this.cache.close();
  }

  private store(key: string, value: Resolution): void {
    if (!this.cache.has(key) && this.size >= this.options.maxKeys) {
      const oldest = this.cache.keys()[0];
      if (oldest !== undefined) this.cache.del(oldest);
    }
    this.cache.set(key, value);
  }
}

function isLasting(r: Resolution): boolean {
  return r.status === "resolved" || r.status === "unresolved" || r.status === "disabled";
}

export function cacheKey(provider: string, song: Song, recording: Recording): string {
  return JSON.stringify([
    provider,
    song.id,
    recording.id,
    song.streaming?.spotify?.trackId ?? null,
    song.title,
    song.titleLatin,
    song.titleEnglish ?? null,
    song.year,
    song.language,
    song.lyricists.length > 0,
    recording.performers.map((p) => [p.name, p.nameLatin ?? null]),
    recording.year ?? null,
    recording.durationSec ?? null,
    recording.isrc ?? null,
  ]);
}
