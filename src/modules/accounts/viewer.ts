import { type Principal, ROLE_NAMES } from '../../core/actor.js';
import { canAdministerLocality, canReadRestricted, isSecretaryIn, isSystem, type LocalityScope } from './policy.js';

/** What the layout and templates may show this person: the questions, answered once per page. */
export interface Viewer {
  signedIn: boolean;
  name?: string;
  roles: string[];
  isSystemAdmin: boolean;
  /** In the page's locality: */
  canReadRestricted: boolean;
  canAdminister: boolean;
  canEditSomething: boolean;
}

export function viewerFor(principal: Principal, locality?: LocalityScope): Viewer {
  return {
    signedIn: principal.kind !== 'public',
    name: principal.kind === 'user' ? principal.label : undefined,
    roles: [...new Set(principal.grants.map((g) => ROLE_NAMES[g.role]))],
    isSystemAdmin: isSystem(principal),
    canReadRestricted: !!locality && canReadRestricted(principal, locality),
    canAdminister: !!locality && canAdministerLocality(principal, locality),
    canEditSomething: !!locality && (canAdministerLocality(principal, locality) || isSecretaryIn(principal, locality)),
  };
}
