/**
 * A small thesaurus for tests, built from the examples in the product's own brief: enough to
 * show that the engine reads "under-18 conceptions" as teenage pregnancy and "ASB" as antisocial
 * behaviour, without depending on the shipped thesaurus's exact content.
 */
import type { ConceptDefinition } from './types.js';

const concept = (
  id: string,
  label: string,
  altLabels: string[],
  broader: string[] = [],
  extra: Partial<ConceptDefinition> = {},
): ConceptDefinition => ({ id, label, altLabels, broader, related: [], field: 'health', ...extra });

export const TEST_THESAURUS: readonly ConceptDefinition[] = [
  concept('public-health', 'Public health', ['health improvement']),
  concept('sexual-health', 'Sexual health', ['sexual health services', 'GUM'], ['public-health']),
  concept(
    'teenage-pregnancy',
    'Teenage pregnancy',
    ['under-18 conception', 'under 18 conceptions', 'teenage conception', 'teen pregnancy', 'NI 112'],
    ['sexual-health'],
  ),
  concept('chlamydia-screening', 'Chlamydia screening', ['chlamydia', 'NCSP'], ['sexual-health']),
  concept('community-safety', 'Community safety', ['crime and disorder', 'CDRP', 'CSP'], [], {
    field: 'community-safety',
  }),
  concept(
    'antisocial-behaviour',
    'Antisocial behaviour',
    ['anti social behaviour', 'antisocial behaviour', 'nuisance', 'nuisance neighbours', 'ASB', 'ASBO'],
    ['community-safety'],
    { field: 'community-safety' },
  ),
  concept(
    'domestic-abuse',
    'Domestic abuse',
    ['domestic violence', 'violence in the home', 'DV', 'DA', 'IDVA'],
    ['community-safety'],
    { field: 'community-safety' },
  ),
  concept(
    'worklessness',
    'Worklessness',
    ['unemployment', 'out of work', 'benefit claimants', 'back into work', 'JSA', 'NI 152'],
    [],
    { field: 'economy-and-employment' },
  ),
  concept('fuel-poverty', 'Fuel poverty', ['affordable warmth', 'keeping warm', 'warm homes'], [], {
    field: 'housing',
  }),
  concept('young-people', 'Young people', ['teenagers', 'youth', 'adolescents'], [], {
    field: 'children-and-young-people',
    ages: [13, 19],
  }),
];
