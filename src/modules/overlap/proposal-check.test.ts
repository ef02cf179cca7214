import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { buildIndex } from './engine.js';
import { matchProposal, proposalFeatures } from './proposal-check.js';
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
