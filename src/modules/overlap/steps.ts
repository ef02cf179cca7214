/**
 * Long computations written as generators that pause (yield) every few milliseconds' work, so one
 * code path serves both a caller that runs them at once and one that lets other work in between.
 */

/** Runs a stepwise computation to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Longest a stepwise computation holds the event loop before letting waiting work in. */
export const SLICE_MS = 25;

/** Runs a stepwise computation in slices of about SLICE_MS, letting other work in between. */
export async function inSlices<T>(steps: Generator<void, T>): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}
