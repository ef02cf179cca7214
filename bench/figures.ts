/**
 * Figures a bench hands to `npm run bench:national`, which runs several benches a few times and
 * prints one table of medians. A bench run on its own (no BENCH_FIGURES in its environment)
 * records nothing and prints as before.
 */
import fs from 'node:fs';
import os from 'node:os';

export interface Figure {
  /** The row of issue 14's table this measures, e.g. "register page, PostgreSQL 50k: p95". */
  path: string;
  measured: number;
  unit: 's' | 'ms' | 'MB' | 'req/s' | 'ratio';
  /** The same-run baseline, in the same unit, and what it is. */
  baseline?: { value: number; what: string };
  /** The goal, in the same unit, and whether lower or higher is better. */
  goal?: { value: number; better: 'lower' | 'higher' };
}

/** Appends one figure (as a JSON line) to the file named by BENCH_FIGURES, with the load average. */
export function recordFigure(figure: Figure): void {
  const file = process.env.BENCH_FIGURES;
  if (!file) return;
  fs.appendFileSync(file, `${JSON.stringify({ ...figure, load: os.loadavg()[0] })}\n`);
}
