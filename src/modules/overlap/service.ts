import type { Principal } from '../../core/actor.js';
import { NotFoundError } from '../../core/errors.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import { canReadRestricted, refuse } from '../accounts/policy.js';
import type { ReferenceService } from '../reference/service.js';
import { hasSeparateLegalStatus, type RegisterService } from '../register/service.js';
import { type OverlapAnalysis, analyseScope } from './analysis.js';
import { type CostRatesInput, DEFAULT_COST_RATES } from './costs.js';
import { buildIndex, checkOne, type OverlapIndex } from './engine.js';
import { OverlapRepository } from './repository.js';
import type { MatchExplanation, OrganisationRecord, PartnershipFeatures } from './types.js';
import {
  type ProposalMatch,
  type ProposedPartnership,
  matchProposal,
  proposalFeatures,
  proposalRunningCost,
} from './proposal-check.js';
import type { YearlyCost } from './costs.js';

/** A proposed partnership scored against existing ones, for the gatekeeper's pre-check. */
export interface ProposalCheck {
  local: ProposalMatch[];
  /** Similar partnerships in other localities; empty when not checked or still computing. */
  national: Array<ProposalMatch & { localityName: string }>;
  /** The national index is still being built: the national part will follow on a later look. */
  nationalPending: boolean;
  nationalChecked: boolean;
  runningCost: YearlyCost;
}

export interface LocalityAnalysis {
  locality: Locality;
  /** Every locality in the scope (one, for a locality's own analysis). */
  localities: Locality[];
  analysis: OverlapAnalysis;
  records: Map<string, PartnershipFeatures>;
  organisations: Map<string, OrganisationRecord>;
  /** True while a newer analysis is being computed because the register changed. */
  refreshing: boolean;
}

interface Entry {
  version: number;
  ratesKey: string;
  result: LocalityAnalysis;
  index: OverlapIndex;
}

const LOCALITIES_PER_QUERY = 10;

/** The first analysis of a wide scope takes seconds: a page waits this long, then says so instead. */
const FIRST_RESULT_WAIT_MS = 1500;

/** No result yet and the first one is still being computed: ask again in a moment. */
export class StillComputingError extends Error {
  constructor(readonly localities: number) {
    super(`The overlap analysis of ${localities} localities is being computed`);
    this.name = 'StillComputingError';
  }
}

/** A looser threshold for "similar partnerships" on a record: worth a look, not a duplicate. */
export const SIMILAR_THRESHOLD = 0.35;

/**
 * Overlap analysis of a locality's register. Results are kept with the register version they
 * were computed from; when the register changes, a page gets the last result at once (marked
 * as refreshing) while the new one is computed in the background, so no page waits on it.
 */
export class OverlapService {
  private readonly repository = new OverlapRepository();
  private readonly cache = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<Entry>>();

  constructor(
    private readonly db: Db,
    private readonly register: RegisterService,
    private readonly reference: ReferenceService,
  ) {}

  async analyse(principal: Principal, gssCode: string, rates: CostRatesInput = {}): Promise<LocalityAnalysis> {
    const locality = await this.register.locality(gssCode);
    // The analysis covers proposed partnerships, which only restricted readers may see.
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Page');
    const entry = await this.current([locality], rates);
    return entry.result;
  }

  /**
   * A region's or the whole country's analysis, over every locality in it the principal may
   * read: a Government Office adviser sees their region, a national gatekeeper every locality.
   * Pairs and groups may cross locality boundaries (a county-wide board and a district one).
   */
  async readableLocalities(principal: Principal): Promise<Locality[]> {
    return (await this.register.listLocalities()).filter((l) => canReadRestricted(principal, l));
  }

  async analyseWide(principal: Principal, region?: string, rates: CostRatesInput = {}): Promise<LocalityAnalysis> {
    const readable = (await this.readableLocalities(principal)).filter((l) => !region || l.region === region);
    if (readable.length === 0) refuse(principal, undefined, 'Page');
    const entry = await this.current(readable, rates);
    return entry.result;
  }

  async similarTo(
    principal: Principal,
    gssCode: string,
    partnershipId: string,
  ): Promise<{ matches: MatchExplanation[]; analysis: LocalityAnalysis } | undefined> {
    const locality = await this.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) return undefined;
    const entry = await this.current([locality], {});
    const record = entry.result.records.get(partnershipId);
    if (!record) return { matches: [], analysis: entry.result };
    return {
      matches: checkOne(record, entry.index, { threshold: SIMILAR_THRESHOLD, limit: 8 }),
      analysis: entry.result,
    };
  }

  async cluster(principal: Principal, gssCode: string, clusterId: string, rates: CostRatesInput = {}) {
    const result = await this.analyse(principal, gssCode, rates);
    const cluster = result.analysis.clusters.find((c) => c.id === clusterId);
    if (!cluster) throw new NotFoundError('Cluster');
    const inCluster = new Set(cluster.partnershipIds);
    return {
      ...result,
      cluster,
      pairs: result.analysis.pairs.filter((p) => inCluster.has(p.aId) && inCluster.has(p.bId)),
      candidates: result.analysis.candidates.filter((c) => c.clusterId === clusterId),
    };
  }

  /**
   * Scores a proposed partnership against the open partnerships of its locality and, unless
   * told not to, of every locality (members compared by identifier, as the wide analysis
   * does). The locality is read through the caller's transaction when there is one; the
   * national check then is skipped, as the kept national index reads outside it.
   */
  async checkProposal(
    locality: Locality,
    proposal: ProposedPartnership & { memberIdentifiers?: string[] },
    options: { trx?: Db; national?: boolean } = {},
  ): Promise<ProposalCheck> {
    const candidate = proposalFeatures(proposal);
    // The locality is read fresh (tens of milliseconds), never from a result still refreshing:
    // the proposer must explain exactly what the gatekeeper will see at submission.
    const local = await this.uncachedScope(options.trx ?? this.db, locality);
    const nameOf = (organisations: Map<string, OrganisationRecord>) => (id: string) =>
      organisations.get(id)?.name ?? id;
    const check: ProposalCheck = {
      local: matchProposal(
        candidate,
        local.index,
        { records: local.records, organisationName: nameOf(local.organisations) },
        { threshold: SIMILAR_THRESHOLD, limit: 8 },
      ),
      national: [],
      nationalPending: false,
      nationalChecked: false,
      runningCost: proposalRunningCost(proposal, local.organisations),
    };
    if (options.trx || options.national === false) return check;
    try {
      const wide = await this.current(await this.register.listLocalities(), {});
      const names = new Map(wide.result.localities.map((l) => [l.id, l.name]));
      const byIdentifier = {
        ...candidate,
        memberOrganisationIds: proposal.memberIdentifiers ?? candidate.memberOrganisationIds,
      };
      check.national = matchProposal(
        byIdentifier,
        wide.index,
        { records: wide.result.records, organisationName: nameOf(wide.result.organisations) },
        { threshold: SIMILAR_THRESHOLD, limit: 20 },
      )
        .filter((m) => m.localityId !== locality.id)
        .slice(0, 5)
        .map((m) => ({ ...m, localityName: names.get(m.localityId) ?? '' }));
      check.nationalChecked = true;
    } catch (error) {
      if (!(error instanceof StillComputingError)) throw error;
      check.nationalPending = true;
    }
    return check;
  }

  private async uncachedScope(db: Db, locality: Locality) {
    const snapshot = await this.reference.snapshot(db);
    const records = await this.repository.features(db, locality.id, (form) => hasSeparateLegalStatus(snapshot, form));
    const organisations = await this.repository.organisations(db, locality.id);
    return {
      index: buildIndex(records),
      records: new Map(records.map((r) => [r.id, r])),
      organisations: new Map(organisations.map((o) => [o.id, o])),
    };
  }

  private async current(localities: Locality[], rates: CostRatesInput): Promise<Entry> {
    const ids = localities.map((l) => l.id).sort();
    const key = `${ids.join(',')}:${JSON.stringify(rates)}`;
    const version = await this.repository.registerVersion(this.db, ids);
    const cached = this.cache.get(key);
    if (cached && cached.version === version) return { ...cached, result: { ...cached.result, refreshing: false } };
    const pending = this.running.get(key) ?? this.compute(localities, rates, version, key);
    if (cached) {
      // Show the last result now; the fresh one replaces it when ready.
      pending.catch(() => undefined);
      return { ...cached, result: { ...cached.result, refreshing: true } };
    }
    return firstResult(pending, localities.length);
  }

  private compute(localities: Locality[], rates: CostRatesInput, version: number, key: string): Promise<Entry> {
    const work = (async () => {
      const ids = localities.map((l) => l.id);
      const snapshot = await this.reference.snapshot(this.db);
      const wide = localities.length > 1;
      const records: PartnershipFeatures[] = [];
      // A few localities per query, letting other requests in between: on PGlite a query runs
      // on the main thread, so one query over the whole country would stall the server.
      for (let start = 0; start < ids.length; start += LOCALITIES_PER_QUERY) {
        records.push(
          ...(await this.repository.features(
            this.db,
            ids.slice(start, start + LOCALITIES_PER_QUERY),
            (form) => hasSeparateLegalStatus(snapshot, form),
            wide,
          )),
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
      const organisations = await this.repository.organisations(this.db, ids, wide);
      const analysis = analyseScope(records, organisations, { rates, perLocality: wide });
      const entry: Entry = {
        version,
        ratesKey: JSON.stringify(rates),
        index: buildIndex(records),
        result: {
          locality: localities[0] as Locality,
          localities,
          analysis,
          records: new Map(records.map((r) => [r.id, r])),
          organisations: new Map(organisations.map((o) => [o.id, o])),
          refreshing: false,
        },
      };
      this.cache.set(key, entry);
      return entry;
    })();
    this.running.set(key, work);
    const forget = () => {
      if (this.running.get(key) === work) this.running.delete(key);
    };
    work.then(forget, forget);
    return work;
  }
}

/** The first result if it comes quickly; otherwise StillComputingError, with the work going on. */
async function firstResult(pending: Promise<Entry>, localities: number): Promise<Entry> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StillComputingError(localities)), FIRST_RESULT_WAIT_MS);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

export { DEFAULT_COST_RATES };
