import type { Services } from '../../app.js';
import type { Locality } from '../../db/tables.js';

type Trx = Services['exchange']['db'];

/** Adds this capability's part of the demo locality, inside the demo seed's transaction. */
export async function seedDemo(_services: Services, _locality: Locality, _trx: Trx): Promise<void> {}
