import type { Config } from '../../config.js';
import type { Services } from '../../services.js';
import { type Role, SYSTEM } from '../../core/actor.js';
import { LOCALITY_ROLES } from './schema.js';

/** Demo accounts, one per role, for the fictional demo locality. The password is for the demo only. */
export const DEMO_PASSWORD = 'joined-up-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  does: string;
  /** A role held nationally rather than in the demo locality. */
  national?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@brackenfield.example',
    name: 'Alex Admin',
    role: 'locality-admin',
    does: 'manages the demo locality: register, users, imports',
  },
  {
    email: 'panel@brackenfield.example',
    name: 'Pat Panel',
    role: 'locality-gatekeeper',
    does: 'sits on the gatekeeper panel: decides proposals for new partnerships',
  },
  {
    email: 'secretary@brackenfield.example',
    name: 'Sam Secretary',
    role: 'partnership-secretary',
    does: 'edits the partnership they administer (the LSP) and its members',
  },
  {
    email: 'chair@brackenfield.example',
    name: 'Chris Chair',
    role: 'partnership-chair',
    does: 'chairs the LSP: answers and submits its governance assessments and annual review return',
  },
  {
    email: 'stakeholder@brackenfield.example',
    name: 'Sol Stakeholder',
    role: 'local-stakeholder',
    does: 'speaks for the voluntary sector on the LSP’s accreditation: reads its self-assessment and records a view',
  },
  {
    email: 'partner@brackenfield.example',
    name: 'Priya Partner',
    role: 'partner-representative',
    does: 'reads restricted details; acts for the district council',
  },
  {
    email: 'scrutiny@brackenfield.example',
    name: 'Cllr Morgan Scrutiny',
    role: 'scrutiny-member',
    does: 'reads everything in the locality; cannot edit the register',
  },
  {
    email: 'adviser@go-eastmidlands.example',
    name: 'Gita Adviser',
    role: 'go-adviser',
    does: 'reads the East Midlands localities; cannot change anything',
  },
  {
    email: 'gatekeeper@national.example',
    name: 'Nat Gatekeeper',
    role: 'national-gatekeeper',
    does: 'reads every locality',
  },
  {
    email: 'editor@knowledge.example',
    name: 'Kim Editor',
    role: 'knowledge-editor',
    does: 'edits the knowledge base nationally: reviews, publishes or rejects submitted items',
    national: true,
  },
  {
    email: 'scrutineer@brackenfield.example',
    name: 'Robin Scrutineer',
    role: 'bid-scrutineer',
    does: 'scrutinises the town centre BID ballot: records returned papers, sees how papers voted only after the close',
  },
  {
    email: 'sysadmin@joinedup.example',
    name: 'Sys Admin',
    role: 'system-admin',
    does: 'creates localities and their first administrators; edits reference data',
  },
];

/**
 * The demo accounts an installation offers: none in production, where a published password
 * (and a system administrator among them) would hand the service to anyone.
 */
export function demoAccountsFor(env: Config['env']): DemoAccount[] {
  return env === 'production' ? [] : DEMO_ACCOUNTS;
}

/** Adds the demo accounts for a demo locality (never in production); skipped if they already exist. */
export async function seedDemoUsers(services: Services, localityCode: string, env: Config['env']): Promise<number> {
  const accounts = demoAccountsFor(env);
  if (accounts.length === 0) return 0;
  const locality = await services.register.locality(localityCode);
  const partnerships = await services.register.partnerships.options(services.exchange.db, locality.id);
  const organisations = await services.register.organisations.options(services.exchange.db, locality.id);
  // The secretary administers the Local Strategic Partnership and the chair chairs it; the representative speaks for the council.
  const lsp =
    partnerships.find((p) => p.name === 'Brackenfield Partnership') ?? partnerships.find((p) => p.status === 'active');
  const council =
    organisations.find((o) => o.name === 'Brackenfield District Council') ??
    organisations.find((o) => o.sector === 'public');
  // The local stakeholder speaks for the voluntary sector.
  const voluntary = organisations.find((o) => o.sector === 'voluntary' && o.status === 'active');
  let created = 0;
  for (const account of accounts) {
    if (await services.accounts.repository.userByEmail(services.exchange.db, account.email)) continue;
    const needsPartnership = account.role === 'partnership-secretary' || account.role === 'partnership-chair';
    const needsOrganisation = account.role === 'partner-representative' || account.role === 'local-stakeholder';
    const organisation = account.role === 'local-stakeholder' ? voluntary : council;
    if ((needsPartnership && !lsp) || (needsOrganisation && !organisation)) continue;
    const local = (LOCALITY_ROLES as readonly string[]).includes(account.role) && !account.national;
    await services.accounts.createUser(SYSTEM, { email: account.email, name: account.name, password: DEMO_PASSWORD }, [
      {
        role: account.role,
        localityCode: local ? locality.gss_code : undefined,
        region: account.role === 'go-adviser' ? locality.region : null,
        partnershipId: needsPartnership ? (lsp?.id ?? null) : null,
        organisationId: needsOrganisation ? (organisation?.id ?? null) : null,
      },
    ]);
    created++;
  }
  return created;
}
