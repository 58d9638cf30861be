/**
 * Moods as points on the valence (unpleasant..pleasant) / arousal (calm..excited) plane, both in
 * [-1, 1]. A song's point is its own valence/arousal if the catalogue gives them, else the mean of
 * its moods' points; a scene's point is the mean of its moods. Closeness falls linearly with
 * distance and reaches 0 at FAR, so "tender" scores well against "longing" and not at all against
 * "triumphant".
 */
import type { Song, Vocabulary } from "../domain/index.js";

export interface MoodPoint {
  valence: number;
  arousal: number;
}

const FAR = 1.2;

export class MoodSpace {
  private readonly points: Map<string, MoodPoint>;

  constructor(vocabulary: Vocabulary) {
    this.points = new Map(
      vocabulary.moods.map((m) => [m.id, { valence: m.valence, arousal: m.arousal }]),
    );
  }

  point(id: string): MoodPoint | undefined {
    return this.points.get(id);
  }

  centre(ids: readonly string[]): MoodPoint | null {
    const pts = ids.map((id) => this.points.get(id)).filter((p): p is MoodPoint => p !== undefined);
    if (pts.length === 0) return null;
    return {
      valence: pts.reduce((s, p) => s + p.valence, 0) / pts.length,
      arousal: pts.reduce((s, p) => s + p.arousal, 0) / pts.length,
    };
  }

  songPoint(song: Pick<Song, "valence" | "arousal" | "moods">): MoodPoint | null {
    if (song.valence !== undefined && song.arousal !== undefined)
      return { valence: song.valence, arousal: song.arousal };
    return this.centre(song.moods);
  }

  static closeness(a: MoodPoint, b: MoodPoint): number {
    const d = Math.hypot(a.valence - b.valence, a.arousal - b.arousal);
    return Math.max(0, 1 - d / FAR);
  }
}
