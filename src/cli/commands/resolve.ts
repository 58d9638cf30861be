/**
 * `soundtrack resolve <song-id…> | --all`: find songs on Spotify (with a progress bar on a
 * terminal) and summarise: resolved, low confidence (resolved but below --review), unresolved,
 * rate-limited, unavailable, disabled.
 */
import type { Catalogue } from "../../catalogue/catalogue.js";
import { DomainError, type Song } from "../../domain/index.js";
import { bestKnownRecording } from "../../scoring/recording-choice.js";
import { resolveMany, type Resolution, type StreamingResolver } from "../../streaming/index.js";
import { progressBar, type Progress } from "../progress.js";
import { table } from "../table.js";

export interface ResolveOptions {
  all?: boolean;
  review?: string;
  json?: boolean;
}

export async function resolveCommand(
  catalogue: Catalogue,
  resolver: StreamingResolver,
  ids: string[],
  opts: ResolveOptions,
  out: (s: string) => void,
  progress: Progress = progressBar(),
): Promise<number> {
  if (!opts.all && ids.length === 0)
    throw new DomainError("invalid_input", "Name songs to resolve or pass --all", [
      { path: "songs", problem: "none given" },
    ]);
  const review = opts.review === undefined ? 0.8 : Number(opts.review);
  if (!(review >= 0 && review <= 1))
    throw new DomainError("invalid_input", "--review must be between 0 and 1", [
      { path: "review", problem: "out of range" },
    ]);
  const songs: Song[] = opts.all
    ? [...catalogue.all()]
    : ids.map((id) => {
        const s = catalogue.get(id);
        if (!s)
          throw new DomainError("not_found", `No song "${id}"`, [
            { path: "songs", problem: `unknown id "${id}"` },
          ]);
        return s;
      });
  const items = songs.map((song) => ({ song, recording: bestKnownRecording(song) }));
  const results = await resolveMany(resolver, items, 4, (done, total, item) =>
    progress.tick(done, total, item.song.titleLatin),
  );
  progress.end();
  const kind = (r: Resolution) =>
    r.status === "resolved" && !r.pinned && r.best.confidence < review
      ? "low-confidence"
      : r.status;
  const counts = new Map<string, number>();
  results.forEach((r) => counts.set(kind(r), (counts.get(kind(r)) ?? 0) + 1));
  if (opts.json) {
    out(
      JSON.stringify(
        {
          counts: Object.fromEntries(counts),
          results: results.map((r, i) => ({ songId: items[i]?.song.id, ...r })),
        },
        null,
        2,
      ),
    );
  } else {
    const rows = results.map((r, i) => {
      const s = items[i]!.song;
      const detail =
        r.status === "resolved"
          ? `${r.best.title} — ${r.best.artists.join(", ")} (${r.best.confidence.toFixed(2)}${r.pinned ? ", pinned" : ""})`
          : r.status === "rate-limited"
            ? `until ${r.until}`
            : "reason" in r
              ? r.reason
              : "";
      return [s.id, kind(r), detail];
    });
    out(table(["song", "result", "detail"], rows, 70));
    out(`\n${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")}`);
  }
  return 0;
}
