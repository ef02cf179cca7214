/**
 * Who is acting: a visitor, a signed-in user (through a session or an API token), or the
 * system itself (the command line, the demo seed). Services take a Principal for every call
 * and decide from it what may be seen and done; pages and the API only pass it on.
 */
export const ROLES = [
  'partner-representative',
  'partnership-secretary',
  'locality-admin',
  'locality-gatekeeper',
  'scrutiny-member',
  'go-adviser',
  'national-gatekeeper',
  'knowledge-editor',
  'bid-scrutineer',
  'partnership-chair',
  'local-stakeholder',
  'system-admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  'partner-representative': 'Partner representative',
  'partnership-secretary': 'Partnership secretary',
  'locality-admin': 'Locality administrator',
  'locality-gatekeeper': 'Gatekeeper panel member',
  'scrutiny-member': 'Scrutiny member',
  'go-adviser': 'Government Office adviser',
  'national-gatekeeper': 'National gatekeeper',
  'knowledge-editor': 'Knowledge base editor',
  'bid-scrutineer': 'BID ballot scrutineer',
  'partnership-chair': 'Partnership chair',
  'local-stakeholder': 'Local stakeholder',
  'system-admin': 'System administrator',
};

export interface RoleGrant {
  role: Role;
  /** The locality the role is held in; null for regional and national roles. */
  localityId: string | null;
  /** For a Government Office adviser: the region whose localities they may read. */
  region: string | null;
  /** For a partnership secretary or chair: the partnership they administer or chair. */
  partnershipId: string | null;
  /** For a partner representative or a local stakeholder: the organisation they act for. */
  organisationId: string | null;
}

export interface Actor {
  /** Stable id for the audit trail: a user id, or a label like cli:import. */
  id: string;
  /** How the audit trail names them. */
  label: string;
}

export interface Principal extends Actor {
  kind: 'public' | 'user' | 'system';
  userId?: string;
  email?: string;
  grants: RoleGrant[];
  /** An API token may be read-only; a session or the system may write. */
  canWrite: boolean;
}

export const PUBLIC: Principal = { id: 'public', label: 'Public visitor', kind: 'public', grants: [], canWrite: false };
export const SYSTEM: Principal = { id: 'system', label: 'Joined Up', kind: 'system', grants: [], canWrite: true };
export const cliActor = (command: string): Principal => ({
  ...SYSTEM,
  id: `cli:${command}`,
  label: `Command line (${command})`,
});
