import type { OutcomeView, PlanView } from './framework.js';

/**
 * Overlapping plans: two plans of one locality (so one area) that target the same indicator,
 * or carry much the same outcome. Outcomes are "much the same" when, after dropping common
 * words, at least half the words of the shorter title are in the other: "Reduce childhood
 * obesity" and "Fewer children obese: reduce childhood obesity in Year 6" match; "Reduce
 * childhood obesity" and "Reduce re-offending" do not. Pure, so it is tested on its own.
 */
export interface SharedIndicator {
  indicatorId: string;
  code: string;
  title: string;
  outcomes: [OutcomeView, OutcomeView];
}

export interface SimilarOutcomes {
  outcomes: [OutcomeView, OutcomeView];
  similarity: number;
}

export interface PlanOverlap {
  plans: [PlanView, PlanView];
  indicators: SharedIndicator[];
  outcomes: SimilarOutcomes[];
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'in',
  'to',
  'for',
  'with',
  'by',
  'on',
  'at',
  'more',
  'fewer',
  'less',
  'improve',
  'improved',
  'improving',
  'increase',
  'reduce',
  'reducing',
  'better',
  'all',
  'our',
  'people',
  'their',
  'who',
  'is',
  'are',
  'be',
]);

export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .replace(/[’']/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
      .map(stem),
  );
}

/** A light stem so "children", "childhood" and "child" meet, as do "obese" and "obesity". */
function stem(word: string): string {
  return word.replace(/(hood|ren|ity|ness|ing|ies|es|s|e)$/, '').slice(0, 6);
}

export function titleSimilarity(a: string, b: string): number {
  const x = titleWords(a);
  const y = titleWords(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size);
}

export const SIMILAR_OUTCOME = 0.5;

export function findOverlaps(plans: PlanView[]): PlanOverlap[] {
  const open = plans.filter((p) => p.plan.status !== 'archived');
  const overlaps: PlanOverlap[] = [];
  for (let i = 0; i < open.length; i++) {
    for (let j = i + 1; j < open.length; j++) {
      const a = open[i] as PlanView;
      const b = open[j] as PlanView;
      const indicators: SharedIndicator[] = [];
      for (const oa of a.outcomes) {
        for (const ta of oa.targets) {
          for (const ob of b.outcomes) {
            const tb = ob.targets.find((t) => t.indicator.id === ta.indicator.id);
            if (tb)
              indicators.push({
                indicatorId: ta.indicator.id,
                code: ta.indicator.code,
                title: ta.indicator.title,
                outcomes: [oa, ob],
              });
          }
        }
      }
      const outcomes: SimilarOutcomes[] = [];
      for (const oa of a.outcomes) {
        for (const ob of b.outcomes) {
          const similarity = titleSimilarity(oa.outcome.title, ob.outcome.title);
          if (similarity >= SIMILAR_OUTCOME) outcomes.push({ outcomes: [oa, ob], similarity });
        }
      }
      if (indicators.length || outcomes.length) overlaps.push({ plans: [a, b], indicators, outcomes });
    }
  }
  return overlaps.sort((x, y) => y.indicators.length + y.outcomes.length - (x.indicators.length + x.outcomes.length));
}
