/**
 * The default public-service thesaurus shipped with Joined Up: one file per field, written
 * from knowledge of UK local public services (see README.md beside this file). Administrators
 * edit their own copy; this is where a new installation starts.
 */
import { withRelatedBothWays } from '../relations.js';
import type { ConceptDefinition } from '../types.js';
import { CONCEPTS as childrenAndYoungPeople } from './children-and-young-people.js';
import { CONCEPTS as communitiesAndEquality } from './communities-and-equality.js';
import { CONCEPTS as communitySafety } from './community-safety.js';
import { CONCEPTS as cultureAndLeisure } from './culture-and-leisure.js';
import { CONCEPTS as economyAndEmployment } from './economy-and-employment.js';
import { CONCEPTS as educationAndSkills } from './education-and-skills.js';
import { CONCEPTS as environment } from './environment.js';
import { CONCEPTS as governanceAndResources } from './governance-and-resources.js';
import { CONCEPTS as health } from './health.js';
import { CONCEPTS as housing } from './housing.js';
import { CONCEPTS as olderPeople } from './older-people.js';
import { CONCEPTS as socialCare } from './social-care.js';
import { CONCEPTS as transport } from './transport.js';

/** The date this edition of the default thesaurus was last changed. */
export const DEFAULT_THESAURUS_VERSION = '2026-12-06';

/** Every concept, with `related` completed in both directions. */
export const DEFAULT_THESAURUS: readonly ConceptDefinition[] = withRelatedBothWays([
  ...communitySafety,
  ...health,
  ...socialCare,
  ...childrenAndYoungPeople,
  ...educationAndSkills,
  ...olderPeople,
  ...housing,
  ...economyAndEmployment,
  ...environment,
  ...transport,
  ...cultureAndLeisure,
  ...communitiesAndEquality,
  ...governanceAndResources,
]);
