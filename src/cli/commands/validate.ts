/** `soundtrack validate`: check every file in data/ and report each problem precisely. */
import { formatProblem, readCatalogueData } from "../../catalogue/data-files.js";

export function validateCommand(dataDir: string, out: (s: string) => void): number {
  const { data, problems } = readCatalogueData(dataDir);
  if (!data) {
    problems.forEach((p) => out(formatProblem(p)));
    out(`\n${problems.length} problem(s) in ${dataDir}`);
    return 1;
  }
  const recordings = data.songs.reduce((n, s) => n + s.recordings.length, 0);
  out(
    `OK: ${data.songs.length} songs, ${recordings} recordings, ${data.vocabulary.themes.length} themes, ${data.vocabulary.moods.length} moods, ${data.films.length} films`,
  );
  return 0;
}
