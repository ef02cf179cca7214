import { describe, expect, it } from 'vitest';
import { GSS_CODE } from '../../core/validation.js';
import { generateNational } from '../overlap/generate.js';
import { SEED_REFERENCE } from '../reference/data.js';
import { nationalBenchmarkTruth } from './benchmark.js';
import {
  MAX_LOCALITIES,
  candidateLocalityCodes,
  groundTruth,
  localityCodeFor,
  organisationTypeOf,
  planRegister,
  recognisedOrganisationType,
} from './plan.js';

const SHARES = { plantedShare: 0.03, hardNegativeShare: 0.03, boilerplateShare: 0 };

const DEMO_CODES = ['E07999001', ...Array.from({ length: 20 }, (_, i) => `E05999${String(i + 1).padStart(3, '0')}`)];

describe('planning the generated register', () => {
  it('maps the generator’s codes into the fictional 998 series', () => {
    expect(localityCodeFor('E07000012')).toBe('E07998012');
    expect(localityCodeFor('E09000350')).toBe('E09998350');
    expect(() => localityCodeFor('E06000901')).toThrow(RangeError);
    expect(candidateLocalityCodes(2)).toEqual([
      'E06998001',
      'E06998002',
      'E07998001',
      'E07998002',
      'E08998001',
      'E08998002',
      'E09998001',
      'E09998002',
    ]);
  });

  it('gives every area of the largest register a distinct fictional code, clear of the demo locality', () => {
    const data = generateNational({
      partnerships: MAX_LOCALITIES * 12,
      organisations: 12_000,
      localities: MAX_LOCALITIES,
    });
    const plan = planRegister(data, { seed: 1 });
    const codes = new Set(plan.areas.map((a) => a.gss_code));
    for (const l of plan.localities) codes.add(l.gss_code);
    for (const code of codes) {
      expect(code).toMatch(GSS_CODE);
      expect(DEMO_CODES).not.toContain(code);
      expect(code).toMatch(/^(E0[6-9]998\d{3}|E10998\d{3}|E059\d{5})$/);
    }
    expect(new Set(plan.localities.map((l) => l.gss_code)).size).toBe(MAX_LOCALITIES);
  });

  it('types every generated organisation with a type the reference list knows', () => {
    const data = generateNational({ partnerships: 2_000, organisations: 1_500, localities: 20 });
    const known = new Set(SEED_REFERENCE['organisation-type'].map((t) => t.code));
    for (const o of data.organisations) expect(known.has(o.type), `${o.name}: ${o.type}`).toBe(true);
    const plan = planRegister(data, { seed: 1 });
    const typed = new Map(data.organisations.map((o) => [`XX-JOINEDUP-${o.id}`, o.type]));
    for (const row of plan.organisations) expect(row.org_type).toBe(typed.get(row.identifier));
    // Records that come without a type are typed by their name, else by their sector.
    expect(organisationTypeOf('Something Unheard Of', 'private')).toBe('business');
    expect(organisationTypeOf('Fenford Hospitals NHS Foundation Trust', 'public')).toBe('nhs-trust');
    expect(organisationTypeOf('Fenford Mind', 'voluntary')).toBe('charity');
    expect(organisationTypeOf('Fenford Town Council', 'public')).toBe('parish-council');
    expect(organisationTypeOf('Fenford Council for Voluntary Service', 'voluntary')).toBe('infrastructure-body');
    expect(organisationTypeOf('Fenford Clinical Commissioning Group', 'public')).toBe('nhs-commissioner');
    expect(recognisedOrganisationType('Fenford Primary Care Trust')).toBe('nhs-commissioner');
    expect(organisationTypeOf('Fenford Primary Care Trust', 'public', 'police')).toBe('police');
  });

  it('is deterministic for a seed, apart from the database ids', () => {
    const options = { partnerships: 400, organisations: 200, localities: 6, seed: 11 };
    const a = planRegister(generateNational(options), { seed: 11 });
    const b = planRegister(generateNational(options), { seed: 11 });
    const strip = <T extends object>(rows: T[]) =>
      rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !k.endsWith('id'))));
    expect(strip(a.partnerships)).toEqual(strip(b.partnerships));
    expect(strip(a.organisations)).toEqual(strip(b.organisations));
    expect(strip(a.memberships)).toEqual(strip(b.memberships));
    expect(a.localities.map((l) => l.gss_code)).toEqual(b.localities.map((l) => l.gss_code));
    const c = planRegister(generateNational({ ...options, seed: 12 }), { seed: 12 });
    expect(strip(c.partnerships)).not.toEqual(strip(a.partnerships));
  });

  it('names organisations uniquely within a locality and writes each board once', () => {
    const plan = planRegister(generateNational({ partnerships: 1_200, organisations: 600, localities: 8 }), {
      seed: 1,
    });
    const names = new Set<string>();
    for (const o of plan.organisations) {
      const key = `${o.locality_id}|${o.name.toLowerCase()}`;
      expect(names.has(key), o.name).toBe(false);
      names.add(key);
    }
    const seats = new Set<string>();
    for (const m of plan.memberships) {
      expect(seats.has(`${m.partnership_id}|${m.organisation_id}`)).toBe(false);
      seats.add(`${m.partnership_id}|${m.organisation_id}`);
    }
  });

  it('lists every planted pair with the written ids and references', () => {
    const options = { partnerships: 600, organisations: 300, localities: 4, seed: 3 };
    const data = generateNational(options);
    const plan = planRegister(data, { seed: 3 });
    const truth = groundTruth(data, plan, { ...options, ...SHARES });
    const pairCount = data.planted.reduce((s, g) => s + (g.ids.length * (g.ids.length - 1)) / 2, 0);
    expect(truth.pairs).toHaveLength(pairCount);
    const ids = new Set(plan.partnerships.map((p) => p.id));
    for (const pair of truth.pairs) {
      expect(pair.aId < pair.bId).toBe(true);
      expect(ids.has(pair.aId) && ids.has(pair.bId)).toBe(true);
      expect(pair.locality).toMatch(/^E0[6-9]998\d{3}$/);
    }
  });

  it('writes the truth in the benchmarks’ format: groups and hard negatives by locality and reference', () => {
    const options = { partnerships: 1_200, organisations: 500, localities: 6, seed: 4 };
    const data = generateNational(options);
    const plan = planRegister(data, { seed: 4 });
    const truth = groundTruth(data, plan, { ...options, ...SHARES });
    expect(truth.hardNegatives).toHaveLength(data.hardNegatives.length);
    const bench = nationalBenchmarkTruth(truth);
    const written = new Set(
      plan.partnerships.map((p) => `${plan.localities.find((l) => l.id === p.locality_id)!.gss_code}/${p.reference}`),
    );
    expect(bench.groups).toHaveLength(data.planted.length);
    expect(bench.group_kinds).toEqual(data.planted.map((g) => g.kind));
    expect(bench.hard_negative_kinds).toEqual(data.hardNegatives.map((h) => h.kind));
    const groupOf = new Map<string, number>();
    bench.groups.forEach((group, g) => {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const ref of group) {
        expect(ref).toMatch(/^E0[6-9]998\d{3}\/P-\d{4}$/);
        expect(written.has(ref), ref).toBe(true);
        expect(groupOf.has(ref), `${ref} in two groups`).toBe(false);
        groupOf.set(ref, g);
      }
    });
    for (const [a, b] of bench.hard_negatives) {
      expect(written.has(a) && written.has(b)).toBe(true);
      expect(groupOf.get(a) !== undefined && groupOf.get(a) === groupOf.get(b)).toBe(false);
    }
    expect(bench.note).toMatch(/GSS code/);
  });
});
