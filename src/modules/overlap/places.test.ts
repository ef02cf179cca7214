import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { DEFAULT_THESAURUS } from '../thesaurus/default/index.js';
import { buildIndex, explainPair } from './engine.js';
import { placesNamedIn } from './places.js';
import { DEFAULT_SETTINGS } from './scoring.js';
import { partnership } from './test-records.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };

describe('the same kind of body for different places, and different bodies for one place', () => {
  const filler = ['recycling', 'libraries', 'tourism', 'allotments', 'museums', 'parking'].map((work, i) =>
    partnership(`F${i}`, { name: `${work} group`, purpose: `About ${work}`, memberOrganisationIds: [`o${i}`] }),
  );

  it('does not take the name of a ward two bodies serve as evidence that they do the same work', () => {
    const records = [
      partnership('NF', {
        name: 'Cherry Tree Neighbourhood Forum',
        purpose: 'Residents of Cherry Tree agree the ward plan',
        memberOrganisationIds: ['a'],
      }),
      partnership('CC', {
        name: 'Cherry Tree Community Centre Committee',
        purpose: 'Lettings and upkeep of the Cherry Tree centre',
        memberOrganisationIds: ['b'],
      }),
      ...filler,
    ];
    const index = buildIndex(records, context);
    const explained = explainPair(index, 'CC', 'NF', DEFAULT_SETTINGS)!;
    expect(explained.sharedFeatures.map((f) => f.writtenA)).not.toContain('cherry');
    expect(explained.sharedFeatures.map((f) => f.writtenA)).not.toContain('tree');
    expect(explained.score).toBeLessThan(DEFAULT_SETTINGS.look);
  });

  it('tells two bodies named alike but for different places apart', () => {
    const records = [
      partnership('N', {
        name: 'Northgate Litter Pickers',
        purpose: 'Monthly litter picks',
        memberOrganisationIds: ['a'],
      }),
      partnership('E', {
        name: 'Elmwood Litter Pickers',
        purpose: 'Monthly litter picks',
        memberOrganisationIds: ['b'],
      }),
      ...filler,
    ];
    const explained = explainPair(buildIndex(records, context), 'E', 'N', DEFAULT_SETTINGS)!;
    expect(explained.differentPlaces).toBe('Elmwood and Northgate');
    expect(explained.score).toBeLessThan(DEFAULT_SETTINGS.likely);
  });

  it('reads the place in a name after a hyphenated word ("Co-ordinating") where it is written', () => {
    const records = [
      partnership('N', {
        name: 'Litter Co-ordinating Group Northgate',
        purpose: 'Monthly litter picks',
        memberOrganisationIds: ['a'],
      }),
      partnership('E', {
        name: 'Litter Co-ordinating Group Elmwood',
        purpose: 'Monthly litter picks',
        memberOrganisationIds: ['b'],
      }),
      ...filler,
    ];
    const explained = explainPair(buildIndex(records, context), 'E', 'N', DEFAULT_SETTINGS)!;
    expect(explained.differentPlaces).toBe('Elmwood and Northgate');
  });

  it('tells the body for the scope’s own town from the same body for another of its towns', () => {
    // The district is named after its main town, so its name is left out of every reading; the
    // other town is too, where the scope's organisations are named after it.
    const stopWords = new Set(['harrowfield', 'kelbury']);
    const centre = (id: string, town: string) =>
      partnership(id, {
        name: `${town} Town Centre Partnership`,
        purpose: `Town centre management for ${town}: markets, events, vacant shops and parking`,
        memberOrganisationIds: [id],
      });
    // Stowcombe is one of the scope's places because two of its partnerships are named after it.
    const hall = partnership('SH', {
      name: 'Stowcombe Village Hall Committee',
      purpose: 'Lettings',
      memberOrganisationIds: ['x'],
    });
    const records = [centre('H', 'Harrowfield'), centre('K', 'Kelbury'), centre('S', 'Stowcombe'), hall, ...filler];
    const index = buildIndex(records, { ...context, stopWords });
    expect(explainPair(index, 'H', 'K', DEFAULT_SETTINGS).differentPlaces).toBe('Harrowfield and Kelbury');
    expect(explainPair(index, 'H', 'S', DEFAULT_SETTINGS).differentPlaces).toBe('Harrowfield and Stowcombe');
    expect(explainPair(index, 'H', 'K', DEFAULT_SETTINGS).score).toBeLessThan(DEFAULT_SETTINGS.likely);
  });

  it('tells bodies for two of the scope’s towns apart however differently the rest of their names runs', () => {
    const stopWords = new Set(['harrowfield', 'kelbury']);
    const users = 'Users of the leisure centre meet the Leisure Trust about bookings, prices and repairs';
    const records = [
      partnership('H', { name: "Harrowfield Pool and Leisure Centre Users' Forum", purpose: users }),
      partnership('K', { name: "Kelbury Sports Centre Users' Forum", purpose: users }),
      partnership('B', { name: 'Harrowfield and Kelbury Leisure Users Panel', purpose: users }),
      ...filler,
    ];
    // The shipped thesaurus reads the pool, leisure centre and sports centre as kinds of work, not places.
    const index = buildIndex(records, { thesaurus: compileThesaurus(DEFAULT_THESAURUS), stopWords });
    expect(explainPair(index, 'H', 'K', DEFAULT_SETTINGS).differentPlaces).toBe('Harrowfield and Kelbury');
    expect(explainPair(index, 'H', 'K', DEFAULT_SETTINGS).score).toBeLessThan(DEFAULT_SETTINGS.likely);
    // A body for both towns is for neither one alone.
    expect(explainPair(index, 'K', 'B', DEFAULT_SETTINGS).differentPlaces).toBeNull();
  });
});

describe('places a purpose names as such', () => {
  it('reads the capitalised words of a list of wards, parishes or estates as places, not as work', () => {
    expect(placesNamedIn('Worklessness in Saltings, Brackenholt and Fendyke wards. IB/JSA count')).toEqual([
      'saltings',
      'brackenholt',
      'fendyke',
    ]);
    expect(placesNamedIn('Youth provision across Northgate & Elmwood estates')).toEqual(['northgate', 'elmwood']);
    // A capital at the start of a sentence, or an abbreviation, is not a place.
    expect(placesNamedIn('Support parishes with their plans. Keep village halls open')).toEqual([]);
    expect(placesNamedIn('Job brokerage in NRF wards')).toEqual([]);
  });

  it('leaves such places out of what two purposes share', () => {
    const scope = [
      partnership('A', { name: 'Jobs Task Group', purpose: 'Jobs fairs in Saltings and Brackenholt wards' }),
      partnership('B', { name: 'Youth Club Committee', purpose: 'Youth club in Saltings and Brackenholt wards' }),
      partnership('C', { name: 'Recycling Group', purpose: 'Kerbside recycling' }),
    ];
    const index = buildIndex(scope, { thesaurus: compileThesaurus(TEST_THESAURUS) });
    const shared = explainPair(index, 'A', 'B', DEFAULT_SETTINGS)!.sharedFeatures.map((f) => f.label.toLowerCase());
    expect(shared).not.toContain('saltings');
    expect(shared).not.toContain('brackenholt');
  });
});
