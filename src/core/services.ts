import type { Db } from '../db/database.js';
import type { AuditService } from '../modules/audit/service.js';
import type { MapService } from '../modules/map/service.js';
import type { NotificationService } from '../modules/notifications/service.js';
import type { OverlapService } from '../modules/overlap/service.js';
import type { ReferenceService } from '../modules/reference/service.js';
import type { RegisterService } from '../modules/register/service.js';

/** What the later capabilities build on: handed to each one's service as a single bag. */
export interface CoreServices {
  db: Db;
  audit: AuditService;
  reference: ReferenceService;
  register: RegisterService;
  overlap: OverlapService;
  map: MapService;
  notifications: NotificationService;
}
