import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_JUDGEMENTS, suggestSettings } from './calibration.js';

const current = { likely: 0.6, look: 0.4 };

describe('suggesting a threshold from a locality’s judgements', () => {
  it('suggests nothing until there are enough judgements of both kinds, and says how many it has', () => {
    const few = suggestSettings([{ score: 0.7, same: true }], current);
    expect(few).toMatchObject({ judgements: 1, same: 1, different: 0 });
    expect(few.settings).toBeUndefined();
    const oneKind = suggestSettings(
      Array.from({ length: 10 }, (_, i) => ({ score: 0.5 + i / 50, same: true })),
      current,
    );
    expect(oneKind.settings).toBeUndefined();
  });

  it('moves the threshold to where the judgements split', () => {
    const judged = [
      { score: 0.9, same: true },
      { score: 0.8, same: true },
      { score: 0.72, same: true },
      { score: 0.66, same: false },
      { score: 0.63, same: false },
      { score: 0.5, same: false },
    ];
    const suggestion = suggestSettings(judged, current);
    expect(suggestion.currentDisagreements).toBe(2);
    expect(suggestion.settings?.likely).toBe(0.69);
    expect(suggestion.settings?.look).toBe(0.49);
    expect(suggestion.disagreements).toBe(0);
  });

  it('never suggests thresholds that disagree with more judgements than the current ones (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), same: fc.boolean() }), {
          minLength: MIN_JUDGEMENTS,
          maxLength: 40,
        }),
        (judged) => {
          const s = suggestSettings(judged, current);
          if (s.settings) {
            expect(s.disagreements!).toBeLessThanOrEqual(s.currentDisagreements);
            expect(s.settings.look).toBeLessThanOrEqual(s.settings.likely);
          }
        },
      ),
    );
  });
});
