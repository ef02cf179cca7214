import type { Principal } from '../../core/actor.js';
import { type Db, refreshStatistics } from '../../db/database.js';
import type { AuditService } from '../audit/service.js';
import { generateNational } from '../overlap/generate.js';
import type { ReferenceList } from '../reference/data.js';
import type { ReferenceService } from '../reference/service.js';
import {
  type GroundTruth,
  MAX_LOCALITIES,
  type RegisterPlan,
  auditEvents,
  candidateLocalityCodes,
  groundTruth,
  planRegister,
  rowCount,
} from './plan.js';
import { NationalRepository } from './repository.js';
import { type BenchmarkTruth, nationalBenchmarkTruth } from './benchmark.js';

export interface GenerateOptions {
  partnerships: number;
  organisations: number;
  localities: number;
  seed: number;
  /** Share of partnerships planted as near-duplicates (the generator's default 0.03). */
  plantedShare?: number;
  /** Hard negatives recorded per partnership (the generator's default 0.03). */
  hardNegativeShare?: number;
  /** Share of partnerships given one boilerplate purpose, the stress set (default 0). */
  boilerplateShare?: number;
  /** How the audit trail describes the run, e.g. the command line. */
  commandLine: string;
  onProgress?: (phase: 'generate' | 'write', done: number, total: number) => void;
}

export interface GenerateCounts {
  localities: number;
  /** Distinct bodies. */
  organisations: number;
  /** Organisation records: a shared body has one in every locality it serves. */
  organisationRecords: number;
  /** Generated shared bodies that sit on no board, so have no locality to be recorded in. */
  unplacedOrganisations: number;
  partnerships: number;
  themes: number;
  areas: number;
  memberships: number;
  auditEntries: number;
  plantedGroups: number;
  plantedPairs: number;
  hardNegatives: number;
  /** Closed partnerships written as active because an open sub-group sits beneath them. */
  reopened: number;
  /** Every row written, audit entries included. */
  rows: number;
}

export interface GenerateResult {
  counts: GenerateCounts;
  /** Milliseconds: generating in memory, writing (transaction to commit), both. */
  timings: { generateMs: number; writeMs: number; totalMs: number };
  localityCodes: string[];
  groundTruth: GroundTruth;
  /** The same truth in the independent benchmarks' format (references as `GSS/reference`). */
  benchmarkTruth: BenchmarkTruth;
}

/** Some of the localities a run would write already exist: nothing was written. */
export class LocalitiesExistError extends Error {
  constructor(readonly existing: Array<{ gss_code: string; name: string }>) {
    const listed = existing
      .slice(0, 5)
      .map((l) => `${l.gss_code} ${l.name}`)
      .join(', ');
    super(
      `Nothing was generated: ${existing.length} of the localities it would write already exist (${listed}${existing.length > 5 ? ', …' : ''}). ` +
        'Generated data only ever goes into new localities, so that it never mixes with other data: use an empty database (another JOINEDUP_DATA_DIR or DATABASE_URL).',
    );
    this.name = 'LocalitiesExistError';
  }
}

/**
 * `joinedup generate`: the synthetic national register, written straight to the database in one
 * transaction (all or nothing), with one audit entry per locality appended to the hash chain in
 * the same transaction. Row by row through the register service would take about an hour and a half at
 * 50,000 partnerships; the bulk loader takes seconds (see README.md for the figures).
 */
export class NationalService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly repository = new NationalRepository(),
  ) {}

  async generate(actor: Principal, options: GenerateOptions): Promise<GenerateResult> {
    if (!Number.isInteger(options.localities) || options.localities < 1 || options.localities > MAX_LOCALITIES) {
      throw new RangeError(`The number of localities must be from 1 to ${MAX_LOCALITIES}`);
    }
    const started = performance.now();
    // Refuse before spending any time: any locality in the generated range means data is already there.
    const candidates = candidateLocalityCodes(options.localities);
    const clash = await this.repository.existingLocalities(this.db, candidates);
    if (clash.length) throw new LocalitiesExistError(clash);
    await this.reference.ensureSeeded(this.db);

    const shares = {
      plantedShare: options.plantedShare ?? 0.03,
      hardNegativeShare: options.hardNegativeShare ?? 0.03,
      boilerplateShare: options.boilerplateShare ?? 0,
    };
    const data = generateNational({
      partnerships: options.partnerships,
      organisations: options.organisations,
      localities: options.localities,
      seed: options.seed,
      ...shares,
      onProgress: (done, total) => options.onProgress?.('generate', done, total),
    });
    const plan = planRegister(data, { seed: options.seed });
    await this.checkCodes(plan);
    const events = auditEvents(plan, { seed: options.seed, commandLine: options.commandLine });
    const truth = groundTruth(data, plan, { ...options, ...shares });
    const generated = performance.now();

    const total = rowCount(plan) + events.length;
    let done = 0;
    options.onProgress?.('write', 0, total);
    await this.db.transaction().execute(async (trx) => {
      const existing = await this.repository.existingLocalities(trx, candidates);
      if (existing.length) throw new LocalitiesExistError(existing);
      await this.repository.insertPlan(trx, plan, (rows) => options.onProgress?.('write', (done += rows), total));
      // Last, so the audit chain's lock is held only for the moment before the commit.
      await this.audit.recordMany(trx, actor, events);
      options.onProgress?.('write', (done += events.length), total);
    });
    await refreshStatistics(this.db);
    const written = performance.now();

    return {
      counts: {
        localities: plan.localities.length,
        organisations: plan.distinctOrganisations,
        organisationRecords: plan.organisations.length,
        unplacedOrganisations: plan.unplacedOrganisations,
        partnerships: plan.partnerships.length,
        themes: plan.themes.length,
        areas: plan.areas.length,
        memberships: plan.memberships.length,
        auditEntries: events.length,
        plantedGroups: truth.groups.length,
        plantedPairs: truth.pairs.length,
        hardNegatives: truth.hardNegatives.length,
        reopened: plan.reopened,
        rows: total,
      },
      timings: { generateMs: generated - started, writeMs: written - generated, totalMs: written - started },
      localityCodes: plan.localities.map((l) => l.gss_code),
      groundTruth: truth,
      benchmarkTruth: nationalBenchmarkTruth(truth),
    };
  }

  /** Every code written must be in the reference lists as they stand (an administrator may have retired one). */
  private async checkCodes(plan: RegisterPlan): Promise<void> {
    const snapshot = await this.reference.snapshot(this.db);
    const used: Array<[ReferenceList, Iterable<string | null>]> = [
      ['theme', new Set(plan.themes.map((t) => t.theme))],
      ['basis', new Set(plan.partnerships.map((p) => p.basis))],
      ['legal-form', new Set(plan.partnerships.map((p) => p.legal_form))],
      ['statutory-type', new Set(plan.partnerships.map((p) => p.statutory_type))],
      ['organisation-type', new Set(plan.organisations.map((o) => o.org_type))],
    ];
    const missing: string[] = [];
    for (const [list, codes] of used)
      for (const code of codes) if (code !== null && !snapshot.has(list, code)) missing.push(`${list} ${code}`);
    if (missing.length)
      throw new Error(
        `Nothing was generated: these codes are not active in the reference lists: ${missing.join(', ')}. Restore them (Reference lists page) and run again.`,
      );
  }
}
