import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { learnAbbreviations, withAbbreviationsSpelt } from './abbreviations.js';
import { buildIndex, checkOne, explainPair } from './engine.js';
import { TextReader, outsiderContext, readFeatures } from './features.js';
import { DEFAULT_SETTINGS } from './scoring.js';
import { partnership, unrelatedBoards } from './test-records.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const others = unrelatedBoards();

describe("a register's own abbreviations", () => {
  it('are read as the register spells them out elsewhere, so shorthand meets the work it stands for', () => {
    const records = [
      partnership('forum', { name: 'Domestic Violence Forum', purpose: 'Refuge places and outreach for survivors' }),
      partnership('short', { name: 'DVF Steering Group', purpose: 'See terms of reference.' }),
      ...others,
    ];
    const match = explainPair(buildIndex(records, context), 'forum', 'short', DEFAULT_SETTINGS);
    const shared = match.sharedFeatures.find((f) => f.key === 'c:domestic-abuse');
    // The explanation quotes what the partnership wrote, and what it was read as.
    expect(shared?.writtenB).toBe('DVF (domestic violence)');
    expect(shared?.writtenA).toBe('domestic violence');

    const before = explainPair(
      buildIndex(
        records.map((r) => (r.id === 'forum' ? { ...r, name: 'Violence at Home Forum' } : r)),
        context,
      ),
      'forum',
      'short',
      DEFAULT_SETTINGS,
    );
    expect(match.score).toBeGreaterThan(before.score);
  });

  it('are read in a proposal checked against the register, as in the register itself', () => {
    const index = buildIndex(
      [
        partnership('forum', { name: 'Domestic Violence Forum', purpose: 'Refuge places and outreach for survivors' }),
        ...others,
      ],
      context,
    );
    const proposal = partnership('new', { name: 'DVF Training Group', purpose: 'Training for frontline staff' });
    const [top] = checkOne(proposal, index, { floor: 0.01, limit: 3, settings: DEFAULT_SETTINGS });
    expect(top?.bId).toBe('forum');
    const shared = top?.sharedFeatures.find((f) => f.key === 'c:domestic-abuse');
    expect(shared?.writtenA).toBe('DVF (domestic violence)');
  });

  it('end a run of capitalised words, after its place if it has one', () => {
    const learnt = learnAbbreviations(['Ambershire Combating Drugs Partnership', 'CDP Delivery Group'], []);
    expect(learnt?.get('CDP')).toBe('combating drugs partnership');
    expect(withAbbreviationsSpelt('Reports to the CDPs.', learnt)).toBe(
      'Reports to the CDPs (combating drugs partnership).',
    );
  });

  it('are left as written when the register spells them out two ways', () => {
    expect(
      learnAbbreviations(['Community Safety Partnership', 'Child Safeguarding Panel', 'CSP Executive'], []),
    ).toBeUndefined();
  });

  it('take a small letter only for a little word: "DfE" is not "Dementia Friendly Eastbrook"', () => {
    const names = ['Dementia Friendly Eastbrook', 'Ukraine Response Cell'];
    const learnt = learnAbbreviations(names, [
      'Funding from the DfE for the Homes for Ukraine scheme.',
      'HfU - see ToR.',
    ]);
    expect(learnt?.get('HfU')).toBe('homes for ukraine');
    expect(learnt?.has('DfE')).toBe(false);
  });

  it('are not spelt by the capitals that begin a sentence, nor taken from a national body', () => {
    const purposes = ['Deliver the Eastbrook Suicide Prevention Plan. DESPP actions.', 'Pooled with the DWP.'];
    expect(learnAbbreviations(['Dunmoor Waste Partnership'], purposes)).toBeUndefined();
  });

  it('are not spelt out again where the thesaurus already reads them', () => {
    const known = (word: string) => word === 'DVF';
    expect(learnAbbreviations(['Domestic Violence Forum', 'DVF Steering Group'], [], known)).toBeUndefined();
  });

  it('are read in a proposal checked against many scopes with one reader, as in each scope afresh', () => {
    const template = (work: string) =>
      `The partnership brings together statutory, voluntary and community sector partners to ${work}, aligned to the Council Plan priorities.`;
    const scopes = [
      // One that spells the proposal's abbreviation out, one with a house template, one with neither.
      [partnership('forum', { name: 'Domestic Violence Forum', purpose: 'Refuge places and outreach' }), ...others],
      [
        partnership('refuge', { name: 'Refuge Partnership', purpose: template('run refuge places for survivors') }),
        partnership('carers', { name: 'Carers Partnership', purpose: template('support unpaid carers') }),
        partnership('youth', { name: 'Youth Partnership', purpose: template('improve the youth offer') }),
        ...others,
      ],
      others,
    ].map((records) => buildIndex(records, context));
    const proposals = [
      partnership('new', {
        name: 'DVF Refuge Group',
        purpose: template('run refuge places for survivors of domestic violence'),
      }),
      // Its own words only: the template's scope has nothing to take out of it.
      partnership('plain', { name: 'DVF Outreach', purpose: 'Outreach to survivors in their own homes' }),
    ];
    const options = { floor: 0.01, limit: 5, settings: DEFAULT_SETTINGS };
    const reader = new TextReader();
    // Twice round, so the second reads everything from what the reader kept.
    for (const round of [1, 2])
      for (const proposal of proposals)
        for (const index of scopes) {
          expect(checkOne(proposal, index, { ...options, reader }), `round ${round}`).toEqual(
            checkOne(proposal, index, options),
          );
          // And as read in full, word by word, with nothing kept.
          const { name, purpose } = proposal;
          const read = outsiderContext(index, name, purpose, reader);
          expect(reader.merged(reader.readOutsiderParts(name, purpose, read))).toEqual(
            readFeatures(name, purpose, outsiderContext(index, name, purpose)),
          );
        }
    expect(checkOne(proposals[0]!, scopes[0]!, { ...options, reader })[0]?.bId).toBe('forum');
  });
});
