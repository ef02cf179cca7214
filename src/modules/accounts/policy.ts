import { type Principal, type Role } from '../../core/actor.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors.js';

/**
 * The one authorisation model. Every service asks these questions before it reads restricted
 * material or writes anything, so pages, the API and the command line obey the same rules.
 *
 * | role                     | where          | may                                                        |
 * |--------------------------|----------------|------------------------------------------------------------|
 * | public                   | everywhere     | read what is published                                     |
 * | partner representative   | a locality     | read restricted material of that locality                  |
 * | partnership secretary    | a partnership  | that, and edit the partnerships they administer            |
 * | locality administrator   | a locality     | manage the locality: register, users, imports; as the LSP  |
 * |                          |                | manager, decide the locality's partnership proposals       |
 * | gatekeeper panel member  | a locality     | read restricted material; decide the locality's proposals  |
 * | scrutiny member          | a locality     | read everything in the locality; no register edits         |
 * | Government Office adviser| a region       | read the region's localities; never approve, veto or edit  |
 * | national gatekeeper      | everywhere     | read every locality; decide proposals flagged national     |
 * | knowledge base editor    | a locality, or | moderate knowledge base items of that locality (or, held   |
 * |                          | national       | nationally, of every locality and the national library)    |
 * | BID ballot scrutineer    | a locality     | run the locality's BID ballots with its administrator (the |
 * |                          |                | ballot holder); read no other restricted material          |
 * | partnership chair        | a partnership  | read restricted material of the locality; answer and submit|
 * |                          |                | the partnership's governance assessments and annual review |
 * |                          |                | returns; nothing else                                      |
 * | local stakeholder        | a locality     | for an organisation: read the LSP's accreditation self-    |
 * |                          |                | assessment once put forward and give a view on it; read no |
 * |                          |                | other restricted material                                  |
 * | system administrator     | everywhere     | create localities and their first administrators           |
 */
export interface LocalityScope {
  id: string;
  region: string;
}

const LOCAL_READERS: Role[] = [
  'partner-representative',
  'partnership-secretary',
  'locality-admin',
  'locality-gatekeeper',
  'scrutiny-member',
  'partnership-chair',
];

export function isSystem(principal: Principal): boolean {
  return principal.kind === 'system' || principal.grants.some((g) => g.role === 'system-admin');
}

export function canReadRestricted(principal: Principal, locality: LocalityScope): boolean {
  if (isSystem(principal)) return true;
  return principal.grants.some(
    (g) =>
      (LOCAL_READERS.includes(g.role) && g.localityId === locality.id) ||
      (g.role === 'go-adviser' && g.region === locality.region) ||
      g.role === 'national-gatekeeper',
  );
}

export function canAdministerLocality(principal: Principal, locality: LocalityScope): boolean {
  if (!principal.canWrite) return false;
  return (
    isSystem(principal) || principal.grants.some((g) => g.role === 'locality-admin' && g.localityId === locality.id)
  );
}

/** Whether the principal may edit this partnership (or, with no id, create one). */
export function canEditPartnership(principal: Principal, locality: LocalityScope, partnershipId?: string): boolean {
  if (canAdministerLocality(principal, locality)) return true;
  if (!principal.canWrite || !partnershipId) return false;
  return principal.grants.some(
    (g) => g.role === 'partnership-secretary' && g.localityId === locality.id && g.partnershipId === partnershipId,
  );
}

/** Whether the principal administers any partnership in the locality (for showing edit links). */
export function isSecretaryIn(principal: Principal, locality: LocalityScope): boolean {
  return (
    principal.canWrite &&
    principal.grants.some((g) => g.role === 'partnership-secretary' && g.localityId === locality.id)
  );
}

/**
 * Who answers for a partnership in its governance assessments and annual review: whoever edits
 * it (its secretary, the locality administrator) or its chair.
 */
export function canAnswerForPartnership(principal: Principal, locality: LocalityScope, partnershipId: string): boolean {
  if (canEditPartnership(principal, locality, partnershipId)) return true;
  return (
    principal.canWrite &&
    principal.grants.some(
      (g) => g.role === 'partnership-chair' && g.localityId === locality.id && g.partnershipId === partnershipId,
    )
  );
}

/** A local stakeholder of the locality: reads the LSP's accreditation self-assessment and gives a view. */
export function isStakeholderIn(principal: Principal, locality: LocalityScope): boolean {
  return principal.grants.some((g) => g.role === 'local-stakeholder' && g.localityId === locality.id);
}

/** Whether the principal acts for an organisation of the locality (records its contributions and budget lines). */
export function isPartnerRepresentativeIn(principal: Principal, locality: LocalityScope): boolean {
  return (
    principal.canWrite &&
    principal.grants.some(
      (g) => g.role === 'partner-representative' && g.localityId === locality.id && !!g.organisationId,
    )
  );
}

/** The locality's gatekeeper: its LSP manager (the locality administrator) or a member of its named panel. */
export function canDecideLocalProposals(principal: Principal, locality: LocalityScope): boolean {
  if (!principal.canWrite) return false;
  return (
    canAdministerLocality(principal, locality) ||
    principal.grants.some((g) => g.role === 'locality-gatekeeper' && g.localityId === locality.id)
  );
}

/** The national gatekeeper decides proposals that come from government initiatives. */
export function canDecideNationalProposals(principal: Principal): boolean {
  return principal.canWrite && (isSystem(principal) || principal.grants.some((g) => g.role === 'national-gatekeeper'));
}

/** Whether the principal may act as a gatekeeper anywhere in the locality (for showing the review queue). */
export function isGatekeeperFor(principal: Principal, locality: LocalityScope): boolean {
  return canDecideLocalProposals(principal, locality) || canDecideNationalProposals(principal);
}

/**
 * Who may propose a new partnership to the locality's gatekeeper: the people who sit in or run
 * its partnerships. Scrutiny members hold proposals to account, advisers advise and national
 * gatekeepers decide, so none of them proposes.
 */
export function canProposePartnerships(principal: Principal, locality: LocalityScope): boolean {
  if (!principal.canWrite) return false;
  const proposers: Role[] = [
    'partner-representative',
    'partnership-secretary',
    'locality-admin',
    'locality-gatekeeper',
  ];
  return (
    isSystem(principal) || principal.grants.some((g) => proposers.includes(g.role) && g.localityId === locality.id)
  );
}

/** The Government Office adviser for the locality's region: may comment and advise, never decide or veto. */
export function isRegionalAdviser(principal: Principal, locality: LocalityScope): boolean {
  return principal.canWrite && principal.grants.some((g) => g.role === 'go-adviser' && g.region === locality.region);
}

export function canManageReferenceData(principal: Principal): boolean {
  return principal.canWrite && isSystem(principal);
}

/** The thesaurus the overlap engine reads with is the same for every locality: a system administrator edits it. */
export function canEditThesaurus(principal: Principal): boolean {
  return principal.canWrite && isSystem(principal);
}

/**
 * Who moderates a knowledge base item: an editor of the item's locality, a national editor (a
 * grant with no locality), or a system administrator. `localityId` null is the national library.
 */
export function canModerateKnowledge(principal: Principal, localityId: string | null): boolean {
  if (!principal.canWrite) return false;
  if (isSystem(principal)) return true;
  return principal.grants.some(
    (g) => g.role === 'knowledge-editor' && (g.localityId === null || g.localityId === localityId),
  );
}

/** Whether the principal moderates any part of the knowledge base (for the review queue). */
export function isKnowledgeEditor(principal: Principal): boolean {
  return isSystem(principal) || principal.grants.some((g) => g.role === 'knowledge-editor');
}

/**
 * Who runs a Business Improvement District ballot: the council's ballot holder (the locality
 * administrator) or an independent scrutineer appointed in the locality, never a system
 * administrator as such. Only they may see how a hereditament voted, and the service shows them
 * only after the close.
 */
export function isBidBallotOfficer(principal: Principal, locality: LocalityScope): boolean {
  // The system itself (the command line, the demo seed) runs a ballot; a system administrator,
  // who is neither ballot holder nor scrutineer, does not see how anyone voted.
  if (principal.kind === 'system') return true;
  return principal.grants.some(
    (g) => (g.role === 'locality-admin' || g.role === 'bid-scrutineer') && g.localityId === locality.id,
  );
}

export function canRunBidBallot(principal: Principal, locality: LocalityScope): boolean {
  return principal.canWrite && isBidBallotOfficer(principal, locality);
}

/**
 * Who runs the locality's overview and scrutiny: its scrutiny members (the council's committee)
 * and its administrator, who supports them. They read everything and change no partnership.
 */
export function canScrutinise(principal: Principal, locality: LocalityScope): boolean {
  if (!principal.canWrite) return false;
  return (
    isSystem(principal) ||
    principal.grants.some(
      (g) => (g.role === 'scrutiny-member' || g.role === 'locality-admin') && g.localityId === locality.id,
    )
  );
}

export function canCreateLocality(principal: Principal): boolean {
  return principal.canWrite && isSystem(principal);
}

/**
 * Refuses a write. Someone who cannot even read the locality's restricted material is told
 * the record does not exist (404), so one locality's users cannot probe another's register;
 * a visitor is asked to sign in; a reader without the right gets 403.
 */
export function refuse(principal: Principal, locality: LocalityScope | undefined, what: string): never {
  if (principal.kind === 'public') throw new UnauthenticatedError();
  if (locality && !canReadRestricted(principal, locality)) throw new NotFoundError(what);
  throw new ForbiddenError(
    principal.canWrite ? 'You do not have permission to do this' : 'This API token is read-only',
  );
}

export function requireLocalityAdmin(principal: Principal, locality: LocalityScope, what = 'Locality'): void {
  if (!canAdministerLocality(principal, locality)) refuse(principal, locality, what);
}

export function requirePartnershipEditor(principal: Principal, locality: LocalityScope, partnershipId?: string): void {
  if (!canEditPartnership(principal, locality, partnershipId)) refuse(principal, locality, 'Partnership');
}
