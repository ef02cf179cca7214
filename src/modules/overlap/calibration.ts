/**
 * What a locality's own judgements say its "likely the same work" threshold should be: the score
 * that best separates the pairs its officers called the same work from those they called not
 * duplicates. Pure; the settings page shows it as a suggestion with how many judgements it rests
 * on, and the administrator decides.
 */
import type { OverlapSettings } from './scoring.js';

export interface JudgedScore {
  score: number;
  same: boolean;
}

export interface SettingsSuggestion {
  judgements: number;
  same: number;
  different: number;
  /** Absent until there are enough judgements of both kinds to say anything. */
  settings?: OverlapSettings;
  /** Judged pairs the suggested thresholds would still get wrong. */
  disagreements?: number;
  /** Judged pairs the current thresholds get wrong. */
  currentDisagreements: number;
}

/** The lowest threshold the settings page accepts (5%). */
const LOWEST = 0.05;

/** Fewer judgements than this, or none of one kind, and no threshold is suggested. */
export const MIN_JUDGEMENTS = 5;

function disagreements(judged: readonly JudgedScore[], likely: number): number {
  return judged.filter((j) => j.score >= likely !== j.same).length;
}

export function suggestSettings(judged: readonly JudgedScore[], current: OverlapSettings): SettingsSuggestion {
  const same = judged.filter((j) => j.same).length;
  const suggestion: SettingsSuggestion = {
    judgements: judged.length,
    same,
    different: judged.length - same,
    currentDisagreements: disagreements(judged, current.likely),
  };
  if (judged.length < MIN_JUDGEMENTS || same === 0 || same === judged.length) return suggestion;
  // Candidate thresholds: half-way between neighbouring judged scores, and the current one.
  const scores = [...new Set(judged.map((j) => j.score))].sort((a, b) => a - b);
  const candidates = [current.likely, LOWEST];
  for (let i = 0; i + 1 < scores.length; i++) {
    const between = (scores[i]! + scores[i + 1]!) / 2;
    if (between >= LOWEST && between <= 1) candidates.push(between);
  }
  let best = current.likely;
  let bestWrong = disagreements(judged, best);
  for (const t of candidates) {
    const wrong = disagreements(judged, t);
    if (wrong < bestWrong || (wrong === bestWrong && Math.abs(t - current.likely) < Math.abs(best - current.likely))) {
      best = t;
      bestWrong = wrong;
    }
  }
  // Whole percentages, as the page shows them, unless rounding would get a judgement wrong.
  const clamp = (v: number) => Math.min(1, Math.max(LOWEST, v));
  const rounded = clamp(Math.round(best * 100) / 100);
  const likely = disagreements(judged, rounded) <= bestWrong ? rounded : clamp(best);
  const gap = current.likely - current.look;
  suggestion.settings = { likely, look: Math.min(likely, clamp(Math.round((likely - gap) * 100) / 100)) };
  suggestion.disagreements = disagreements(judged, likely);
  return suggestion;
}
