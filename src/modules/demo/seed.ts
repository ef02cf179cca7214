import type { Services } from '../../services.js';
import { SYSTEM } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import type { Locality } from '../../db/tables.js';
import { seedDemo as seedDemoPerformance } from '../performance/demo.js';
import { seedDemo as seedDemoProposals } from '../gatekeeper/demo.js';
import { seedDemo as seedDemoRationalisation } from '../rationalisation/demo.js';
import { seedDemo as seedDemoCycles } from '../cycles/demo.js';
import { seedDemo as seedDemoBids } from '../bids/demo.js';
import { seedDemo as seedDemoResources } from '../resources/demo.js';
import { seedDemo as seedDemoAssurance } from '../assurance/demo.js';
import { seedDemo as seedDemoScrutiny } from '../scrutiny/demo.js';
import { seedDemo as seedDemoFunds } from '../funds/demo.js';
import { DEFAULT_DEMO_SEED, DEMO_LOCALITY_CODE, type DemoPlan, planDemoLocality } from './plan.js';

export { DEFAULT_DEMO_SEED, DEMO_DUPLICATE_GROUPS, DEMO_LOCALITY_CODE, planDemoLocality } from './plan.js';

export interface DemoSummary {
  locality: Locality;
  partnerships: number;
  organisations: number;
  memberships: number;
}

/** The demo locality: a fictional district (E07999… is not a real GSS range). */
export const DEMO_LOCALITY = {
  gssCode: DEMO_LOCALITY_CODE,
  name: 'Brackenfield (demo)',
  kind: 'district',
  region: 'East Midlands',
} as const;

export interface SeedDemoOptions {
  seed?: number;
  /** Today's date (YYYY-MM-DD) for review dates; defaults to today in London. */
  today?: string;
}

/**
 * Builds the fictional district of Brackenfield through the register's own services, so every
 * record passes the rules user input must pass and gets its audit entry. It all happens in one
 * transaction: quicker than a transaction per record, and a failure leaves nothing half-made.
 * The same seed gives the same records (review dates aside, which follow today).
 */
export async function seedDemoLocality(services: Services, options: SeedDemoOptions = {}): Promise<DemoSummary> {
  const plan = planDemoLocality({ seed: options.seed ?? DEFAULT_DEMO_SEED, today: options.today ?? todayInLondon() });
  // The Services object does not expose the database; the exchange service holds the same one.
  return services.exchange.db.transaction().execute(async (trx) => {
    if (await services.register.localities.byCode(trx, DEMO_LOCALITY_CODE)) {
      throw new Error(
        `The demo locality ${DEMO_LOCALITY.name} (${DEMO_LOCALITY_CODE}) already exists: nothing was changed.`,
      );
    }
    const locality = await services.register.createLocality(SYSTEM, DEMO_LOCALITY, { trx, isDemo: true });
    const counts = await writePlan(services, plan, trx);
    // Later capabilities add their part: plans and indicators, then proposals, then rationalisation.
    await seedDemoPerformance(services, locality, trx);
    await seedDemoProposals(services, locality, trx);
    await seedDemoRationalisation(services, locality, trx);
    await seedDemoCycles(services, locality, trx);
    await seedDemoBids(services, locality, trx, options.today);
    await seedDemoResources(services, locality, trx, options.today ?? todayInLondon());
    await seedDemoAssurance(services, locality, trx, options.today ?? todayInLondon());
    await seedDemoScrutiny(services, locality, trx, options.today ?? todayInLondon());
    await seedDemoFunds(services, locality, trx, options.today ?? todayInLondon());
    return { locality, ...counts };
  });
}

type Trx = Services['exchange']['db'];

async function writePlan(services: Services, plan: DemoPlan, trx: Trx): Promise<Omit<DemoSummary, 'locality'>> {
  const { register } = services;
  const code = DEMO_LOCALITY_CODE;
  const options = { trx };

  const organisationIds = new Map<string, string>();
  for (const o of plan.organisations) {
    const created = await register.createOrganisation(SYSTEM, code, o.input, options);
    organisationIds.set(o.key, created.id);
  }
  const idOf = (ids: Map<string, string>, key: string | undefined, what: string): string | undefined => {
    if (key === undefined) return undefined;
    const id = ids.get(key);
    if (!id) throw new Error(`Demo plan refers to an unknown ${what}: ${key}`);
    return id;
  };

  // Everything is created open (parents before their sub-groups); closures come last, below.
  const partnershipIds = new Map<string, string>();
  let memberships = 0;
  for (const p of plan.partnerships) {
    const created = await register.createPartnership(
      SYSTEM,
      code,
      {
        ...p.input,
        parentId: idOf(partnershipIds, p.parent, 'parent partnership'),
        leadOrganisationId: idOf(organisationIds, p.lead, 'organisation'),
        accountableBodyId: idOf(organisationIds, p.accountableBody, 'organisation'),
      },
      options,
    );
    partnershipIds.set(p.key, created.id);
    // A board's seats go in together; a former seat arrives with its end date, so the
    // history shows it as a past seat.
    const seats = p.seats.map((seat) => ({
      organisationId: idOf(organisationIds, seat.organisation, 'organisation'),
      role: seat.role,
      representative: seat.representative,
      startedOn: seat.startedOn,
      endedOn: seat.endedOn,
    }));
    memberships += (await register.addMemberships(SYSTEM, code, created.id, seats, options)).length;
  }

  // Close sub-groups before their parents: a partnership with open sub-groups cannot close.
  for (const p of [...plan.partnerships].reverse()) {
    if (p.close) await register.closePartnership(SYSTEM, code, partnershipIds.get(p.key) as string, p.close, options);
  }
  return { partnerships: plan.partnerships.length, organisations: plan.organisations.length, memberships };
}
