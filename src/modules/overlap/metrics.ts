/**
 * Locality (or any scope's) metrics: how many partnerships by theme and layer, the burden on
 * each partner (seats, meeting hours and the cost of its people's time), how much of the map is
 * duplicated, and what partnership working costs in all.
 */
import { meetingPattern, yearlyCost } from './costs.js';
import type { CostRates, SectorOf } from './costs.js';
import type { OrganisationRecord, PartnershipFeatures, Sector } from './types.js';

export interface OrganisationBurden {
  organisationId: string;
  name: string | null;
  sector: Sector | null;
  /** Partnerships it has a seat on. */
  seats: number;
  /** Hours its people spend in meetings a year (its share of each board's attendees). */
  meetingHoursPerYear: number;
  /** Its share of the yearly cost, preparation included, in pence. */
  yearlyCostPence: number;
}

export interface ScopeMetrics {
  partnerships: number;
  /** A partnership counts under each of its themes; `(none)` for those with none recorded. */
  byTheme: Record<string, number>;
  byLayer: Record<string, number>;
  /** Heaviest burden first (most seats, then most hours). */
  organisations: OrganisationBurden[];
  partnershipsInClusters: number;
  /** Share of partnerships that sit in a cluster of similar partnerships (0–1). */
  duplicationIndex: number;
  totalYearlyCostPence: number;
  /** Partnerships whose cost used a default meeting pattern. */
  estimatedCosts: number;
}

/** Running totals for one scope, filled partnership by partnership. */
class MetricsAccumulator {
  partnerships = 0;
  inClusters = 0;
  totalPence = 0;
  estimated = 0;
  readonly byTheme: Record<string, number> = {};
  readonly byLayer: Record<string, number> = {};
  readonly burdens = new Map<string, { seats: number; hours: number; pence: number }>();

  add(p: PartnershipFeatures, share: PartnershipShare, clustered: boolean): void {
    this.partnerships++;
    if (clustered) this.inClusters++;
    this.totalPence += share.costPence;
    if (share.estimated) this.estimated++;
    for (const theme of share.themes) this.byTheme[theme] = (this.byTheme[theme] ?? 0) + 1;
    this.byLayer[p.layer] = (this.byLayer[p.layer] ?? 0) + 1;
    for (let i = 0; i < share.members.length; i++) {
      const id = share.members[i]!;
      let b = this.burdens.get(id);
      if (!b) this.burdens.set(id, (b = { seats: 0, hours: 0, pence: 0 }));
      b.seats++;
      b.hours += share.hoursPerOrganisation;
      b.pence += share.pencePerOrganisation[i]!;
    }
  }

  finish(organisations: ReadonlyMap<string, OrganisationRecord>): ScopeMetrics {
    const list: OrganisationBurden[] = [];
    for (const [id, b] of this.burdens) {
      const org = organisations.get(id);
      list.push({
        organisationId: id,
        name: org?.name ?? null,
        sector: org?.sector ?? null,
        seats: b.seats,
        meetingHoursPerYear: Math.round(b.hours * 10) / 10,
        yearlyCostPence: Math.round(b.pence),
      });
    }
    list.sort(
      (a, b) =>
        b.seats - a.seats ||
        b.meetingHoursPerYear - a.meetingHoursPerYear ||
        (a.organisationId < b.organisationId ? -1 : 1),
    );
    return {
      partnerships: this.partnerships,
      byTheme: this.byTheme,
      byLayer: this.byLayer,
      organisations: list,
      partnershipsInClusters: this.inClusters,
      duplicationIndex: this.partnerships > 0 ? this.inClusters / this.partnerships : 0,
      totalYearlyCostPence: this.totalPence,
      estimatedCosts: this.estimated,
    };
  }
}

/**
 * What one partnership adds to the metrics, worked out once: its cost, and each member
 * organisation's share of its attendees (attendees are shared equally among the organisations).
 */
interface PartnershipShare {
  costPence: number;
  estimated: boolean;
  themes: string[];
  members: string[];
  hoursPerOrganisation: number;
  pencePerOrganisation: number[];
}

function shareOf(p: PartnershipFeatures, sectorOf: SectorOf, rates: CostRates): PartnershipShare {
  const cost = yearlyCost(p, sectorOf, rates);
  const members = [...new Set(p.memberOrganisationIds)];
  const pattern = meetingPattern(p, rates);
  const peoplePerOrg = members.length > 0 ? pattern.attendees / members.length : 0;
  const meetingHours = (pattern.meetingsPerYear * pattern.meetingMinutes) / 60;
  const preparationHours = pattern.meetingsPerYear * rates.preparationHoursPerMeeting;
  return {
    costPence: cost.pence,
    estimated: cost.estimated,
    themes: p.themes.length > 0 ? [...new Set(p.themes)] : ['(none)'],
    members,
    hoursPerOrganisation: meetingHours * peoplePerOrg,
    pencePerOrganisation: members.map(
      (id) => (meetingHours + preparationHours) * peoplePerOrg * rates.hourlyPenceBySector[sectorOf(id) ?? 'public'],
    ),
  };
}

/** Metrics over a set of partnerships; `clustered` holds the ids of those in any cluster. */
export function scopeMetrics(
  records: readonly PartnershipFeatures[],
  organisations: ReadonlyMap<string, OrganisationRecord>,
  clustered: ReadonlySet<string>,
  rates: CostRates,
): ScopeMetrics {
  return metricsWithLocalities(records, organisations, clustered, rates, false).scope;
}

/** Metrics for the whole scope and, in the same pass, for each locality in it. */
export function metricsWithLocalities(
  records: readonly PartnershipFeatures[],
  organisations: ReadonlyMap<string, OrganisationRecord>,
  clustered: ReadonlySet<string>,
  rates: CostRates,
  perLocality = true,
): { scope: ScopeMetrics; localities: Record<string, ScopeMetrics> } {
  const sectorOf: SectorOf = (id) => organisations.get(id)?.sector;
  const scope = new MetricsAccumulator();
  const byLocality = new Map<string, MetricsAccumulator>();
  for (const p of records) {
    const share = shareOf(p, sectorOf, rates);
    const isClustered = clustered.has(p.id);
    scope.add(p, share, isClustered);
    if (!perLocality) continue;
    let locality = byLocality.get(p.localityId);
    if (!locality) byLocality.set(p.localityId, (locality = new MetricsAccumulator()));
    locality.add(p, share, isClustered);
  }
  const localities: Record<string, ScopeMetrics> = {};
  for (const [id, acc] of byLocality) localities[id] = acc.finish(organisations);
  return { scope: scope.finish(organisations), localities };
}
