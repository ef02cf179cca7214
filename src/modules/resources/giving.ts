/**
 * The locality's funding flows as 360Giving grants, in the layout the funds module publishes its
 * awards in (three-sixty-giving.ts): each funding stream a grant from its funder to its
 * accountable body, and each pooled budget's contributors' shares grants to its host. A grant
 * lacking a field the standard requires is left out and said why, never published half-made.
 */
import { type ThreeSixtyGrant, missingFields, mintedIdentifier, publisherPrefix } from '../funds/three-sixty-giving.js';
import type { ReferenceSnapshot } from '../reference/service.js';
import type { FundingStreamRecord, PooledBudgetRecord } from './repository.js';
import { addDays, addMonths, monthsSpanned, spanTotalPence } from './rules.js';
import { poundsText } from './export.js';

export interface FundingFlows {
  locality: { gss_code: string };
  prefix: string | null;
  organisations: Array<{ id: string; name: string; identifier: string | null }>;
  streams: FundingStreamRecord[];
  budgets: Array<PooledBudgetRecord & { amounts: number[] }>;
  lists: ReferenceSnapshot;
}

export interface LeftOut {
  title: string;
  /** The required fields it lacks, in words. */
  missing: string[];
}

const FIELD_WORDS: Record<string, string> = {
  'recipientOrganization/0/id': 'recipient',
  'recipientOrganization/0/name': 'recipient',
  'fundingOrganization/0/id': 'funder',
  'fundingOrganization/0/name': 'funder',
};

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
const pounds = (pence: number) =>
  `£${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2 }).format(Number(poundsText(pence)))}`;

/**
 * The grants, and what was left out. A stream's amount awarded is its amount a year over its
 * dates; its award date, not recorded, is its start. An open-ended pooled budget's share is
 * given for the year from its start, as its planned dates say.
 */
export function fundingFlowGrants(flows: FundingFlows): { prefix: string; grants: ThreeSixtyGrant[]; left: LeftOut[] } {
  const prefix = flows.prefix ?? publisherPrefix(flows.locality.gss_code);
  const organisations = new Map(flows.organisations.map((o) => [o.id, o]));
  const org = (id: string | null) => {
    const o = id ? organisations.get(id) : undefined;
    return o ? [{ id: o.identifier || mintedIdentifier(prefix, 'org', o.id), name: o.name }] : [];
  };
  const grants: ThreeSixtyGrant[] = [];
  const left: LeftOut[] = [];
  const add = (grant: ThreeSixtyGrant) => {
    const missing = missingFields(grant);
    if (missing.length > 0)
      left.push({ title: grant.title, missing: [...new Set(missing.map((f) => FIELD_WORDS[f] ?? f))] });
    else grants.push(grant);
  };
  const planned = (startDate: string, endDate: string) => [
    { startDate, endDate, duration: Math.round(monthsSpanned(startDate, endDate)) },
  ];

  for (const s of flows.streams) {
    const fund = flows.lists.label('fund', s.fund_code);
    add({
      id: `${prefix}-stream-${s.id}`,
      title: s.name,
      description: `${fund}: ${pounds(s.amount_per_year_pence)} a year${s.requires_partnership ? ', requiring a partnership' : ''}`,
      currency: 'GBP',
      amountAwarded: Number(poundsText(spanTotalPence(s.amount_per_year_pence, s.starts_on, s.ends_on))),
      awardDate: s.starts_on,
      plannedDates: planned(s.starts_on, s.ends_on),
      recipientOrganization: org(s.accountable_body_id),
      fundingOrganization: s.funder ? [{ id: mintedIdentifier(prefix, 'funder', s.funder), name: s.funder }] : [],
      grantProgramme: [{ title: fund }],
      lastModified: iso(s.updated_at),
    });
  }

  for (const b of flows.budgets) {
    const endsOn = b.ends_on ?? addDays(addMonths(b.starts_on, 12), -1);
    const basis = flows.lists.label('legal-basis', b.legal_basis);
    b.contributors.forEach((c, i) => {
      // The host's own share stays with it: only what others put in flows.
      if (c.organisationId === b.host_organisation_id) return;
      const perYear = b.amounts[i] ?? 0;
      add({
        id: `${prefix}-pooled-${b.id}-${c.organisationId}`,
        title: `${b.name}: ${organisations.get(c.organisationId)?.name ?? ''}’s share`,
        description: `${basis}: ${pounds(perYear)} a year into the pooled budget ${b.name}${b.ends_on ? '' : ' (open-ended: the first year)'}`,
        currency: 'GBP',
        amountAwarded: Number(poundsText(spanTotalPence(perYear, b.starts_on, endsOn))),
        awardDate: b.starts_on,
        plannedDates: planned(b.starts_on, endsOn),
        recipientOrganization: org(b.host_organisation_id),
        fundingOrganization: org(c.organisationId),
        grantProgramme: [{ title: basis }],
        lastModified: iso(b.updated_at),
      });
    });
  }
  return { prefix, grants, left };
}
