import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { TEST_THESAURUS } from '../thesaurus/fixture.js';
import { explanationSentences } from './describe.js';
import { buildIndex, explainPair } from './engine.js';
import { DEFAULT_SETTINGS } from './scoring.js';
import { partnership } from './test-records.js';

const BIG = ['council', 'county', 'police', 'nhs'];
const names: Record<string, string> = {
  council: 'District Council',
  county: 'County Council',
  police: 'Constabulary',
  nhs: 'Primary Care Trust',
  refuge: 'Women’s Refuge',
  idva: 'IDVA Service',
};
const nameOf = (id: string) => names[id] ?? id;

function explain(a: Parameters<typeof partnership>[1], b: Parameters<typeof partnership>[1]) {
  const filler = ['recycling', 'libraries', 'tourism', 'allotments', 'museums'].map((w, i) =>
    partnership(`F${i}`, { name: `${w} group`, purpose: `About ${w}`, memberOrganisationIds: [...BIG, `x${i}`] }),
  );
  const index = buildIndex([partnership('A', a), partnership('B', b), ...filler], {
    thesaurus: compileThesaurus(TEST_THESAURUS),
  });
  return explanationSentences(explainPair(index, 'A', 'B', DEFAULT_SETTINGS), { nameOf });
}

describe('explaining a match in plain words', () => {
  it('names the thesaurus link in each partnership’s own words', () => {
    const sentences = explain(
      { name: 'ASB Sub-Group', purpose: 'Case conferences', memberOrganisationIds: BIG },
      { name: 'Nuisance Neighbours Group', purpose: 'Tenancy enforcement', memberOrganisationIds: BIG },
    );
    expect(sentences[0]).toBe(
      'Both describe the same work: ‘asb’ ~ ‘nuisance neighbours’ (thesaurus: antisocial behaviour).',
    );
  });

  it('tells specialist members from the partners on most boards, who count for little', () => {
    const sentences = explain(
      { name: 'DV Forum', memberOrganisationIds: [...BIG, 'refuge', 'idva'] },
      { name: 'Violence in the home group', memberOrganisationIds: [...BIG, 'refuge', 'idva', 'other'] },
    );
    expect(sentences).toContain('They share 2 specialist members: IDVA Service and Women’s Refuge.');
    expect(sentences.some((s) => /^The 4 partners on most boards \(.+\) count for little\.$/.test(s))).toBe(true);
  });

  it('says when a board is the same, and when a purpose says too little to judge by', () => {
    const sentences = explain(
      { name: 'Flood Forum', purpose: '', memberOrganisationIds: ['refuge', 'idva', 'o3', 'o4'] },
      { name: 'Westgate Forum', purpose: '', memberOrganisationIds: ['refuge', 'idva', 'o3', 'o4'] },
    );
    expect(sentences).toContain('Their boards are the same: all 4 member organisations sit on both.');
    expect(sentences.at(-1)).toMatch(/says little about its purpose/);
  });

  it('names the ages both serve', () => {
    const sentences = explain(
      { name: 'Teenage Pregnancy Group', purpose: 'Girls aged 15-17' },
      { name: 'Sexual health for 16-18s', purpose: '' },
    );
    expect(sentences.some((s) => s.includes('ages 16–18'))).toBe(true);
  });
});
