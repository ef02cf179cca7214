import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { DEFAULT_THESAURUS } from '../thesaurus/default/index.js';
import { buildIndex } from './engine.js';
import { bodiesNamedIn, impliedParents } from './nesting.js';
import { scorePositions } from './scoring.js';
import { partnership } from './test-records.js';
import { readTokens } from './text.js';

const board = (id: string, name: string, purpose = '', parentId: string | null = null) =>
  partnership(id, { name, purpose, parentId });

describe('sub-groups a purpose names, where the register records no parent', () => {
  const scope = [
    board('H', 'Millbrook Housing Partnership', 'Housing strategy'),
    board('C', 'Millbrook Culture and Leisure Partnership', 'Culture, sport, arts'),
    board('E', 'Millbrook Economic Partnership', 'Jobs and business'),
    board('S', 'Sport Group', 'Culture Partnership sub-group. More people playing sport'),
    board('N', 'Nuisance Tenants Group', 'Sub-group of the Housing Partnership: tenancy enforcement'),
    board('T', 'Town Centre Group', 'Reports to the Economic Partnership. Footfall and vacancies'),
  ];
  const places = new Set(['millbrook']);
  const parents = (records = scope) =>
    Array.from(
      impliedParents(
        records,
        records.map((r) => readTokens(r.name, places).map((t) => t.stem)),
        places,
      ),
      (q) => (q < 0 ? null : records[q]!.id),
    );

  it('reads "X sub-group", "sub-group of X" and "reports to X" as belonging to the one partnership named X', () => {
    expect(parents()).toEqual([null, null, null, 'C', 'H', 'E']);
  });

  it('names no parent when the words fit two partnerships, or when the register records one', () => {
    const twoCultures = [...scope, board('C2', 'Culture Partnership Board', 'Museums')];
    expect(parents(twoCultures)[3]).toBeNull();
    const recorded = scope.map((r) => (r.id === 'S' ? { ...r, parentId: 'E' } : r));
    expect(parents(recorded)[3]).toBeNull();
  });

  it('counts what a self-declared sub-group shares with its parent for less, as for a recorded one', () => {
    const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
    const pair = (purpose: string) => {
      const records = [
        board('C', 'Culture and Sport Partnership', 'Sport, arts and culture for all'),
        board('S', 'Sport and Activity Group', purpose),
        board('X', 'Recycling Group', 'Kerbside recycling'),
      ];
      const index = buildIndex(records, context);
      return scorePositions(index, 0, 1);
    };
    const declared = pair('Culture and Sport Partnership sub-group. Sport and culture for all');
    const silent = pair('Sport and culture for all, arts');
    expect(declared.nested).toBe(true);
    expect(silent.nested).toBe(false);
    expect(declared.score).toBeLessThan(silent.score);
  });
});

describe('the names a purpose gives for the body it belongs to', () => {
  it('takes the capitalised words next to the phrase, up to a clause break or a lower-case word', () => {
    expect(bodiesNamedIn('Culture Partnership sub-group. Raise participation')).toEqual(['Culture Partnership']);
    expect(bodiesNamedIn('Parish plans. Healthier Westmarsh sub-group')).toEqual(['Healthier Westmarsh']);
    expect(bodiesNamedIn('A sub-group of the Children and Young People Board, on play')).toEqual([
      'Children and Young People Board',
    ]);
    expect(bodiesNamedIn('Tasking group; reports to the Safer Stronger Communities Board.')).toEqual([
      'Safer Stronger Communities Board',
    ]);
    expect(bodiesNamedIn('Reports to Cabinet and the Health Board')).toEqual(['Cabinet']);
    expect(bodiesNamedIn('Runs a sub-group for each ward')).toEqual([]);
  });

  it('reads a long run of capitals in bounded time', () => {
    const long = `${'Aa '.repeat(20_000)}sub-group`;
    const started = performance.now();
    expect(bodiesNamedIn(long)[0]?.split(' ')).toHaveLength(8);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('a name that extends another by a kind of work', () => {
  const thesaurus = compileThesaurus(DEFAULT_THESAURUS);
  const umbrellasOf = (...names: string[]) => {
    const records = names.map((name, i) => board(`p${i}`, name));
    const index = buildIndex(records, { thesaurus });
    return index.umbrellas.map((list) => list.map((p) => names[p]));
  };

  it('reads a programme board for jobs as a strand of the programme board, not the same work', () => {
    const found = umbrellasOf('NRF Jobs Programme Board', 'Neighbourhood Renewal Fund Programme Board');
    expect(found).toEqual([['Neighbourhood Renewal Fund Programme Board'], []]);
  });

  it('does not when the extra work is joined with "and", or is a word rather than a kind of work', () => {
    expect(umbrellasOf('Domestic Violence and Sexual Violence Forum', 'Domestic Violence Forum')).toEqual([[], []]);
    expect(umbrellasOf('Teenage Pregnancy Implementation Group', 'Teenage Pregnancy Group')).toEqual([[], []]);
  });

  it('does not when the extra only says how it is funded, or names the same work more narrowly', () => {
    expect(umbrellasOf('Families First Community Budget Pilot Board', 'Troubled Families Programme Board')).toEqual([
      [],
      [],
    ]);
    expect(umbrellasOf('Town Team (Portas Pilot)', 'Town Centre Partnership')).toEqual([[], []]);
  });

  it('keeps to the body a sub-group says it belongs to: another board for the same work is a peer, not its parent', () => {
    const records = [
      board('sg', 'SAB Modern Slavery Sub-Group', 'Sub-group of the Safeguarding Adults Board: forced labour'),
      board('sab', 'Safeguarding Adults Board', 'Adults at risk of abuse or neglect'),
      board('net', 'Anti-Slavery Network', 'Trafficking victims referred to the National Referral Mechanism'),
    ];
    const index = buildIndex(records, { thesaurus });
    const name = (p: number) => records[p]!.name;
    expect(index.umbrellas[0]!.map(name)).toEqual(['Safeguarding Adults Board']);
    // Scored as two partnerships that may do the same work, not as a sub-group and its parent.
    expect(scorePositions(index, 0, 2).nested).toBe(false);
    expect(scorePositions(index, 0, 1).nested).toBe(true);
  });
});

describe('a higher board whose name names a broader kind of the work', () => {
  const thesaurus = compileThesaurus(DEFAULT_THESAURUS);
  const umbrellasOf = (...boards: Array<[name: string, layer: string]>) => {
    const records = boards.map(([name, layer], i) => partnership(`p${i}`, { name, layer }));
    const index = buildIndex(records, { thesaurus });
    return index.umbrellas.map((list) => list.map((p) => boards[p]![0]));
  };

  it('reads an operational group for one strand as part of the strategic board for the theme', () => {
    expect(
      umbrellasOf(['Volunteering Strategy Group', 'operational'], ['Stronger Communities Partnership', 'strategic']),
    ).toEqual([['Stronger Communities Partnership'], []]);
    expect(
      umbrellasOf(['Community Cohesion Group', 'operational'], ['Stronger Communities Partnership', 'executive']),
    ).toEqual([['Stronger Communities Partnership'], []]);
  });

  it('does not when the broader board sits at the same layer or below, or when both names share the work', () => {
    expect(
      umbrellasOf(['Volunteering Strategy Group', 'strategic'], ['Stronger Communities Partnership', 'strategic']),
    ).toEqual([[], []]);
    expect(
      umbrellasOf(['Volunteering Strategy Group', 'strategic'], ['Stronger Communities Partnership', 'operational']),
    ).toEqual([[], []]);
    expect(
      umbrellasOf(
        ['Westmarsh Area Child Protection Committee', 'operational'],
        ['Safeguarding Children Board', 'strategic'],
      ),
    ).toEqual([[], []]);
  });

  it('counts what the strand shares with the theme board for less, as for a recorded sub-group', () => {
    const records = [
      partnership('v', {
        name: 'Volunteering Strategy Group',
        purpose: 'Volunteer centre; brokerage',
        layer: 'operational',
      }),
      partnership('s', {
        name: 'Stronger Communities Partnership',
        purpose: 'Volunteering, cohesion',
        layer: 'strategic',
      }),
    ];
    const asStrand = scorePositions(buildIndex(records, { thesaurus }), 0, 1);
    const level = records.map((r) => ({ ...r, layer: 'strategic' }));
    const asPeers = scorePositions(buildIndex(level, { thesaurus }), 0, 1);
    expect(asStrand.nested).toBe(true);
    expect(asPeers.nested).toBe(false);
    expect(asStrand.score).toBeLessThan(asPeers.score);
  });
});
