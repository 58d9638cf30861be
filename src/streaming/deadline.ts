/**
 * A deadline for a promise that cannot be cancelled (spotify-web-api-node offers no timeout and no
 * abort). The caller stops waiting after `ms`; the abandoned request is left to finish or fail on
 * its own, and its late outcome is swallowed so it can never surface as an unhandled rejection.
 */
import { UpstreamError } from "./upstream-error.js";

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new UpstreamError({ kind: "timeout", afterMs: ms })), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
