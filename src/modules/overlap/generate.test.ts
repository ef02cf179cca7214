import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_REFERENCE } from '../reference/data.js';
import { WORK_KINDS } from './catalogue/kinds.js';
import { BOILERPLATE_PURPOSE, STRESS_BOILERPLATE } from './generate-vocabulary.js';
import {
  generateNational,
  HARD_NEGATIVE_KINDS,
  hardNegativePairKeys,
  type NationalData,
  pairKey,
  PLANTED_KINDS,
  plantedPairKeys,
} from './generate.js';

const options = { partnerships: 2_000, organisations: 800, localities: 14, seed: 5 };
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const STOP = new Set(
  'the a an and or of to for in on at by with from as is are be it its their this that into so'.split(' '),
);

/** The words a reader would compare: lower case, without stop words and the place's own names. */
function contentWords(text: string, places: ReadonlySet<string>): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !STOP.has(w) && !places.has(w)),
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function textWords(data: NationalData) {
  const byId = new Map(data.partnerships.map((p) => [p.id, p]));
  const localities = new Map(data.localities.map((l) => [l.id, l]));
  return (id: string) => {
    const p = byId.get(id)!;
    const l = localities.get(p.localityId)!;
    const places = new Set([l.name, ...l.wardNames].flatMap((n) => n.toLowerCase().split(/[^a-z0-9]+/)));
    return contentWords(`${p.name} ${p.purpose}`, places);
  };
}

describe('the catalogue of kinds of work', () => {
  it('has 150 kinds and more across every field, each in four or more phrasings with a terse one', () => {
    expect(WORK_KINDS.filter((k) => k.tier !== 'facility').length).toBeGreaterThanOrEqual(150);
    const themes = new Set(SEED_REFERENCE.theme.map((t) => t.code));
    for (const kind of WORK_KINDS) {
      expect(kind.phrasings.length, kind.id).toBeGreaterThanOrEqual(4);
      expect(kind.phrasings.some((p) => p.style === 'terse')).toBe(true);
      for (const theme of kind.themes) expect(themes.has(theme), `${kind.id} ${theme}`).toBe(true);
    }
    for (const theme of themes)
      expect(
        WORK_KINDS.some((k) => k.themes[0] === theme),
        theme,
      ).toBe(true);
  });

  it('words each kind differently in each phrasing', () => {
    const overlaps: number[] = [];
    for (const kind of WORK_KINDS) {
      const words = kind.phrasings.map((p) =>
        contentWords(`${p.name} ${p.purpose}`.replace(/\{\w+\}/g, ''), new Set()),
      );
      for (let i = 0; i < words.length; i++)
        for (let j = i + 1; j < words.length; j++) overlaps.push(jaccard(words[i]!, words[j]!));
    }
    expect(Math.max(...overlaps)).toBeLessThanOrEqual(0.35);
    expect(overlaps.reduce((s, x) => s + x, 0) / overlaps.length).toBeLessThan(0.1);
  });

  it('writes numbers, ages and indicators the way registers do', () => {
    const text = WORK_KINDS.flatMap((k) => k.phrasings.map((p) => `${p.name} ${p.purpose}`)).join('\n');
    for (const pattern of [/NI \d+/, /\b16-18\b/, /under-18s?\b/, /\bu18\b/, /over-65s/, /\b14-19\b/, /\b50\+/])
      expect(text, String(pattern)).toMatch(pattern);
  });
});

describe('the synthetic national register', () => {
  const data = generateNational(options);
  const organisations = new Map(data.organisations.map((o) => [o.id, o]));
  const localities = new Map(data.localities.map((l) => [l.id, l]));
  const isCvs = (id: string) => organisations.get(id)!.name.endsWith(' Council for Voluntary Service');
  /** The council, county, police, NHS commissioner and CVS on a board. */
  const bigPartners = (members: readonly string[], localityId: string) =>
    members
      .filter((id) => {
        const o = organisations.get(id)!;
        if (/^(district|unitary)-council$/.test(o.type)) return o.localityId === localityId;
        return ['county-council', 'police', 'nhs-commissioner'].includes(o.type) || isCvs(id);
      })
      .sort();

  it('comes out the same for the same seed, and differently for another', () => {
    expect(digest(generateNational(options))).toBe(digest(data));
    expect(digest(generateNational({ ...options, seed: 6 }))).not.toBe(digest(data));
  });

  it('has the numbers asked for', () => {
    expect(data.partnerships).toHaveLength(2_000);
    expect(data.organisations).toHaveLength(800);
    expect(data.localities).toHaveLength(14);
    expect(new Set(data.partnerships.map((p) => p.id)).size).toBe(2_000);
    expect(Object.keys(data.details)).toHaveLength(2_000);
  });

  it('has boards of 5 to 20, meeting patterns, layers, areas, and parents before their sub-groups', () => {
    const seen = new Set<string>();
    for (const p of data.partnerships) {
      const within = (value: number | null, low: number, high: number) =>
        value === null || (value >= low && value <= high);
      const board = p.memberOrganisationIds.length;
      expect(board === 0 ? p.status : 'seated').toMatch(/seated|proposed/);
      if (board > 0) expect(within(board, 5, 20), `${p.name}: ${board}`).toBe(true);
      expect(within(p.meetingsPerYear, 4, 12)).toBe(true);
      expect(within(p.meetingMinutes, 120, 180)).toBe(true);
      expect(within(p.typicalAttendance, 8, 25)).toBe(true);
      expect(p.areas.every((a) => /^E(05|06|07|08|09|10)\d{6}$/.test(a))).toBe(true);
      expect(new Set(p.memberOrganisationIds).size).toBe(board);
      if (p.parentId) expect(seen.has(p.parentId), `${p.id} before its parent`).toBe(true);
      seen.add(p.id);
    }
    expect(new Set(data.partnerships.map((p) => p.layer))).toEqual(new Set(['strategic', 'executive', 'operational']));
    expect(data.partnerships.filter((p) => p.isLsp)).toHaveLength(14);
    expect(data.partnerships.some((p) => p.statutory)).toBe(true);
  });

  it('puts each big partner on 70–90% of the boards it could sit on', () => {
    const boards = data.partnerships.filter((p) => p.memberOrganisationIds.length > 0);
    const share = (
      onBoard: (type: string, homeOf: string | null, p: (typeof boards)[number]) => boolean,
      of = boards,
    ) =>
      of.filter((p) =>
        p.memberOrganisationIds.some((id) =>
          onBoard(organisations.get(id)!.type, organisations.get(id)!.localityId, p),
        ),
      ).length / of.length;
    const council = share((type, home, p) => /^(district|unitary)-council$/.test(type) && home === p.localityId);
    const twoTier = boards.filter((p) => localities.get(p.localityId)!.countyCode);
    const county = share((type) => type === 'county-council', twoTier);
    const police = share((type) => type === 'police');
    const commissioner = share((type) => type === 'nhs-commissioner');
    const cvs = boards.filter((p) => p.memberOrganisationIds.some((id) => isCvs(id))).length / boards.length;
    for (const [name, value] of Object.entries({ council, county, police, commissioner, cvs })) {
      expect(value, name).toBeGreaterThanOrEqual(0.7);
      expect(value, name).toBeLessThanOrEqual(0.9);
    }
  });

  it('shares police forces, county councils and NHS trusts between the localities they serve', () => {
    const localitiesOf = new Map<string, Set<string>>();
    for (const p of data.partnerships)
      for (const id of p.memberOrganisationIds)
        localitiesOf.set(id, (localitiesOf.get(id) ?? new Set()).add(p.localityId));
    for (const type of ['police', 'county-council', 'nhs-trust', 'nhs-commissioner']) {
      const bodies = data.organisations.filter((o) => o.type === type);
      expect(bodies.length, type).toBeGreaterThan(0);
      expect(bodies.every((o) => o.localityId === null)).toBe(true);
      expect(Math.max(...bodies.map((o) => localitiesOf.get(o.id)?.size ?? 0)), type).toBeGreaterThan(1);
    }
  });

  it('brings each kind of work its specialists', () => {
    const specialist: Record<string, RegExp> = {
      worklessness: /^Jobcentre Plus/,
      'health-and-work': /^Jobcentre Plus/,
      'drug-treatment': /^Pathways Recovery/,
      recovery: /^Pathways Recovery/,
      flood: /^Environment Agency/,
      biodiversity: / Wildlife Trust$/,
    };
    const boards = data.partnerships.filter(
      (p) => specialist[data.details[p.id]!.work] && p.memberOrganisationIds.length,
    );
    expect(boards.length).toBeGreaterThan(20);
    const seated = boards.filter((p) =>
      p.memberOrganisationIds.some((id) => specialist[data.details[p.id]!.work]!.test(organisations.get(id)!.name)),
    );
    expect(seated.length / boards.length).toBeGreaterThan(0.6);
  });

  it('plants groups of every kind, about 3% of the partnerships, each within one locality', () => {
    expect(new Set(data.planted.map((g) => g.kind))).toEqual(new Set(PLANTED_KINDS));
    const copies = data.planted.reduce((s, g) => s + g.ids.length - 1, 0);
    expect(copies / data.partnerships.length).toBeGreaterThan(0.025);
    expect(copies / data.partnerships.length).toBeLessThan(0.035);
    expect(data.planted.some((g) => g.ids.length >= 3)).toBe(true);
    const byId = new Map(data.partnerships.map((p) => [p.id, p]));
    const inGroup = new Set<string>();
    for (const group of data.planted) {
      expect(group.ids[0]).toBe(group.sourceId);
      const members = group.ids.map((id) => byId.get(id)!);
      expect(new Set(members.map((m) => m.localityId)).size).toBe(1);
      expect(new Set(group.ids.map((id) => data.details[id]!.work)).size, 'one kind of work').toBe(1);
      for (const id of group.ids) {
        expect(inGroup.has(id), `${id} in two groups`).toBe(false);
        inGroup.add(id);
      }
    }
  });

  it('words every planted group differently: members of a group share few words', () => {
    const words = textWords(data);
    const overlaps = data.planted.flatMap((g) =>
      g.ids.flatMap((a, i) => g.ids.slice(i + 1).map((b) => jaccard(words(a), words(b)))),
    );
    expect(Math.max(...overlaps)).toBeLessThanOrEqual(0.4);
    expect(overlaps.reduce((s, x) => s + x, 0) / overlaps.length).toBeLessThan(0.12);
  });

  it('gives each kind of group what makes it that kind', () => {
    const byId = new Map(data.partnerships.map((p) => [p.id, p]));
    const sameBoard = (a: string[], b: string[]) =>
      a.filter((id) => b.includes(id)).length / new Set([...a, ...b]).size;
    for (const group of data.planted) {
      const [source, ...copies] = group.ids.map((id) => byId.get(id)!);
      const first = copies[0]!;
      if (group.kind === 'terse-same-members')
        expect(first.memberOrganisationIds).toEqual(source!.memberOrganisationIds);
      if (group.kind === 'renamed-successor')
        expect(sameBoard(source!.memberOrganisationIds, first.memberOrganisationIds)).toBeGreaterThanOrEqual(0.6);
      if (group.kind === 'renamed-successor') expect([source!.status, first.status]).toEqual(['active', 'active']);
      if (group.kind === 'statutory-and-voluntary') {
        expect(['statutory', 'plan']).toContain(source!.basis);
        expect(first.basis).toBe('voluntary');
        expect(sameBoard(source!.memberOrganisationIds, first.memberOrganisationIds)).toBeLessThan(0.6);
      }
      if (group.kind === 'funding-stream') {
        expect(first.basis).toBe('funding');
        expect(data.details[first.id]!.fund).toBeTruthy();
      }
      if (group.kind === 'parallel-sub-groups') {
        expect(source!.parentId && first.parentId).toBeTruthy();
        expect(first.parentId).not.toBe(source!.parentId);
      }
    }
    const terse = data.planted.filter((g) => g.kind === 'terse-same-members').map((g) => byId.get(g.ids[1]!)!);
    expect(terse.some((p) => p.purpose.length < 40)).toBe(true);
  });

  it('records hard negatives of every kind, none inside a group', () => {
    expect(new Set(data.hardNegatives.map((h) => h.kind))).toEqual(new Set(HARD_NEGATIVE_KINDS));
    expect(data.hardNegatives.length).toBeGreaterThanOrEqual(data.localities.length * 2);
    const planted = plantedPairKeys(data.planted);
    for (const key of hardNegativePairKeys(data.hardNegatives)) expect(planted.has(key)).toBe(false);
    const byId = new Map(data.partnerships.map((p) => [p.id, p]));
    for (const { kind, ids } of data.hardNegatives) {
      const [a, b] = ids.map((id) => byId.get(id)!);
      const [da, db] = ids.map((id) => data.details[id]!);
      expect(a!.localityId).toBe(b!.localityId);
      if (kind === 'same-facility-other-ward') {
        expect(da!.work).toBe(db!.work);
        expect(da!.ward).not.toBe(db!.ward);
        expect(a!.areas).not.toEqual(b!.areas);
      } else expect(da!.work).not.toBe(db!.work);
      if (kind === 'neighbouring-work')
        expect(bigPartners(a!.memberOrganisationIds, a!.localityId)).toEqual(
          bigPartners(b!.memberOrganisationIds, b!.localityId),
        );
      if (kind === 'shared-boilerplate') {
        const pasted = BOILERPLATE_PURPOSE.split(':')[1]!.trim();
        expect(a!.purpose).toContain(pasted);
        expect(b!.purpose).toContain(pasted);
      }
    }
    expect(pairKey('P2', 'P1')).toBe('P1|P2');
  });

  it('offers the boilerplate stress set: about 100 records a locality with one purpose, planted groups untouched', () => {
    const stress = generateNational({ ...options, boilerplateShare: 0.7 });
    const perLocality = new Map<string, number>();
    for (const p of stress.partnerships)
      if (p.purpose === STRESS_BOILERPLATE) perLocality.set(p.localityId, (perLocality.get(p.localityId) ?? 0) + 1);
    const counts = [...perLocality.values()];
    expect(counts).toHaveLength(14);
    const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
    expect(mean).toBeGreaterThan(80);
    expect(mean).toBeLessThan(120);
    const planted = new Set(stress.planted.flatMap((g) => g.ids));
    expect(stress.partnerships.filter((p) => planted.has(p.id)).every((p) => p.purpose !== STRESS_BOILERPLATE)).toBe(
      true,
    );
    expect(stress.planted.map((g) => g.ids)).toEqual(data.planted.map((g) => g.ids));
  });

  it('says plainly when it is asked for too little', () => {
    expect(() => generateNational({ ...options, partnerships: 100 })).toThrow(/too few for 14 localities/);
    expect(() => generateNational({ ...options, organisations: 100 })).toThrow(/organisations are too few/);
  });
});
