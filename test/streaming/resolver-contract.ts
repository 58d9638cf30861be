/**
 * The contract every StreamingResolver keeps, as one suite each implementation runs: in every
 * upstream situation it answers with a well-formed Resolution, quickly, and never throws.
 */
import { expect } from "chai";
import { z } from "zod";
import type { StreamingResolver } from "../../src/streaming/resolver.js";
import { FakeSpotify, rateLimited, searchPage, type FakeResponse } from "./fake-spotify.js";
import { BEREZA, ORIGINAL, nezhnost } from "./fixtures.js";

const Candidate = z
  .object({
    provider: z.literal("spotify"),
    trackId: z.string().regex(/^[0-9A-Za-z]{22}$/),
    uri: z.string().regex(/^spotify:track:[0-9A-Za-z]{22}$/),
    url: z.string().regex(/^https:\/\/open\.spotify\.com\/track\/[0-9A-Za-z]{22}$/),
    previewUrl: z.url().optional(),
    title: z.string().min(1),
    artists: z.array(z.string().min(1)),
    year: z.number().int().optional(),
    durationSec: z.number().int().nonnegative().optional(),
    isrc: z.string().optional(),
    confidence: z.number().min(0).max(1),
  })
  .strict()
  .refine((c) => c.uri.endsWith(c.trackId) && c.url.endsWith(c.trackId));

export const ResolutionSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("disabled"), reason: z.string().min(1) }).strict(),
  z
    .object({
      status: z.literal("resolved"),
      best: Candidate,
      candidates: z.array(Candidate).min(1),
      pinned: z.boolean(),
    })
    .strict(),
  z
    .object({
      status: z.literal("unresolved"),
      candidates: z.array(Candidate),
      reason: z.string().min(1),
    })
    .strict(),
  z.object({ status: z.literal("rate-limited"), until: z.iso.datetime() }).strict(),
  z.object({ status: z.literal("unavailable"), reason: z.string().min(1) }).strict(),
]);

const SITUATIONS: [string, FakeResponse | null][] = [
  ["a healthy API", null],
  ["an API that has no match", searchPage([BEREZA])],
  ["a 429", rateLimited(3600, true)],
  ["500s", { status: 500, body: { error: { status: 500, message: "boom" } } }],
  ["garbage", { status: 200, raw: "}{" }],
  ["silence", { hang: true }],
];

/** `make(url)` builds the resolver under test aimed at a fake server with a 300 ms deadline. */
export function resolverContract(
  name: string,
  make: (url: string) => StreamingResolver,
  expectStatus?: string,
): void {
  describe(`StreamingResolver contract: ${name}`, () => {
    let fake: FakeSpotify;
    beforeEach(async () => (fake = await FakeSpotify.start({ tracks: [ORIGINAL] })));
    afterEach(async () => fake.close());

    for (const [situation, response] of SITUATIONS) {
      it(`answers ${situation} with a well-formed Resolution, never an exception`, async () => {
        if (response) fake.always("search", response);
        const resolver = make(fake.url);
        expect(resolver.provider).to.equal("spotify");
        const { song, recording } = nezhnost();
        const started = performance.now();
        const answer = await resolver.resolve(song, recording);
        expect(performance.now() - started).to.be.below(2000);
        const parsed = ResolutionSchema.safeParse(answer);
        expect(parsed.success, JSON.stringify(answer)).to.equal(true);
        if (expectStatus) expect(answer.status).to.equal(expectStatus);
      });
    }
  });
}
