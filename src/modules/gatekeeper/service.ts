import type { CoreServices } from '../../core/services.js';
import type { Db } from '../../db/database.js';
import type { PerformanceService } from '../performance/service.js';

export interface GatekeeperDependencies extends CoreServices {
  performance: PerformanceService;
}

/** Proposals for new partnerships, their automatic pre-check, and the gatekeeper's decisions. */
export class GatekeeperService {
  constructor(private readonly deps: GatekeeperDependencies) {}

  /** The approved proposal a partnership was created from, for its lineage. */
  async proposalForPartnership(_partnershipId: string, _options: { trx?: Db } = {}): Promise<{ id: string; reference: string; title: string; decidedOn: string } | undefined> {
    return undefined;
  }
}
