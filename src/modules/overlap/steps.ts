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
