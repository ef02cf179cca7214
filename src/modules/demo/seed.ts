import type { Services } from '../../app.js';
import type { Locality } from '../../db/tables.js';

export interface DemoSummary {
  locality: Locality;
  partnerships: number;
  organisations: number;
  memberships: number;
}

/** Builds the demo locality (stub until the generator lands). */
export async function seedDemoLocality(services: Services): Promise<DemoSummary> {
  const { SYSTEM } = await import('../../core/actor.js');
  const locality = await services.register.createLocality(SYSTEM, { gssCode: 'E07999001', name: 'Brackenfield (demo)', kind: 'district', region: 'East Midlands' }, { isDemo: true });
  return { locality, partnerships: 0, organisations: 0, memberships: 0 };
}
