import type { Db } from '../../db/database.js';
import type { ReferenceService } from '../reference/service.js';
import type { RegisterService } from '../register/service.js';

/** Import and export of a locality's register (CSV and XLSX). */
export class ExchangeService {
  constructor(
    readonly db: Db,
    readonly register: RegisterService,
    readonly reference: ReferenceService,
  ) {}
}
