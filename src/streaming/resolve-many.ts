/**
 * Resolving many recordings (a bulk CLI, a whole film): at most `concurrency` resolves at a time,
 * answers in input order, progress reported as each finishes. Resolvers never throw for upstream
 * trouble; should one throw anyway, that item is `unavailable` and the rest carry on. During a
 * rate-limit cool-down the remaining items come back `rate-limited` at once, not after a wait.
 */
import type { Recording, Song } from "../domain/index.js";
import type { Resolution, StreamingResolver } from "./resolver.js";

export interface ResolveItem {
  song: Song;
  recording: Recording;
}

export type ResolveProgress = (
  done: number,
  total: number,
  item: ResolveItem,
  resolution: Resolution,
) => void;

export async function resolveMany(
  resolver: StreamingResolver,
  items: readonly ResolveItem[],
  concurrency: number,
  onProgress?: ResolveProgress,
): Promise<Resolution[]> {
  const results = new Array<Resolution>(items.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as ResolveItem;
      let resolution: Resolution;
      try {
        resolution = await resolver.resolve(item.song, item.recording);
      } catch (error) {
        resolution = {
          status: "unavailable",
          reason: error instanceof Error ? error.message : String(error),
        };
      }
      results[index] = resolution;
      done++;
      onProgress?.(done, items.length, item, resolution);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
