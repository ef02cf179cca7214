import type { CoreServices } from '../../core/services.js';
import type { Db } from '../../db/database.js';

/** Plans, outcomes, indicators, targets and measurements: the chain from community strategy to indicator. */
export class PerformanceService {
  constructor(private readonly core: CoreServices) {}

  /**
   * Rationalisation calls this inside its transaction when partnerships merge: every plan,
   * outcome and target that named one of `fromIds` as owner or contributor names `toId` instead.
   * Returns how many links moved.
   */
  async carryPartnershipLinks(_trx: Db, _fromIds: string[], _toId: string): Promise<number> {
    return 0;
  }

  /** The outcomes of a locality's plans, for a proposal to say which it serves. */
  async outcomeChoices(_localityId: string, _options: { trx?: Db } = {}): Promise<Array<{ id: string; title: string; planTitle: string }>> {
    return [];
  }
}
