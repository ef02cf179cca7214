/**
 * The composition of the services: every capability's service built once over one database and
 * handed to the pages, the API and the command line alike. Nothing here knows about HTTP.
 */
import type { Config } from './config.js';
import type { CoreServices } from './core/services.js';
import type { Database } from './db/database.js';
import { LogMailer, type Mailer, OutboxMailer, SmtpMailer } from './modules/accounts/mailer.js';
import { AccountsService } from './modules/accounts/service.js';
import { AuditService } from './modules/audit/service.js';
import { ExchangeService } from './modules/exchange/service.js';
import { JobService } from './modules/jobs/service.js';
import { KnowledgeService } from './modules/knowledge/service.js';
import { CyclesService } from './modules/cycles/service.js';
import { BidService } from './modules/bids/service.js';
import { GatekeeperService } from './modules/gatekeeper/service.js';
import { MapService } from './modules/map/service.js';
import { NotificationService } from './modules/notifications/service.js';
import { OverlapService } from './modules/overlap/service.js';
import { PerformanceService } from './modules/performance/service.js';
import { RationalisationService } from './modules/rationalisation/service.js';
import { ReferenceService } from './modules/reference/service.js';
import { ResourcesService } from './modules/resources/service.js';
import { AssuranceService } from './modules/assurance/service.js';
import { FundsService } from './modules/funds/service.js';
import { RegisterService } from './modules/register/service.js';
import { ScrutinyService } from './modules/scrutiny/service.js';
import { DEFAULT_THESAURUS, DEFAULT_THESAURUS_VERSION } from './modules/thesaurus/default/index.js';
import { ThesaurusService } from './modules/thesaurus/service.js';

export interface Services {
  accounts: AccountsService;
  notifications: NotificationService;
  performance: PerformanceService;
  gatekeeper: GatekeeperService;
  rationalisation: RationalisationService;
  map: MapService;
  overlap: OverlapService;
  audit: AuditService;
  reference: ReferenceService;
  register: RegisterService;
  exchange: ExchangeService;
  jobs: JobService;
  thesaurus: ThesaurusService;
  knowledge: KnowledgeService;
  cycles: CyclesService;
  bids: BidService;
  resources: ResourcesService;
  assurance: AssuranceService;
  scrutiny: ScrutinyService;
  funds: FundsService;
}

export function createServices(
  database: Database,
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'mailTransport' | 'logLevel'> &
    Partial<Pick<Config, 'linkCheckHosts' | 'evidenceMaxMb'>>,
): Services {
  const audit = new AuditService();
  const reference = new ReferenceService(database.db, audit, undefined, database.changes);
  const register = new RegisterService(database.db, audit, reference, database.changes);
  const mailer: Mailer =
    config.mailTransport === 'smtp' && config.smtpUrl
      ? new SmtpMailer(config.smtpUrl, config.mailFrom)
      : config.mailTransport === 'log'
        ? new LogMailer(config.logLevel)
        : new OutboxMailer(database.db);
  const accounts = new AccountsService(database.db, audit, register, mailer, config.publicUrl);
  const jobs = new JobService(database.db, register, {
    kind: database.kind,
    principalFor: (ownerId) => accounts.principalForOwner(ownerId),
  });
  const exchange = new ExchangeService(database.db, register, reference, jobs);
  const thesaurus = new ThesaurusService(
    database.db,
    audit,
    DEFAULT_THESAURUS,
    DEFAULT_THESAURUS_VERSION,
    { publicUrl: config.publicUrl },
    database.changes,
  );
  const overlap = new OverlapService(database.db, register, reference, audit, thesaurus, database.changes);
  const map = new MapService(database.db, register, reference);
  const notifications = new NotificationService(database.db, mailer, config.publicUrl);
  const core: CoreServices = { db: database.db, audit, reference, register, overlap, map, notifications };
  const performance = new PerformanceService(core);
  const gatekeeper = new GatekeeperService({ ...core, performance });
  const rationalisation = new RationalisationService({ ...core, performance, gatekeeper });
  const knowledge = new KnowledgeService(database.db, {
    audit,
    reference,
    register,
    thesaurus,
    linkCheckHosts: config.linkCheckHosts ?? [],
    changes: database.changes,
  });
  const resources = new ResourcesService({ ...core, performance });
  const scrutiny = new ScrutinyService({ ...core, performance, resources, gatekeeper, rationalisation });
  const funds = new FundsService(database.db, { audit, register, mailer, publicUrl: config.publicUrl });
  notifications.addWorkSources(gatekeeper, rationalisation, performance, knowledge, resources, scrutiny, funds);
  const cycles = new CyclesService(database.db, {
    audit,
    reference,
    register,
    notifications,
    principalFor: (id) => accounts.principalForOwner(id),
    performance,
  });
  const assurance = new AssuranceService(database.db, {
    audit,
    register,
    notifications,
    evidenceMaxBytes: config.evidenceMaxMb ? config.evidenceMaxMb * 1024 * 1024 : undefined,
  });
  notifications.addWorkSources(assurance, cycles);
  return {
    accounts,
    audit,
    map,
    overlap,
    reference,
    register,
    exchange,
    notifications,
    performance,
    gatekeeper,
    rationalisation,
    jobs,
    thesaurus,
    knowledge,
    cycles,
    bids: new BidService(database.db, { audit, register }),
    resources,
    assurance,
    scrutiny,
    funds,
  };
}
