import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partnershipUpdate } from '../modules/register/schema.js';
import { ValidationError } from './errors.js';
import { formToInput, isRealDate, parseInput } from './validation.js';

describe('isRealDate', () => {
  it('accepts every real calendar day and rejects impossible ones', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
        (date) => {
          expect(isRealDate(date.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31', '2025-4-1', '31/03/2025', ''])
      expect(isRealDate(bad)).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
  });
});

describe('formToInput', () => {
  it('turns form strings into the types the schema expects', () => {
    const input = formToInput(partnershipUpdate, {
      name: 'Board',
      meetingsPerYear: '1,200',
      typicalAttendance: '',
      themes: 'housing',
      areas: 'E05000001,\nE05000002',
      'reviewDate-day': '1',
      'reviewDate-month': '4',
      'reviewDate-year': '2026',
      version: '3',
      unknownField: 'ignored',
    });
    expect(input).toEqual({
      name: 'Board',
      meetingsPerYear: 1200,
      themes: ['housing'],
      areas: ['E05000001', 'E05000002'],
      reviewDate: '2026-04-01',
      version: 3,
    });
  });

  it('passes an incomplete or non-numeric value on so that validation names the field', () => {
    const input = formToInput(partnershipUpdate, {
      meetingsPerYear: 'twelve',
      'reviewDate-day': '1',
      'reviewDate-year': '2026',
    });
    expect(input.meetingsPerYear).toBe('twelve');
    expect(input.reviewDate).toBe('2026--1');
    try {
      parseInput(partnershipUpdate, {
        ...input,
        name: 'n',
        purpose: 'p',
        basis: 'b',
        legalForm: 'l',
        layer: 'strategic',
      });
      throw new Error('should have failed');
    } catch (error) {
      expect((error as ValidationError).errors.map((e) => e.field).sort()).toEqual(['meetingsPerYear', 'reviewDate']);
    }
  });

  it('never throws, whatever a form sends', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'name',
            'themes',
            'meetingsPerYear',
            'reviewDate-day',
            'reviewDate-month',
            'reviewDate-year',
            'version',
            'x',
          ),
          fc.oneof(fc.string(), fc.array(fc.string())),
        ),
        (body) => {
          const input = formToInput(partnershipUpdate, body);
          expect(typeof input).toBe('object');
        },
      ),
    );
  });
});

describe('parseInput', () => {
  it('treats null as absent so a client can send back what it read', () => {
    const parsed = parseInput(partnershipUpdate, {
      name: 'n',
      purpose: 'p',
      basis: 'b',
      legalForm: 'l',
      layer: 'strategic',
      chairName: null,
      themes: ['a'],
    });
    expect(parsed.chairName).toBeUndefined();
    expect(parsed.themes).toEqual(['a']);
  });
});
