import type { CoreServices } from '../../core/services.js';
import type { GatekeeperService } from '../gatekeeper/service.js';
import type { PerformanceService } from '../performance/service.js';

export interface RationalisationDependencies extends CoreServices {
  performance: PerformanceService;
  gatekeeper: GatekeeperService;
}

/** Rationalisation plans (merge, nest, close, re-layer), consent, execution and lineage. */
export class RationalisationService {
  constructor(private readonly deps: RationalisationDependencies) {}
}
