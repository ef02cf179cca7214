import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { findBoilerplate, withoutBoilerplate } from './boilerplate.js';
import { buildIndex, checkOne, explainPair, findSimilarPairs } from './engine.js';
import { explanationSentences } from './describe.js';
import { DEFAULT_SETTINGS } from './scoring.js';
import { partnership, unrelatedBoards } from './test-records.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const template = (work: string) =>
  `The partnership brings together statutory, voluntary and community sector partners to ${work}, aligned to the Council Plan 2022-2026 priorities of Thriving Communities, a Green Borough and a Growing Economy.`;
// Different work, each written into the council's house template.
const templated = [
  partnership('carers', { name: 'Carers Partnership', purpose: template('recognise and support unpaid carers') }),
  partnership('visitors', { name: 'Visit the Valley', purpose: template('grow the visitor economy of the valley') }),
  partnership('grants', {
    name: 'Community Grants Panel',
    purpose: template('support community groups with small grants'),
  }),
  partnership('forces', {
    name: 'Armed Forces Covenant Partnership',
    purpose: template('meet the armed forces covenant'),
  }),
  partnership('youth', { name: 'Youth Partnership', purpose: template('improve the youth offer in the borough') }),
];
const others = unrelatedBoards();

describe('boilerplate: the wording a register repeats from one purpose to another', () => {
  it('is found where three or more purposes share a run of words, and read as a break', () => {
    const boilerplate = findBoilerplate(templated.map((p) => p.purpose));
    const own = withoutBoilerplate(templated[0]!.purpose, boilerplate);
    expect(own).toContain('recognise and support unpaid carers');
    expect(own).not.toMatch(/brings together|Council Plan|Growing Economy/);
  });

  it('is not what two purposes alone share: a successor keeping its predecessor’s words tells', () => {
    const sentence = 'Coordinates the borough response to rough sleeping and the winter night shelter rota.';
    const boilerplate = findBoilerplate([sentence, `${sentence} Renamed in 2024.`, 'Something else entirely here']);
    expect(boilerplate).toBeUndefined();
  });

  it('makes no two boards alike, however much of their purposes it fills', () => {
    const index = buildIndex([...templated, ...others], context);
    const pairs = findSimilarPairs(index, DEFAULT_SETTINGS.look).pairs;
    expect(pairs.filter((p) => templated.some((t) => t.id === p.aId) && templated.some((t) => t.id === p.bId))).toEqual(
      [],
    );
  });

  it('still lets two boards doing the same work inside the template be found, and is never given as a reason', () => {
    const records = [
      ...templated,
      partnership('hunger', { name: 'Food Bank Network', purpose: template('tackle food poverty with food banks') }),
      partnership('larders', {
        name: 'Community Larders Group',
        purpose: template('run community larders for food poverty'),
      }),
      ...others,
    ];
    const index = buildIndex(records, context);
    const match = explainPair(index, 'hunger', 'larders', DEFAULT_SETTINGS);
    expect(match.score).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.look);
    const reasons = match.sharedFeatures.map((f) => f.label.toLowerCase());
    expect(reasons.some((r) => r.includes('food'))).toBe(true);
    expect(reasons.filter((r) => /aligned|thriving|growing|economy|statutory|green/.test(r))).toEqual([]);
    expect(match.templateLeftOut).toBe(true);
    expect(explanationSentences(match, { nameOf: (id) => id }).join(' ')).toContain('standard wording');
  });

  it('is left out of a proposal checked against the register too', () => {
    const index = buildIndex([...templated, ...others], context);
    const proposal = partnership('new', { name: 'Heritage Forum', purpose: template('look after listed buildings') });
    const found = checkOne(proposal, index, { floor: DEFAULT_SETTINGS.look, limit: 5, settings: DEFAULT_SETTINGS });
    expect(found).toEqual([]);
  });
});
