import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { buildIndex } from './engine.js';
import { matchElsewhere, matchProposal, proposalFeatures } from './proposal-check.js';
import { pairKey, resolveSettings } from './scoring.js';
import { partnership } from './test-records.js';

const context = { thesaurus: compileThesaurus(TEST_THESAURUS) };
const BIG = ['council', 'county', 'police', 'nhs'];
const records = [
  partnership('tp', {
    name: 'Teenage Pregnancy Strategy Group',
    purpose: 'Halve under-18 conceptions (NI 112)',
    memberOrganisationIds: [...BIG, 'clinic'],
  }),
  partnership('yp', {
    name: 'Young Parents Forum',
    purpose: 'Fewer teenage conceptions; support for teen pregnancy',
    memberOrganisationIds: [...BIG, 'clinic', 'college'],
  }),
  partnership('fl', {
    name: 'Flood Forum',
    purpose: 'Flood wardens and sandbags',
    memberOrganisationIds: [...BIG, 'ea'],
  }),
  partnership('li', {
    name: 'Libraries Group',
    purpose: 'Opening hours and book stock',
    memberOrganisationIds: [...BIG],
  }),
  partnership('wk', {
    name: 'Worklessness Board',
    purpose: 'Benefit claimants back into work',
    memberOrganisationIds: [...BIG],
  }),
];
const index = buildIndex(records, context);
const proposal = (name: string, purpose: string) =>
  proposalFeatures({
    id: 'p1',
    localityId: records[0]!.localityId,
    name,
    purpose,
    themes: [],
    areas: [],
    memberOrganisationIds: [...BIG],
    layer: null,
    meetingsPerYear: null,
    meetingMinutes: null,
    typicalAttendance: null,
  });
const matchContext = (settings = resolveSettings({}), dismissed: ReadonlySet<string> = new Set()) => ({
  records: new Map(records.map((r) => [r.id, r])),
  organisationName: (id: string) => id,
  settings,
  dismissed,
});

describe('the pre-check of a proposal', () => {
  it('names as a likely duplicate the partnership the proposal would be each other’s closest match with, from half way between the thresholds', () => {
    const wardens = proposal('Flood Wardens Network', 'Sandbags and flood wardens for the villages');
    const [top] = matchProposal(wardens, index, matchContext());
    expect(top?.partnershipId).toBe('fl');
    // Thresholds either side of its score: under "likely", over the half-way mark.
    const settings = resolveSettings({ likely: top!.score + 0.05, look: top!.score - 0.1 });
    const [closest] = matchProposal(wardens, index, matchContext(settings));
    expect(closest).toMatchObject({ partnershipId: 'fl', likelyDuplicate: true });
    expect(closest?.reasons.join(' ')).toMatch(/they are each other’s closest match/i);
  });

  it('does not, where the partnership has a closer match already in the register', () => {
    // The Young Parents Forum's closest match is the Teenage Pregnancy Strategy Group.
    const teen = proposal('Teenage Parents Drop-in', 'Advice for pregnant teenagers');
    const [top] = matchProposal(teen, index, matchContext(resolveSettings({ likely: 0.9, look: 0.05 })));
    expect(top?.partnershipId).toBe('yp');
    const settings = resolveSettings({ likely: top!.score + 0.05, look: top!.score - 0.1 });
    const [again] = matchProposal(teen, index, matchContext(settings));
    expect(again?.likelyDuplicate).toBe(false);
  });

  it('does, where that closer match has been judged not a duplicate', () => {
    const teen = proposal('Teenage Parents Drop-in', 'Advice for pregnant teenagers');
    const [top] = matchProposal(teen, index, matchContext(resolveSettings({ likely: 0.9, look: 0.05 })));
    const settings = resolveSettings({ likely: top!.score + 0.05, look: top!.score - 0.1 });
    const [judged] = matchProposal(teen, index, matchContext(settings, new Set([pairKey('tp', 'yp')])));
    expect(judged).toMatchObject({ partnershipId: 'yp', likelyDuplicate: true });
  });
});

describe('the pre-check of a proposal against other localities', () => {
  // Four localities, each with its own version of some of the same kinds of work.
  const works = [
    ['Flood Forum', 'Flood wardens and sandbags'],
    ['Flood Action Group', 'Sandbags, wardens and flood plans for the villages'],
    ['Teenage Pregnancy Group', 'Halve under-18 conceptions'],
    ['Young Parents Forum', 'Support for teenage parents'],
    ['Libraries Group', 'Opening hours and book stock'],
    ['Worklessness Board', 'Benefit claimants back into work'],
  ] as const;
  const scopes = ['E07000011', 'E07000012', 'E07000013', 'E07000014'].map((localityId, l) => {
    const own = works
      .filter((_, w) => (w + l) % 4 !== 0)
      .map(([name, purpose], w) =>
        partnership(`${localityId}-${w}`, {
          localityId,
          name: l % 2 ? `${name} (${localityId})` : name,
          purpose,
          memberOrganisationIds: [...BIG],
        }),
      );
    return { records: own, index: buildIndex(own, context), settings: resolveSettings({ look: 0.1 + 0.05 * l }) };
  });
  const records = new Map(scopes.flatMap((s) => s.records).map((r) => [r.id, r]));
  const shared = { records, organisationName: (id: string) => id };

  it('names the same best five, explained alike, as explaining every locality’s matches would', () => {
    for (const [name, purpose] of [
      ['Flood Wardens Network', 'Sandbags and flood wardens'],
      ['Teen Parents Drop-in', 'Advice for pregnant teenagers under 18'],
      ['Jobs Club', 'Helping people out of work into jobs'],
    ] as const) {
      const candidate = proposal(name, purpose);
      const everyMatch = scopes
        .flatMap(({ index, settings }) => matchProposal(candidate, index, { ...shared, settings }, 3))
        .sort((a, b) => b.score - a.score)
        .slice(0, 5);
      const found = matchElsewhere(candidate, scopes, shared);
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(everyMatch);
    }
  });
});
