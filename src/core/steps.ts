/**
 * Long builds (verifying and indexing 100k sentences) are written as generators that yield between
 * chunks of work. Run synchronously they cost nothing extra; run with `runSliced` they give the
 * event loop back every few milliseconds, so questions keep being answered from the old knowledge
 * while a reload builds the new one (a 3.5 s stall at 100k sentences otherwise).
 */

export type Steps<T> = Generator<void, T, void>;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, yielding to the event loop whenever `sliceMs` of work has passed. */
export async function runSliced<T>(steps: Steps<T>, sliceMs = 8): Promise<T> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      start = performance.now();
    }
  }
}

/** How many items a loop handles between yields: small enough that one chunk stays under a slice. */
export const CHUNK = 512;
