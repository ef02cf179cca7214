import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../core/actor.js';
import { NotFoundError, UnauthenticatedError } from '../core/errors.js';
import {
  canAdministerLocality,
  canDecideLocalProposals,
  canReadRestricted,
  canScrutinise,
  isGatekeeperFor,
  isKnowledgeEditor,
  isPartnerRepresentativeIn,
  isSecretaryIn,
  isSystem,
  refuse,
  type LocalityScope,
} from '../modules/accounts/policy.js';

/**
 * Every route declares who may reach it, in its route options: `{ config: { access: '…' } }`.
 * The gate below turns visitors away early with the right answer (sign in, 403, or 404 for
 * another locality's restricted pages); the services check again, in detail, on every call.
 * A route without a rule is refused at start-up, so none can be added by accident.
 *
 * public            anyone
 * signed-in         any signed-in person
 * locality-reader   readers of the locality's restricted material (:code in the path)
 * register-editor   the locality's administrator, or a secretary of one of its partnerships
 * locality-admin    the locality's administrator
 * partner-recorder  the locality's administrator, or a partner representative in it (money for their organisation)
 * gatekeeper        who decides proposals: the locality's administrator or panel, or the national gatekeeper
 * local-officer     the locality's own reviewing officers: its administrator (the LSP manager) or its panel
 * knowledge-editor  an editor of the knowledge base, locally or nationally, or a system administrator
 * system-admin      a system administrator
 * scrutiny          the locality's scrutiny members and its administrator: committees, reviews, evidence packs
 */
export const ACCESS_RULES = [
  'public',
  'signed-in',
  'locality-reader',
  'register-editor',
  'locality-admin',
  'partner-recorder',
  'gatekeeper',
  'local-officer',
  'knowledge-editor',
  'system-admin',
  'scrutiny',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyInstance {
    /** Every route with its access rule, for the authorisation matrix test and for review. */
    routeTable: Array<{ method: string; url: string; access: AccessRule }>;
  }
}

export interface GateOptions {
  localityScope(code: string): Promise<LocalityScope | undefined>;
}

function allowed(rule: AccessRule, principal: Principal, locality: LocalityScope | undefined): boolean {
  switch (rule) {
    case 'public':
      return true;
    case 'signed-in':
      return principal.kind !== 'public';
    case 'locality-reader':
      return !!locality && canReadRestricted(principal, locality);
    case 'register-editor':
      return !!locality && (canAdministerLocality(principal, locality) || isSecretaryIn(principal, locality));
    case 'locality-admin':
      return !!locality && canAdministerLocality(principal, locality);
    case 'partner-recorder':
      return (
        !!locality && (canAdministerLocality(principal, locality) || isPartnerRepresentativeIn(principal, locality))
      );
    case 'gatekeeper':
      return !!locality && isGatekeeperFor(principal, locality);
    case 'local-officer':
      return !!locality && canDecideLocalProposals(principal, locality);
    case 'knowledge-editor':
      return isKnowledgeEditor(principal);
    case 'system-admin':
      return isSystem(principal);
    case 'scrutiny':
      return !!locality && canScrutinise(principal, locality);
  }
}

export function installAccessGate(app: FastifyInstance, options: GateOptions): void {
  const table: FastifyInstance['routeTable'] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    const isStatic = route.url.startsWith('/assets/') || route.url.startsWith('/static/');
    if (route.method === 'HEAD' || (isStatic && !access)) return;
    if (!access || !ACCESS_RULES.includes(access))
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) table.push({ method: String(method), url: route.url, access });
  });
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const rule = request.routeOptions.config.access;
    if (!rule || rule === 'public') return;
    const code = (request.params as { code?: string } | undefined)?.code;
    const locality = code ? await options.localityScope(code) : undefined;
    if (code && !locality) throw new NotFoundError('Locality');
    if (allowed(rule, request.principal, locality)) return;
    if (request.principal.kind === 'public') throw new UnauthenticatedError();
    refuse(request.principal, locality, 'Page');
  });
}
