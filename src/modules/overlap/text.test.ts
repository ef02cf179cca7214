import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBands, readAges, readIndicators, readTokens, stemWord } from './text.js';

const stems = (text: string) =>
  readTokens(text)
    .filter((t) => !t.generic)
    .map((t) => t.stem);

describe('reading words', () => {
  it('brings different forms of a word together with a real stemmer', () => {
    expect(stemWord('insulate')).toBe(stemWord('insulation'));
    expect(stemWord('conceptions')).toBe(stemWord('conception'));
    expect(stemWord('reducing')).toBe(stemWord('reduces'));
    expect(stemWord('children')).toBe(stemWord('child'));
    expect(stemWord('organization')).toBe(stemWord('organisation'));
  });

  it('keeps nouns in -ing apart from the word the stemmer would fold them into', () => {
    expect(stemWord('parking')).not.toBe(stemWord('parks'));
    expect(stemWord('marketing')).not.toBe(stemWord('markets'));
  });

  it('drops function words, and marks the words partnerships use about themselves as generic', () => {
    const tokens = readTokens('The Local Partnership Board for the homeless');
    expect(tokens.map((t) => t.surface)).toEqual(['local', 'partnership', 'board', 'homeless']);
    expect(tokens.filter((t) => t.generic).map((t) => t.surface)).toEqual(['local', 'partnership', 'board']);
    // Registers shorten them too.
    const short = readTokens('Housing Ptnrshp, ESOL Grp and DAAT Bd');
    expect(short.filter((t) => !t.generic).map((t) => t.surface)).toEqual(['housing', 'esol', 'daat']);
  });

  it('notes which words were written in capitals, so abbreviations can be told from words', () => {
    const tokens = readTokens('DV forum and da outreach');
    expect(tokens.find((t) => t.surface === 'dv')?.capitals).toBe(true);
    expect(tokens.find((t) => t.surface === 'da')?.capitals).toBe(false);
  });

  it('reads plural abbreviations and letters joined by an ampersand as abbreviations', () => {
    expect(readTokens('two CDRPs merged').find((t) => t.surface === 'cdrps')).toMatchObject({
      capitals: true,
      stem: 'cdrp',
    });
    expect(readTokens('A&E attendances')[0]).toMatchObject({ surface: 'ae', capitals: true });
    expect(readTokens('IT services').map((t) => t.surface)).toEqual(['it', 'services']);
    expect(readTokens('it works').map((t) => t.surface)).toEqual(['works']);
  });

  it('finds no abbreviations in a clause written wholly in capitals', () => {
    expect(readTokens('PREVENT STEERING GROUP').every((t) => !t.capitals)).toBe(true);
    expect(readTokens('Prevent steering group (PREVENT)').some((t) => t.capitals)).toBe(true);
  });

  it('reads hyphenated prefixes the same with or without the hyphen', () => {
    expect(stems('co-ordinate re-offending')).toEqual(stems('coordinate reoffending'));
    expect(stems('C-card scheme')).toEqual(stems('Ccard scheme'));
  });

  it('numbers clauses, so phrases do not straddle sentences', () => {
    const tokens = readTokens('Drugs. Alcohol (treatment)');
    expect(new Set(tokens.map((t) => t.clause)).size).toBe(3);
  });

  it('leaves out the locality’s own name when asked', () => {
    expect(stems('Westmarsh homelessness forum')).toContain('westmarsh');
    expect(
      readTokens('Westmarsh homelessness forum', new Set(['westmarsh']))
        .map((t) => t.surface)
        .includes('westmarsh'),
    ).toBe(false);
  });

  it('never takes a bare number or a code with digits as evidence on its own', () => {
    expect(stems('150 into work by 2008, route A1101, 5x30')).not.toContain('150');
    expect(stems('150 into work by 2008, route A1101, 5x30').some((s) => /\d/.test(s))).toBe(false);
  });
});

describe('reading ages', () => {
  it.each([
    ['under-18 conceptions', [[0, 17]]],
    ['u18 conception rate', [[0, 17]]],
    ['girls aged 15-17', [[15, 17]]],
    ['16-24 year olds', [[16, 24]]],
    ['services for 0-5s', [[0, 5]]],
    ['exercise for the over-65s', [[65, 110]]],
    ['Westmarsh 50+ forum', [[50, 110]]],
    ['8-19s at risk', [[8, 19]]],
    ['15 year olds', [[15, 15]]],
  ])('reads “%s” as ages', (text, expected) => {
    expect(readAges(text)).toEqual(expected);
  });

  it.each(['Tier 2-4 treatment', 'Key Stage 3-4', '8-6 childcare', 'by 2010', 'NI 112', 'March 2006-08'])(
    'does not read “%s” as ages',
    (text) => {
      expect(readAges(text)).toEqual([]);
    },
  );

  it('puts a range in every band it covers by two years or more', () => {
    expect(ageBands([0, 17])).toEqual(['0-4', '5-10', '11-15', '16-18']);
    expect(ageBands([15, 17])).toEqual(['16-18']);
    expect(ageBands([65, 110])).toEqual(['65+']);
    expect(ageBands([15, 15])).toEqual(['11-15']);
    expect(ageBands([4, 5])).toEqual(['0-4']);
  });

  it('gives every age range at least one band (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 110 }), fc.integer({ min: 0, max: 110 }), (a, b) => {
        expect(ageBands([Math.min(a, b), Math.max(a, b)]).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('reading indicators', () => {
  it('reads every way of citing a national indicator', () => {
    expect(readIndicators('Halve the rate (NI112) and NI 113')).toEqual(['112', '113']);
    expect(readIndicators('IB/JSA count (NI152/153)')).toEqual(['152', '153']);
    expect(readIndicators('planning (NI-157a)')).toEqual(['157a']);
    expect(readIndicators('Northern Ireland (ni)')).toEqual([]);
  });
});
