/** GET /v1/songs/:id/streaming: the song's Spotify resolution with its candidates, and search links. */
import { Router } from "express";
import { getSong } from "../../services/songs.js";
import { toSpotifyLink } from "../../services/streaming.js";
import { bestKnownRecording } from "../../scoring/recording-choice.js";
import { listeningLinks } from "../../streaming/listening-links.js";
import type { StreamingResolver } from "../../streaming/resolver.js";
import type { CatalogueSource } from "../app.js";

export function streamingRoutes(source: CatalogueSource, resolver: StreamingResolver): Router {
  const router = Router();
  router.get("/v1/songs/:id/streaming", async (req, res) => {
    const song = getSong(source(), req.params.id);
    const recording = bestKnownRecording(song);
    const resolution = await resolver.resolve(song, recording);
    res.json({
      songId: song.id,
      recording: { id: recording.id, performers: recording.performers, year: recording.year },
      spotify: {
        ...toSpotifyLink(resolution),
        candidates:
          resolution.status === "resolved" || resolution.status === "unresolved"
            ? resolution.candidates
            : [],
      },
      pinned: song.streaming?.spotify?.trackId ?? null,
      listening: listeningLinks(song, recording),
    });
  });
  return router;
}
