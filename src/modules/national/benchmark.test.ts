import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generatedBenchmarkRegister, SMALL_REGISTER } from './benchmark.js';

const THEMES = new Set(
  'health|community safety|children and young people|older people|economy and regeneration|education and skills|housing|environment|transport|culture and leisure|community|drugs and alcohol|employment'.split(
    '|',
  ),
);
const LEGAL = new Set([
  'none',
  'company limited by guarantee',
  'charitable incorporated organisation',
  'community interest company',
  'unincorporated association',
  'joint committee',
]);

type Row = Record<string, string>;
const rows = (csv: string) => parse(csv, { columns: true }) as Row[];
const header = (csv: string) => csv.split('\n')[0];

describe('a generated locality as a council-style register in the benchmark layout', () => {
  const register = generatedBenchmarkRegister(SMALL_REGISTER);
  const organisations = rows(register.organisations);
  const partnerships = rows(register.partnerships);
  const memberships = rows(register.memberships);

  it('has the benchmark files and columns', () => {
    expect(header(register.organisations)).toBe('id,name,sector,type');
    expect(header(register.partnerships)).toBe(
      'ref,title,objective,themes,layer,basis,legal_status,lead_org,meetings_per_year,meeting_hours,annual_budget_gbp',
    );
    expect(header(register.memberships)).toBe('partnership_ref,org_id,role');
    expect(partnerships.length).toBeGreaterThan(80);
    expect(register.counts).toMatchObject({ partnerships: partnerships.length, organisations: organisations.length });
  });

  it('holds together: known references, boards of 5 to 20 with the lead as chair, the layout’s vocabularies', () => {
    const orgIds = new Set(organisations.map((o) => o.id));
    expect(orgIds.size).toBe(organisations.length);
    for (const o of organisations) expect(['public', 'private', 'voluntary', 'community']).toContain(o.sector);
    const boards = new Map<string, Row[]>();
    for (const m of memberships) {
      expect(orgIds.has(m.org_id!), m.org_id).toBe(true);
      expect(['chair', 'vice-chair', 'member', 'observer', 'accountable body']).toContain(m.role);
      boards.set(m.partnership_ref!, [...(boards.get(m.partnership_ref!) ?? []), m]);
    }
    expect(new Set(partnerships.map((p) => p.ref)).size).toBe(partnerships.length);
    for (const p of partnerships) {
      const board = boards.get(p.ref!) ?? [];
      expect(board.length, p.ref).toBeGreaterThanOrEqual(5);
      expect(board.length, p.ref).toBeLessThanOrEqual(20);
      expect(new Set(board.map((m) => m.org_id)).size).toBe(board.length);
      expect(board.filter((m) => m.role === 'chair').map((m) => m.org_id)).toEqual([p.lead_org]);
      for (const theme of p.themes!.split(';')) expect(THEMES.has(theme), theme).toBe(true);
      expect(['strategic', 'executive', 'operational']).toContain(p.layer);
      expect(['statutory', 'funding', 'plan', 'voluntary']).toContain(p.basis);
      expect(LEGAL.has(p.legal_status!), p.legal_status).toBe(true);
      expect(p.meeting_hours).toMatch(/^(\d+(\.\d+)?)?$/);
      expect(p.annual_budget_gbp).toMatch(/^\d*$/);
    }
    expect(partnerships.some((p) => p.objective === '' || !p.objective!.includes(' '))).toBe(true);
  });

  it('comes with a truth file whose groups and hard negatives are its own partnerships', () => {
    const refs = new Set(partnerships.map((p) => p.ref));
    const { truth } = register;
    expect(truth.groups.length).toBeGreaterThanOrEqual(8);
    expect(truth.hard_negatives.length).toBeGreaterThanOrEqual(8);
    expect(truth.group_kinds).toHaveLength(truth.groups.length);
    expect(truth.hard_negative_kinds).toHaveLength(truth.hard_negatives.length);
    const groupOf = new Map<string, number>();
    truth.groups.forEach((group, g) => {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const ref of group) {
        expect(refs.has(ref), ref).toBe(true);
        expect(groupOf.has(ref), `${ref} in two groups`).toBe(false);
        groupOf.set(ref, g);
      }
    });
    for (const [a, b] of truth.hard_negatives) {
      expect(refs.has(a) && refs.has(b)).toBe(true);
      expect(groupOf.has(a) && groupOf.get(a) === groupOf.get(b)).toBe(false);
    }
  });

  it('is the same register for the same seed', () => {
    const again = generatedBenchmarkRegister(SMALL_REGISTER);
    expect(again.partnerships).toBe(register.partnerships);
    expect(again.truth).toEqual(register.truth);
  });

  it('is what bench/registers/generated holds, so the quality bench scores the current generator', () => {
    const folder = path.resolve('bench/registers/generated');
    const read = (file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
    expect(read('organisations.csv')).toBe(register.organisations);
    expect(read('partnerships.csv')).toBe(register.partnerships);
    expect(read('memberships.csv')).toBe(register.memberships);
    expect(JSON.parse(read('truth.json'))).toEqual(register.truth);
  });
});
