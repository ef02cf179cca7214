/**
 * Resources, funding and cost-benefit: what partners put into partnerships, the funds and pooled
 * budgets behind them, mainstream money mapped to outcomes, and each partnership's cost against
 * its recorded benefits. Rules are in rules.ts; this file checks who may do what, writes in one
 * transaction with its audit entry, and assembles what the pages and the API show.
 *
 * Who may do what:
 *  - a partner representative records contributions and budget lines for their own
 *    organisation only; the locality administrator (the LSP manager) for any organisation;
 *  - a partnership's secretary (or the administrator) confirms contributions to it and records
 *    its benefits; an edited contribution needs confirming again;
 *  - the administrator records funding streams and pooled budgets;
 *  - the public reads confirmed contributions, the totals and the verdicts; the restricted
 *    details (unconfirmed contributions, grade rates, notes, exit strategies, risk-share rules
 *    and each line's service) only readers of the locality's restricted material.
 */
import type { z } from 'zod';
import type { Principal } from '../../core/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { formatDate, todayInLondon } from '../../core/dates.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { CoreServices } from '../../core/services.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import { canAdministerLocality, canEditPartnership, canReadRestricted, refuse } from '../accounts/policy.js';
import type { RecordInput } from '../audit/service.js';
import { readTable } from '../performance/imports.js';
import type { WorkItem, WorkSource } from '../notifications/service.js';
import { type CostRates, resolveRates } from '../overlap/costs.js';
import type { Sector } from '../overlap/types.js';
import type { PerformanceService } from '../performance/service.js';
import { isPublished } from '../register/service.js';
import type { ReferenceSnapshot } from '../reference/service.js';
import {
  BUDGET_LINES,
  CONTRIBUTIONS,
  FUNDING_STREAMS,
  type ImportKind,
  type ImportNames,
  importTable,
  nameKey,
  recordEach,
} from './imports.js';
import {
  type BudgetLineRecord,
  type FundingStreamRecord,
  type PartnershipCostRow,
  type PooledBudgetRecord,
  ResourcesRepository,
} from './repository.js';
import {
  type CliffWindow,
  type ContributionKind,
  type CostBenefit,
  type OutcomeMoney,
  type ShareProblem,
  type BenefitKind,
  VERDICT_TEXT,
  addMonths,
  checkOutcomeShares,
  checkPooledShares,
  cliffWindow,
  contributionPence,
  costBenefit,
  financialYearBounds,
  financialYearLabel,
  financialYearOf,
  leagueOrder,
  moneyByOutcome,
  moneyByTheme,
  monthsUntil,
  remindersDue,
  splitPence,
} from './rules.js';
import {
  type BenefitRow,
  type ContributionInput,
  type ContributionRow,
  benefitInput,
  budgetLineInput,
  confirmInput,
  contributionInput,
  fundingStreamInput,
  fundingStreamRemoval,
  fundingStreamUpdate,
  type FundingStreamInput,
  type GradeRate,
  type PooledBudgetInput,
  type ResourceSettingsRow,
  benefitUpdate,
  budgetLineUpdate,
  pooledBudgetInput,
  pooledBudgetUpdate,
  resourceSettingsInput,
  versionInput,
} from './schema.js';

export interface WriteOptions {
  trx?: Db;
  /** Today's date (YYYY-MM-DD) for rules that depend on it; today in London by default. */
  today?: string;
}

type Entity = 'contribution' | 'funding-stream' | 'pooled-budget' | 'budget-line' | 'benefit' | 'resource-settings';

/** A locality's resources settings, or the defaults where it has set none. */
export interface ResourceSettings {
  startMonth: number;
  rates: CostRates;
  gradeRates: GradeRate[];
  /** The version read (0 when the locality has not set any). */
  version: number;
}

export function settingsOf(row: ResourceSettingsRow | undefined): ResourceSettings {
  if (!row) return { startMonth: 4, rates: resolveRates(), gradeRates: [], version: 0 };
  return {
    startMonth: row.financial_year_start_month,
    rates: resolveRates({
      hourlyPenceBySector: {
        public: row.public_rate_pence,
        private: row.private_rate_pence,
        voluntary: row.voluntary_rate_pence,
        community: row.community_rate_pence,
      },
      preparationHoursPerMeeting: row.preparation_hours,
    }),
    gradeRates: Array.isArray(row.grade_rates) ? row.grade_rates : [],
    version: row.version,
  };
}

export interface ResourcesContext {
  locality: Locality;
  restricted: boolean;
  canAdminister: boolean;
  /** The organisations this person may record contributions and budget lines for. */
  ownOrganisationIds: Set<string> | 'all';
  partnerships: PartnershipCostRow[];
  partnershipNames: Map<string, string>;
  organisations: Array<{ id: string; name: string; sector: Sector; identifier: string | null }>;
  organisationNames: Map<string, string>;
  year: number;
  /** A financial year's name as this locality's years run (financialYearLabel). */
  yearLabel: (year: number) => string;
  today: string;
  rates: CostRates;
  settings: ResourceSettings;
}

export interface ContributionView {
  row: ContributionRow;
  partnershipName: string;
  organisationName: string;
  valuePence: number;
  /** Whether this person may confirm it (it is unconfirmed and they are the partnership's secretary or the administrator). */
  canConfirm: boolean;
  /** Whether this person may change or remove it (their own organisation's, or any for the administrator). */
  canChange: boolean;
}

export interface CliffEdgeRow {
  stream: FundingStreamRecord;
  window: CliffWindow;
  monthsLeft: number;
  partnerships: Array<{ id: string; name: string }>;
  outcomes: Array<{ id: string; title: string }>;
  hasExitStrategy: boolean;
  accountableBodyName: string | null;
}

export interface CostBenefitRow {
  id: string;
  name: string;
  reference: string;
  result: CostBenefit;
  verdictText: string;
}

export interface OutcomeMoneyView extends OutcomeMoney {
  title: string;
  planTitle: string;
  themes: string[];
  status: string;
  partners: Array<{ key: string; name: string; pence: number }>;
}

/** Restricted fields blanked for readers who may not see them. */
function publicContribution(row: ContributionRow): ContributionRow {
  return { ...row, rate_pence: null, grade: null, description: null, entered_by: '', confirmed_by: null };
}

function invalid(field: string, problems: ShareProblem[]): ValidationError {
  return new ValidationError(
    problems.map((p) => ({ field: p.index === null ? field : `${field}.${p.index}.shareBp`, message: p.message })),
  );
}

export class ResourcesService implements WorkSource {
  readonly repository = new ResourcesRepository();

  constructor(private readonly core: CoreServices & { performance: PerformanceService }) {}

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.core.db.transaction().execute(work);
  }

  private audit(
    trx: Db,
    principal: Principal,
    entry: Omit<RecordInput, 'entityType' | 'action'> & {
      entityType: Entity;
      action: 'create' | 'update' | 'approve' | 'withdraw';
    },
  ): Promise<void> {
    return this.core.audit.record(trx, principal, entry);
  }

  // --- context ---------------------------------------------------------------------------------

  async context(
    principal: Principal,
    gssCode: string,
    options: { year?: number; today?: string; db?: Db } = {},
  ): Promise<ResourcesContext> {
    const db = options.db ?? this.core.db;
    const locality = await this.core.register.locality(gssCode, db);
    const restricted = canReadRestricted(principal, locality);
    const today = options.today ?? todayInLondon();
    const [all, organisations, settingsRow] = await Promise.all([
      this.repository.partnershipCosts(db, locality.id),
      this.repository.organisations(db, locality.id),
      this.repository.settings(db, locality.id),
    ]);
    const settings = settingsOf(settingsRow);
    const partnerships = restricted ? all : all.filter(isPublished);
    const canAdminister = canAdministerLocality(principal, locality);
    const own = new Set(
      principal.grants
        .filter((g) => g.role === 'partner-representative' && g.localityId === locality.id && g.organisationId)
        .map((g) => g.organisationId as string),
    );
    return {
      locality,
      restricted,
      canAdminister,
      ownOrganisationIds: canAdminister ? 'all' : principal.canWrite ? own : new Set(),
      partnerships,
      partnershipNames: new Map(partnerships.map((p) => [p.id, p.name])),
      organisations: organisations.map((o) => ({
        id: o.id,
        name: o.name,
        sector: o.sector as Sector,
        identifier: o.identifier,
      })),
      organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
      year: options.year ?? financialYearOf(today, settings.startMonth),
      yearLabel: (year: number) => financialYearLabel(year, settings.startMonth),
      today,
      rates: settings.rates,
      settings,
    };
  }

  /** Whether this person may record contributions (and budget lines) for the organisation. */
  mayActFor(ctx: Pick<ResourcesContext, 'ownOrganisationIds'>, organisationId: string): boolean {
    return ctx.ownOrganisationIds === 'all' || ctx.ownOrganisationIds.has(organisationId);
  }

  /** Whether this person may record anything at all here (for showing the "record" buttons). */
  mayRecord(ctx: Pick<ResourcesContext, 'ownOrganisationIds'>): boolean {
    return ctx.ownOrganisationIds === 'all' || ctx.ownOrganisationIds.size > 0;
  }

  // --- contributions -----------------------------------------------------------------------------

  private viewContribution(
    principal: Principal,
    ctx: ResourcesContext,
    row: ContributionRow,
  ): ContributionView | undefined {
    const partnershipName = ctx.partnershipNames.get(row.partnership_id);
    if (partnershipName === undefined) return undefined;
    if (!ctx.restricted && row.state !== 'confirmed') return undefined;
    const sector = ctx.organisations.find((o) => o.id === row.organisation_id)?.sector ?? 'public';
    return {
      row: ctx.restricted ? row : publicContribution(row),
      partnershipName,
      organisationName: ctx.organisationNames.get(row.organisation_id) ?? '',
      valuePence: contributionPence(
        {
          kind: row.kind as ContributionKind,
          amountPence: row.amount_pence,
          hours: row.hours,
          ratePence: row.rate_pence,
          sector,
        },
        ctx.rates,
      ),
      canConfirm: row.state === 'entered' && canEditPartnership(principal, ctx.locality, row.partnership_id),
      canChange: principal.canWrite && ctx.restricted && this.mayActFor(ctx, row.organisation_id),
    };
  }

  /** The locality's contributions for a year (the public sees confirmed ones only), by partnership. */
  async contributions(
    principal: Principal,
    gssCode: string,
    query: { year?: number; partnershipId?: string; today?: string } = {},
  ): Promise<ResourcesContext & { contributions: ContributionView[] }> {
    const ctx = await this.context(principal, gssCode, query);
    const rows = await this.repository.contributions(this.core.db, ctx.locality.id, {
      year: ctx.year,
      partnershipId: query.partnershipId,
    });
    const contributions = rows
      .map((row) => this.viewContribution(principal, ctx, row))
      .filter((v): v is ContributionView => !!v)
      .sort(
        (a, b) =>
          a.partnershipName.localeCompare(b.partnershipName, 'en-GB') ||
          a.organisationName.localeCompare(b.organisationName, 'en-GB'),
      );
    return { ...ctx, contributions };
  }

  async contribution(principal: Principal, gssCode: string, id: string): Promise<ContributionView> {
    const ctx = await this.context(principal, gssCode);
    const row = isUuid(id) ? await this.repository.contribution(this.core.db, ctx.locality.id, id) : undefined;
    const view = row && this.viewContribution(principal, ctx, row);
    if (!view) throw new NotFoundError('Contribution');
    return view;
  }

  /**
   * Records a contribution, awaiting the partnership secretary's confirmation. A partner
   * representative records for their own organisation only; the administrator for any.
   */
  async recordContribution(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ContributionRow> {
    const [row] = await this.recordContributions(principal, gssCode, [input], options);
    return row as ContributionRow;
  }

  /**
   * Records several contributions, all or none: every one is checked first, and any problem
   * names its row (`rows.3.amountPence`) and writes nothing. With `confirm`, someone who may
   * confirm them all (the administrator) records them confirmed; the secretaries of the
   * partnerships are told of those awaiting them, once per partnership.
   */
  async recordContributions(
    principal: Principal,
    gssCode: string,
    inputs: unknown[],
    options?: WriteOptions & { confirm?: boolean },
  ): Promise<ContributionRow[]> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      if (!principal.canWrite || !this.mayRecord(ctx)) refuse(principal, ctx.locality, 'Page');
      const partnershipIds = new Set(ctx.partnerships.map((p) => p.id));
      const prefix = (i: number) => (inputs.length === 1 ? '' : `rows.${i}.`);
      const errors: Array<{ field: string; message: string }> = [];
      const parsed: ContributionInput[] = [];
      inputs.forEach((input, i) => {
        try {
          const data = parseInput(contributionInput, input);
          if (!partnershipIds.has(data.partnershipId))
            errors.push({ field: `${prefix(i)}partnershipId`, message: 'Choose a partnership of this locality' });
          if (!ctx.organisationNames.has(data.organisationId))
            errors.push({ field: `${prefix(i)}organisationId`, message: 'Choose an organisation of this locality' });
          else if (!this.mayActFor(ctx, data.organisationId))
            errors.push({
              field: `${prefix(i)}organisationId`,
              message: 'You may record contributions for your own organisation only',
            });
          if (options?.confirm && !canEditPartnership(principal, ctx.locality, data.partnershipId))
            refuse(principal, ctx.locality, 'Partnership');
          const graded = this.withGrade(ctx, data);
          if (typeof graded === 'string') errors.push({ field: `${prefix(i)}grade`, message: graded });
          else parsed.push(graded);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          for (const e of error.errors) errors.push({ field: `${prefix(i)}${e.field}`, message: e.message });
        }
      });
      if (errors.length > 0) throw new ValidationError(errors);
      const rows: ContributionRow[] = [];
      for (const data of parsed) {
        const staff = data.kind === 'staff-time';
        rows.push(
          await this.repository.insertContribution(trx, {
            locality_id: ctx.locality.id,
            partnership_id: data.partnershipId,
            organisation_id: data.organisationId,
            financial_year: data.year,
            kind: data.kind,
            amount_pence: staff ? null : (data.amountPence ?? 0),
            hours: staff ? (data.hours ?? 0) : null,
            rate_pence: staff ? (data.ratePence ?? null) : null,
            grade: staff ? (data.grade ?? null) : null,
            description: data.description ?? null,
            state: options?.confirm ? 'confirmed' : 'entered',
            entered_by: principal.label,
            confirmed_by: options?.confirm ? principal.label : null,
            confirmed_at: options?.confirm ? new Date() : null,
          }),
        );
      }
      await this.core.audit.recordMany(
        trx,
        principal,
        rows.map((row) => ({
          localityId: ctx.locality.id,
          action: 'create' as const,
          entityType: 'contribution' as const,
          entityId: row.id,
          partnershipId: row.partnership_id,
          organisationId: row.organisation_id,
          summary: `Recorded a ${row.kind} contribution from ${ctx.organisationNames.get(row.organisation_id)} to ${ctx.partnershipNames.get(row.partnership_id)} for ${ctx.yearLabel(row.financial_year)}${row.state === 'confirmed' ? ', confirmed' : ', awaiting confirmation'}`,
          after: row,
        })),
      );
      const awaiting = new Map<string, ContributionRow>();
      for (const row of rows) if (row.state === 'entered') awaiting.set(row.partnership_id, row);
      for (const row of awaiting.values()) {
        const partnership = ctx.partnershipNames.get(row.partnership_id);
        await this.core.notifications.notify(
          {
            roles: [{ role: 'partnership-secretary', localityId: ctx.locality.id, partnershipId: row.partnership_id }],
            except: principal.userId,
            localityId: ctx.locality.id,
            subject: `A contribution to ${partnership} awaits confirmation`,
            body: `${principal.label} recorded a contribution from ${ctx.organisationNames.get(row.organisation_id)} to ${partnership} for ${ctx.yearLabel(row.financial_year)}. As the partnership's secretary, please check and confirm it.`,
            link: `/localities/${ctx.locality.gss_code}/resources/contributions?year=${ctx.yearLabel(row.financial_year)}`,
          },
          { trx },
        );
      }
      return rows;
    });
  }

  /**
   * Staff time costed at one of the locality's grade rates takes that grade's rate (unless a rate
   * is given) and keeps the grade's name as the locality spells it; a grade not in the list is a
   * message for the grade field.
   */
  private withGrade(ctx: ResourcesContext, data: ContributionInput): ContributionInput | string {
    if (!data.grade || data.kind !== 'staff-time') return { ...data, grade: undefined };
    const grade = ctx.settings.gradeRates.find((g) => g.grade.toLowerCase() === data.grade?.toLowerCase());
    if (!grade)
      return ctx.settings.gradeRates.length === 0
        ? 'This locality has no grade rates: give a rate per hour instead'
        : `Choose a grade from the locality’s grade rates: ${ctx.settings.gradeRates.map((g) => g.grade).join(', ')}`;
    return { ...data, grade: grade.grade, ratePence: data.ratePence ?? grade.ratePence };
  }

  /**
   * Imports a file of contributions (CSV or XLSX), all or nothing: partnerships and organisations
   * are found by name (or a partnership by its reference), each row goes through the same checks
   * as one recorded on the form, and any problem names its line and column and writes nothing.
   */
  importContributions(
    principal: Principal,
    gssCode: string,
    file: { name: string; content: Buffer },
    options?: WriteOptions,
  ): Promise<{ imported: number }> {
    return this.importFile(
      principal,
      gssCode,
      CONTRIBUTIONS,
      file,
      options,
      (ctx) => principal.canWrite && this.mayRecord(ctx),
      async (inputs, trx) =>
        (await this.recordContributions(principal, gssCode, inputs, { trx, today: options?.today })).length,
    );
  }

  /**
   * Imports a file of budget lines with their shares toward outcomes, all or nothing, by the
   * rules of the form: a partner's representative for their own organisation, the
   * administrator for any; a line's shares 100% or less.
   */
  importBudgetLines(
    principal: Principal,
    gssCode: string,
    file: { name: string; content: Buffer },
    options?: WriteOptions,
  ): Promise<{ imported: number }> {
    return this.importFile(
      principal,
      gssCode,
      BUDGET_LINES,
      file,
      options,
      (ctx) => principal.canWrite && this.mayRecord(ctx),
      (inputs, trx) => recordEach(inputs, (input) => this.createBudgetLine(principal, gssCode, input, { trx })),
    );
  }

  /** Imports a file of funding streams, all or nothing: the locality's administrator's, as on the form. */
  importFundingStreams(
    principal: Principal,
    gssCode: string,
    file: { name: string; content: Buffer },
    options?: WriteOptions,
  ): Promise<{ imported: number }> {
    return this.importFile(
      principal,
      gssCode,
      FUNDING_STREAMS,
      file,
      options,
      (ctx) => ctx.canAdminister,
      (inputs, trx) => recordEach(inputs, (input) => this.createFundingStream(principal, gssCode, input, { trx })),
    );
  }

  /**
   * Reads a file of a kind and records its rows in one transaction; someone who `may` not import
   * it is refused before the file's problems are shown to them.
   */
  private async importFile(
    principal: Principal,
    gssCode: string,
    kind: ImportKind,
    file: { name: string; content: Buffer },
    options: WriteOptions | undefined,
    may: (ctx: ResourcesContext) => boolean,
    record: (inputs: unknown[], trx: Db) => Promise<number>,
  ): Promise<{ imported: number }> {
    const table = await readTable(kind.columns, file.name, file.content);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      if (!may(ctx)) refuse(principal, ctx.locality, 'Page');
      const byName = (entries: Array<[string | null | undefined, string]>) =>
        new Map(entries.filter((e): e is [string, string] => !!e[0]).map(([name, id]) => [nameKey(name), id]));
      const funds = (await this.referenceLists(trx)).items('fund');
      const names: ImportNames = {
        localityName: ctx.locality.name,
        partnerships: byName(
          ctx.partnerships.flatMap(
            (p) =>
              [
                [p.reference, p.id],
                [p.name, p.id],
              ] as Array<[string | null, string]>,
          ),
        ),
        organisations: byName(ctx.organisations.map((o) => [o.name, o.id])),
        outcomes: byName((await this.outcomesOf(trx, ctx)).map((o) => [o.title, o.id])),
        funds: byName(
          funds.flatMap(
            (f) =>
              [
                [f.code, f.code],
                [f.label, f.code],
              ] as Array<[string, string]>,
          ),
        ),
      };
      return importTable(table, kind, names, (inputs) => record(inputs, trx));
    });
  }

  /** Changes a contribution; it then needs confirming again. */
  async updateContribution(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ContributionRow> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      const before = isUuid(id) ? await this.repository.contribution(trx, ctx.locality.id, id) : undefined;
      if (!before || !ctx.partnershipNames.has(before.partnership_id)) {
        if (!ctx.restricted) refuse(principal, ctx.locality, 'Contribution');
        throw new NotFoundError('Contribution');
      }
      if (!principal.canWrite || !this.mayActFor(ctx, before.organisation_id))
        refuse(principal, ctx.locality, 'Contribution');
      const parsed = parseInput(contributionInput, input);
      if (parsed.version === undefined) throw ValidationError.of('version', 'Give the version you read');
      const data = this.withGrade(ctx, parsed);
      if (typeof data === 'string') throw ValidationError.of('grade', data);
      if (!ctx.partnerships.some((p) => p.id === data.partnershipId))
        throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
      if (!this.mayActFor(ctx, data.organisationId) || !ctx.organisationNames.has(data.organisationId))
        throw ValidationError.of('organisationId', 'You may record contributions for your own organisation only');
      const staff = data.kind === 'staff-time';
      const after = await this.repository.updateContribution(trx, before.id, parsed.version, {
        partnership_id: data.partnershipId,
        organisation_id: data.organisationId,
        financial_year: data.year,
        kind: data.kind,
        amount_pence: staff ? null : (data.amountPence ?? 0),
        hours: staff ? (data.hours ?? 0) : null,
        rate_pence: staff ? (data.ratePence ?? null) : null,
        grade: staff ? (data.grade ?? null) : null,
        description: data.description ?? null,
        state: 'entered',
        confirmed_by: null,
        confirmed_at: null,
      });
      if (!after) throw new ConflictError('Someone changed this contribution since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'contribution',
        entityId: after.id,
        partnershipId: after.partnership_id,
        organisationId: after.organisation_id,
        summary: `Changed the contribution from ${ctx.organisationNames.get(after.organisation_id)} to ${ctx.partnershipNames.get(after.partnership_id)}; it awaits confirmation again`,
        before,
        after,
      });
      return after;
    });
  }

  /** A contribution this person may change or remove: their own organisation's, or any for the administrator. */
  async contributionToChange(principal: Principal, gssCode: string, id: string, db: Db = this.core.db) {
    const ctx = await this.context(principal, gssCode, { db });
    const before = isUuid(id) ? await this.repository.contribution(db, ctx.locality.id, id) : undefined;
    if (!before || !ctx.partnershipNames.has(before.partnership_id)) {
      if (!ctx.restricted) refuse(principal, ctx.locality, 'Contribution');
      throw new NotFoundError('Contribution');
    }
    if (!principal.canWrite || !this.mayActFor(ctx, before.organisation_id))
      refuse(principal, ctx.locality, 'Contribution');
    return { ctx, before };
  }

  /** Removes a contribution recorded in error, as read at its version; the audit trail keeps what it was. */
  async removeContribution(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<void> {
    await this.write(options, async (trx) => {
      const { ctx, before } = await this.contributionToChange(principal, gssCode, id, trx);
      const { version } = parseInput(versionInput, input);
      if (!(await this.repository.deleteContribution(trx, before.id, version)))
        throw new ConflictError('Someone changed this contribution since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'withdraw',
        entityType: 'contribution',
        entityId: before.id,
        partnershipId: before.partnership_id,
        organisationId: before.organisation_id,
        summary: `Removed the contribution from ${ctx.organisationNames.get(before.organisation_id)} to ${ctx.partnershipNames.get(before.partnership_id)} for ${ctx.yearLabel(before.financial_year)}`,
        before,
      });
    });
  }

  /** The partnership's secretary (or the administrator) confirms a contribution as right. */
  async confirmContribution(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ContributionRow> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      const before = isUuid(id) ? await this.repository.contribution(trx, ctx.locality.id, id) : undefined;
      if (!before || (!ctx.restricted && before.state !== 'confirmed')) {
        if (!ctx.restricted) refuse(principal, ctx.locality, 'Contribution');
        throw new NotFoundError('Contribution');
      }
      if (!canEditPartnership(principal, ctx.locality, before.partnership_id))
        refuse(principal, ctx.locality, 'Contribution');
      const { version } = parseInput(confirmInput, input);
      if (before.state === 'confirmed') throw new ConflictError('This contribution is already confirmed');
      const after = await this.repository.updateContribution(trx, before.id, version, {
        state: 'confirmed',
        confirmed_by: principal.label,
        confirmed_at: new Date(),
      });
      if (!after) throw new ConflictError('Someone changed this contribution since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'approve',
        entityType: 'contribution',
        entityId: after.id,
        partnershipId: after.partnership_id,
        organisationId: after.organisation_id,
        summary: `Confirmed the contribution from ${ctx.organisationNames.get(after.organisation_id)} to ${ctx.partnershipNames.get(after.partnership_id)} for ${ctx.yearLabel(after.financial_year)}`,
        before,
        after,
      });
      return after;
    });
  }

  // --- funding streams and the cliff edge ----------------------------------------------------------

  async fundingStreams(
    principal: Principal,
    gssCode: string,
    options: { today?: string } = {},
  ): Promise<ResourcesContext & { streams: FundingStreamRecord[] }> {
    const ctx = await this.context(principal, gssCode, options);
    const streams = (await this.repository.fundingStreams(this.core.db, ctx.locality.id)).map((s) =>
      this.visibleStream(ctx, s),
    );
    return { ...ctx, streams };
  }

  private visibleStream(ctx: ResourcesContext, s: FundingStreamRecord): FundingStreamRecord {
    const partnershipIds = s.partnershipIds.filter((id) => ctx.partnershipNames.has(id));
    if (ctx.restricted) return { ...s, partnershipIds };
    // The public learns whether there is an exit strategy, not what it says.
    return { ...s, partnershipIds, exit_strategy: s.exit_strategy ? '' : null, remindersSent: [] };
  }

  async createFundingStream(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<FundingStreamRecord> {
    return this.write(options, async (trx) => {
      const locality = await this.core.register.locality(gssCode, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
      const data = parseInput(fundingStreamInput, input);
      const fund = await this.listed(trx, 'fund', data.fundCode, 'fundCode', 'Choose the fund from the list');
      const ctx = await this.context(principal, gssCode, { db: trx });
      await this.checkReferences(trx, ctx, {
        partnershipIds: data.partnershipIds,
        outcomeIds: data.outcomeIds,
        organisationId: data.accountableBodyId,
        organisationField: 'accountableBodyId',
      });
      const stream = await this.repository.insertFundingStream(
        trx,
        { locality_id: locality.id, ...streamRow(data, fund) },
        [...new Set(data.partnershipIds)],
        [...new Set(data.outcomeIds)],
      );
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'create',
        entityType: 'funding-stream',
        entityId: stream.id,
        summary: `Recorded the funding stream ${stream.name}, ending ${formatDate(stream.ends_on)}`,
        after: stream,
      });
      return stream;
    });
  }

  /**
   * Changes a funding stream, as read at its version: the locality's administrator corrects
   * it or records an extension. A stream whose end date moves is reminded of again.
   */
  async updateFundingStream(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<FundingStreamRecord> {
    return this.write(options, async (trx) => {
      const { locality, before } = await this.administeredStream(trx, principal, gssCode, id);
      const data = parseInput(fundingStreamUpdate, input);
      const fund = await this.listed(
        trx,
        'fund',
        data.fundCode,
        'fundCode',
        'Choose the fund from the list',
        before.fund_code,
      );
      const ctx = await this.context(principal, gssCode, { db: trx });
      await this.checkReferences(trx, ctx, {
        partnershipIds: data.partnershipIds,
        outcomeIds: data.outcomeIds,
        organisationId: data.accountableBodyId,
        organisationField: 'accountableBodyId',
      });
      const after = await this.repository.updateFundingStream(trx, before.id, data.version, streamRow(data, fund), {
        partnershipIds: [...new Set(data.partnershipIds)],
        outcomeIds: [...new Set(data.outcomeIds)],
        forgetReminders: data.endsOn !== before.ends_on,
      });
      if (!after) throw new ConflictError('Someone changed this funding stream since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'funding-stream',
        entityId: after.id,
        summary: `Changed the funding stream ${after.name}, ending ${formatDate(after.ends_on)}`,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a funding stream recorded in error, as read at its version; the audit trail keeps what it was. */
  async removeFundingStream(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<void> {
    await this.write(options, async (trx) => {
      const { locality, before } = await this.administeredStream(trx, principal, gssCode, id);
      const { version } = parseInput(fundingStreamRemoval, input);
      if (!(await this.repository.deleteFundingStream(trx, before.id, version)))
        throw new ConflictError('Someone changed this funding stream since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'withdraw',
        entityType: 'funding-stream',
        entityId: before.id,
        summary: `Removed the funding stream ${before.name}`,
        before,
      });
    });
  }

  /** A funding stream for the locality's administrator to change; not found for anyone else who may read it. */
  async fundingStream(principal: Principal, gssCode: string, id: string): Promise<FundingStreamRecord> {
    return (await this.administeredStream(this.core.db, principal, gssCode, id)).before;
  }

  private async administeredStream(db: Db, principal: Principal, gssCode: string, id: string) {
    const locality = await this.core.register.locality(gssCode, db);
    if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Funding stream');
    const before = isUuid(id) ? await this.repository.fundingStream(db, locality.id, id) : undefined;
    if (!before) throw new NotFoundError('Funding stream');
    return { locality, before };
  }

  /** The reference lists resources names (the funds, the legal bases), as the system administrator keeps them. */
  referenceLists(db: Db = this.core.db): Promise<ReferenceSnapshot> {
    return this.core.reference.snapshot(db);
  }

  /**
   * The entry of an administrator-edited reference list a code names: an active one, or the
   * record's own (`current`) even once retired, so an old record can still be corrected.
   */
  private async listed(
    db: Db,
    list: 'fund' | 'legal-basis',
    code: string,
    field: string,
    message: string,
    current?: string,
  ) {
    const snapshot = await this.core.reference.snapshot(db);
    if (!snapshot.has(list, code) && code !== current) throw ValidationError.of(field, message);
    return snapshot.find(list, code);
  }

  /** Partnerships, outcomes and organisations named by an input must be this locality's. */
  private async checkReferences(
    trx: Db,
    ctx: ResourcesContext,
    refs: {
      partnershipIds?: string[];
      outcomeIds?: string[];
      organisationId?: string;
      organisationField?: string;
      organisationIds?: string[];
    },
  ): Promise<void> {
    const errors: Array<{ field: string; message: string }> = [];
    const partnershipIds = new Set(ctx.partnerships.map((p) => p.id));
    refs.partnershipIds?.forEach((id, i) => {
      if (!partnershipIds.has(id))
        errors.push({ field: `partnershipIds.${i}`, message: 'Choose partnerships of this locality' });
    });
    if (refs.outcomeIds && refs.outcomeIds.length > 0) {
      const known = new Set((await this.outcomesOf(trx, ctx)).map((o) => o.id));
      refs.outcomeIds.forEach((id, i) => {
        if (!known.has(id)) errors.push({ field: `outcomeIds.${i}`, message: 'Choose outcomes of this locality' });
      });
    }
    if (refs.organisationId && !ctx.organisationNames.has(refs.organisationId))
      errors.push({
        field: refs.organisationField ?? 'organisationId',
        message: 'Choose an organisation of this locality',
      });
    refs.organisationIds?.forEach((id, i) => {
      if (!ctx.organisationNames.has(id))
        errors.push({ field: `contributors.${i}.organisationId`, message: 'Choose organisations of this locality' });
    });
    if (errors.length > 0) throw new ValidationError(errors);
  }

  private async outcomesOf(db: Db, ctx: ResourcesContext) {
    return db
      .selectFrom('outcomes')
      .select(['id', 'title', 'status'])
      .where('locality_id', '=', ctx.locality.id)
      .where('status', '=', 'active')
      .execute();
  }

  /**
   * Funding that ends within the next 24 months, in windows of 6, 12 and 24, with the
   * partnerships and outcomes that depend on it and whether it has an exit strategy.
   */
  async cliffEdge(
    principal: Principal,
    gssCode: string,
    options: { today?: string } = {},
  ): Promise<ResourcesContext & { rows: CliffEdgeRow[]; counts: Record<CliffWindow, number> }> {
    const { streams, ...ctx } = await this.fundingStreams(principal, gssCode, options);
    const outcomeTitles = new Map((await this.visibleOutcomes(principal, ctx)).map((o) => [o.id, o.title]));
    const rows: CliffEdgeRow[] = [];
    for (const stream of streams) {
      const window = cliffWindow(ctx.today, stream.ends_on);
      if (window === null) continue;
      rows.push({
        stream,
        window,
        monthsLeft: monthsUntil(ctx.today, stream.ends_on),
        partnerships: stream.partnershipIds.map((id) => ({ id, name: ctx.partnershipNames.get(id) ?? '' })),
        outcomes: stream.outcomeIds
          .filter((id) => outcomeTitles.has(id))
          .map((id) => ({ id, title: outcomeTitles.get(id) ?? '' })),
        hasExitStrategy: stream.exit_strategy !== null,
        accountableBodyName: stream.accountable_body_id
          ? (ctx.organisationNames.get(stream.accountable_body_id) ?? null)
          : null,
      });
    }
    const counts = { 6: 0, 12: 0, 24: 0 } as Record<CliffWindow, number>;
    for (const row of rows) counts[row.window]++;
    return { ...ctx, rows, counts };
  }

  /**
   * Sends the reminders due today: 12 and 6 months before a funding stream ends, to the
   * secretaries of the partnerships that depend on it and to the locality's administrator (the
   * LSP manager). Each is sent once (recorded in the same transaction as its notice), so the
   * sweep may run as often as wanted. Returns the reminders sent.
   */
  async sendFundingReminders(today: string = todayInLondon()): Promise<Array<{ streamId: string; months: number }>> {
    const due = await this.repository.endingBetween(this.core.db, today, addMonths(today, 12));
    const sent: Array<{ streamId: string; months: number }> = [];
    for (const { id, locality_id } of due) {
      await this.core.db.transaction().execute(async (trx) => {
        const locality = await this.repository.locality(trx, locality_id);
        if (!locality) return;
        const stream = (await this.repository.fundingStreams(trx, locality_id)).find((s) => s.id === id);
        if (!stream) return;
        const { send, mark } = remindersDue(today, stream.ends_on, stream.remindersSent);
        if (send === null) return;
        if (!(await this.repository.markReminders(trx, stream.id, mark))) return;
        const names = await this.core.register.partnerships.names(trx, stream.partnershipIds);
        const dependants = [...names.values()];
        const months = monthsUntil(today, stream.ends_on);
        await this.core.notifications.notify(
          {
            roles: [
              { role: 'locality-admin', localityId: locality.id },
              ...stream.partnershipIds.map((partnershipId) => ({
                role: 'partnership-secretary' as const,
                localityId: locality.id,
                partnershipId,
              })),
            ],
            localityId: locality.id,
            subject: `${stream.name} ends in ${months === 1 ? '1 month' : `${months} months`}`,
            body: [
              `${stream.name} (${stream.funder || 'funder not recorded'}) ends on ${formatDate(stream.ends_on)}: this is the ${send}-month reminder.`,
              dependants.length > 0
                ? `Partnerships that depend on it: ${dependants.join(', ')}.`
                : 'No partnership is recorded as depending on it.',
              stream.exit_strategy
                ? 'An exit strategy is recorded: check it is still right.'
                : 'No exit or succession strategy is recorded: agree one before the money ends.',
            ].join('\n\n'),
            link: `/localities/${locality.gss_code}/resources/funding`,
          },
          { trx },
        );
        sent.push({ streamId: stream.id, months: send });
      });
    }
    if (sent.length > 0) await this.core.notifications.deliverPending();
    return sent;
  }

  /** Funding ending within six months with no exit strategy waits on the LSP manager and the secretaries. */
  async workFor(principal: Principal, now: Date): Promise<WorkItem[]> {
    if (!principal.canWrite || principal.kind === 'public') return [];
    const today = todayInLondon(now);
    const items: WorkItem[] = [];
    const localityIds = new Set(
      principal.grants
        .filter((g) => g.role === 'locality-admin' || g.role === 'partnership-secretary')
        .map((g) => g.localityId)
        .filter((id): id is string => !!id),
    );
    for (const localityId of localityIds) {
      const locality = await this.repository.locality(this.core.db, localityId);
      if (!locality) continue;
      const admin = canAdministerLocality(principal, locality);
      for (const stream of await this.repository.fundingStreams(this.core.db, localityId)) {
        if (stream.exit_strategy || cliffWindow(today, stream.ends_on) !== 6) continue;
        if (!admin && !stream.partnershipIds.some((id) => canEditPartnership(principal, locality, id))) continue;
        items.push({
          kind: 'action',
          title: `Agree an exit strategy for ${stream.name}`,
          detail: `It ends on ${formatDate(stream.ends_on)} and no exit or succession strategy is recorded.`,
          link: `/localities/${locality.gss_code}/resources/funding`,
          localityName: locality.name,
          overdue: false,
          due: new Date(`${stream.ends_on}T00:00:00Z`),
        });
      }
    }
    return items;
  }

  /**
   * What the 360Giving export of the locality's funding flows is made from, as this person may
   * see them: the funding streams and pooled budgets, the organisations with their org-ids, the
   * fund list, and the locality's own identifier prefix (null until it sets one).
   */
  async fundingFlows(principal: Principal, gssCode: string) {
    const [{ streams, ...ctx }, { budgets }, lists] = await Promise.all([
      this.fundingStreams(principal, gssCode),
      this.pooledBudgets(principal, gssCode),
      this.referenceLists(),
    ]);
    const prefix = await this.repository.threeSixtyPrefix(this.core.db, ctx.locality.id);
    return { locality: ctx.locality, organisations: ctx.organisations, prefix, streams, budgets, lists };
  }

  // --- pooled budgets --------------------------------------------------------------------------------

  async pooledBudgets(
    principal: Principal,
    gssCode: string,
  ): Promise<ResourcesContext & { budgets: Array<PooledBudgetRecord & { amounts: number[] }> }> {
    const ctx = await this.context(principal, gssCode);
    const budgets = (await this.repository.pooledBudgets(this.core.db, ctx.locality.id)).map((b) => ({
      ...b,
      risk_share: ctx.restricted ? b.risk_share : null,
      amounts: splitPence(
        b.amount_per_year_pence,
        b.contributors.map((c) => c.shareBp),
      ),
    }));
    return { ...ctx, budgets };
  }

  /** Checks a pooled budget's input: shares, outcomes and the organisations and partnership named. */
  private async checkedPooled(
    trx: Db,
    principal: Principal,
    gssCode: string,
    data: PooledBudgetInput,
    current?: string,
  ) {
    await this.listed(
      trx,
      'legal-basis',
      data.legalBasis,
      'legalBasis',
      'Choose the legal basis from the list',
      current,
    );
    const shareProblems = checkPooledShares(data.contributors);
    if (shareProblems.length > 0) throw invalid('contributors', shareProblems);
    const outcomeProblems = checkOutcomeShares(data.outcomes);
    if (outcomeProblems.length > 0) throw invalid('outcomes', outcomeProblems);
    const ctx = await this.context(principal, gssCode, { db: trx });
    await this.checkReferences(trx, ctx, {
      partnershipIds: data.governingPartnershipId ? [data.governingPartnershipId] : [],
      outcomeIds: data.outcomes.map((o) => o.outcomeId),
      organisationId: data.hostOrganisationId,
      organisationField: 'hostOrganisationId',
      organisationIds: data.contributors.map((c) => c.organisationId),
    });
    return {
      name: data.name,
      legal_basis: data.legalBasis,
      host_organisation_id: data.hostOrganisationId,
      governing_partnership_id: data.governingPartnershipId ?? null,
      risk_share: data.riskShare ?? null,
      amount_per_year_pence: data.amountPerYearPence,
      starts_on: data.startsOn,
      ends_on: data.endsOn ?? null,
    };
  }

  async createPooledBudget(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<PooledBudgetRecord> {
    return this.write(options, async (trx) => {
      const locality = await this.core.register.locality(gssCode, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
      const data = parseInput(pooledBudgetInput, input);
      const row = await this.checkedPooled(trx, principal, gssCode, data);
      const budget = await this.repository.insertPooledBudget(
        trx,
        { locality_id: locality.id, ...row },
        data.contributors,
        data.outcomes,
      );
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'create',
        entityType: 'pooled-budget',
        entityId: budget.id,
        partnershipId: budget.governing_partnership_id,
        summary: `Recorded the ${(await this.core.reference.snapshot(trx)).label('legal-basis', budget.legal_basis)} arrangement ${budget.name}`,
        after: budget,
      });
      return budget;
    });
  }

  /** A pooled budget for the locality's administrator to change; not found for anyone else who may read it. */
  async pooledBudget(principal: Principal, gssCode: string, id: string, db: Db = this.core.db) {
    const locality = await this.core.register.locality(gssCode, db);
    if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Pooled budget');
    const before = isUuid(id) ? await this.repository.pooledBudget(db, locality.id, id) : undefined;
    if (!before) throw new NotFoundError('Pooled budget');
    return { locality, before };
  }

  /** Changes a pooled budget as read at its version: its terms, contributors' shares and outcomes. */
  async updatePooledBudget(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<PooledBudgetRecord> {
    return this.write(options, async (trx) => {
      const { locality, before } = await this.pooledBudget(principal, gssCode, id, trx);
      const data = parseInput(pooledBudgetUpdate, input);
      const row = await this.checkedPooled(trx, principal, gssCode, data, before.legal_basis);
      const after = await this.repository.updatePooledBudget(
        trx,
        before.id,
        data.version,
        row,
        data.contributors,
        data.outcomes,
      );
      if (!after) throw new ConflictError('Someone changed this pooled budget since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'pooled-budget',
        entityId: after.id,
        partnershipId: after.governing_partnership_id,
        summary: `Changed the pooled budget ${after.name}`,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a pooled budget recorded in error, as read at its version; the audit trail keeps what it was. */
  async removePooledBudget(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<void> {
    await this.write(options, async (trx) => {
      const { locality, before } = await this.pooledBudget(principal, gssCode, id, trx);
      const { version } = parseInput(versionInput, input);
      if (!(await this.repository.deletePooledBudget(trx, before.id, version)))
        throw new ConflictError('Someone changed this pooled budget since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'withdraw',
        entityType: 'pooled-budget',
        entityId: before.id,
        partnershipId: before.governing_partnership_id,
        summary: `Removed the pooled budget ${before.name}`,
        before,
      });
    });
  }

  // --- budget lines ----------------------------------------------------------------------------------

  async budgetLines(
    principal: Principal,
    gssCode: string,
    options: { year?: number } = {},
  ): Promise<ResourcesContext & { lines: BudgetLineRecord[] }> {
    const ctx = await this.context(principal, gssCode, options);
    const lines = await this.repository.budgetLines(this.core.db, ctx.locality.id, [ctx.year]);
    // The public sees each partner's money by outcome, not the services it is spent on.
    return { ...ctx, lines: ctx.restricted ? lines : lines.map((l) => ({ ...l, service: '' })) };
  }

  async createBudgetLine(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<BudgetLineRecord> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      if (!principal.canWrite || !this.mayRecord(ctx)) refuse(principal, ctx.locality, 'Page');
      const data = parseInput(budgetLineInput, input);
      const problems = checkOutcomeShares(data.outcomes);
      if (problems.length > 0) throw invalid('outcomes', problems);
      await this.checkReferences(trx, ctx, {
        outcomeIds: data.outcomes.map((o) => o.outcomeId),
        organisationId: data.organisationId,
      });
      if (!this.mayActFor(ctx, data.organisationId))
        throw ValidationError.of('organisationId', 'You may record budget lines for your own organisation only');
      const line = await this.repository.insertBudgetLine(
        trx,
        {
          locality_id: ctx.locality.id,
          organisation_id: data.organisationId,
          service: data.service,
          financial_year: data.year,
          amount_pence: data.amountPence,
        },
        data.outcomes,
      );
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'budget-line',
        entityId: line.id,
        organisationId: line.organisation_id,
        summary: `Recorded the budget line ${line.service} of ${ctx.organisationNames.get(line.organisation_id)} for ${ctx.yearLabel(line.financial_year)}`,
        after: line,
      });
      return line;
    });
  }

  /** A budget line this person may change: their own organisation's, or any for the administrator. */
  async budgetLine(principal: Principal, gssCode: string, id: string, db: Db = this.core.db) {
    const ctx = await this.context(principal, gssCode, { db });
    const before = isUuid(id) ? await this.repository.budgetLine(db, ctx.locality.id, id) : undefined;
    if (!before) throw new NotFoundError('Budget line');
    if (!principal.canWrite || !this.mayActFor(ctx, before.organisation_id))
      refuse(principal, ctx.locality, 'Budget line');
    return { ctx, before };
  }

  /** Changes a budget line as read at its version, its outcome shares with it. */
  async updateBudgetLine(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<BudgetLineRecord> {
    return this.write(options, async (trx) => {
      const { ctx, before } = await this.budgetLine(principal, gssCode, id, trx);
      const data = parseInput(budgetLineUpdate, input);
      const problems = checkOutcomeShares(data.outcomes);
      if (problems.length > 0) throw invalid('outcomes', problems);
      await this.checkReferences(trx, ctx, {
        outcomeIds: data.outcomes.map((o) => o.outcomeId),
        organisationId: data.organisationId,
      });
      if (!this.mayActFor(ctx, data.organisationId))
        throw ValidationError.of('organisationId', 'You may record budget lines for your own organisation only');
      const after = await this.repository.updateBudgetLine(
        trx,
        before.id,
        data.version,
        {
          organisation_id: data.organisationId,
          service: data.service,
          financial_year: data.year,
          amount_pence: data.amountPence,
        },
        data.outcomes,
      );
      if (!after) throw new ConflictError('Someone changed this budget line since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'budget-line',
        entityId: after.id,
        organisationId: after.organisation_id,
        summary: `Changed the budget line ${after.service} of ${ctx.organisationNames.get(after.organisation_id)} for ${ctx.yearLabel(after.financial_year)}`,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a budget line recorded in error, as read at its version. */
  async removeBudgetLine(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<void> {
    await this.write(options, async (trx) => {
      const { ctx, before } = await this.budgetLine(principal, gssCode, id, trx);
      const { version } = parseInput(versionInput, input);
      if (!(await this.repository.deleteBudgetLine(trx, before.id, version)))
        throw new ConflictError('Someone changed this budget line since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'withdraw',
        entityType: 'budget-line',
        entityId: before.id,
        organisationId: before.organisation_id,
        summary: `Removed the budget line ${before.service} of ${ctx.organisationNames.get(before.organisation_id)} for ${ctx.yearLabel(before.financial_year)}`,
        before,
      });
    });
  }

  // --- benefits ---------------------------------------------------------------------------------------

  async recordBenefit(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<BenefitRow> {
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      const data = parseInput(benefitInput, input);
      if (!ctx.partnerships.some((p) => p.id === data.partnershipId)) {
        if (!ctx.restricted) refuse(principal, ctx.locality, 'Partnership');
        throw ValidationError.of('partnershipId', 'Choose a partnership of this locality');
      }
      if (!canEditPartnership(principal, ctx.locality, data.partnershipId))
        refuse(principal, ctx.locality, 'Partnership');
      const row = await this.repository.insertBenefit(trx, {
        locality_id: ctx.locality.id,
        ...(await this.benefitRow(trx, ctx, data)),
        entered_by: principal.label,
      });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'create',
        entityType: 'benefit',
        entityId: row.id,
        partnershipId: row.partnership_id,
        summary: `Recorded a benefit of ${ctx.partnershipNames.get(row.partnership_id)} for ${ctx.yearLabel(row.financial_year)}: ${row.title}`,
        after: row,
      });
      return row;
    });
  }

  /** A benefit's columns from its input, its indicator checked against the locality's library. */
  private async benefitRow(trx: Db, ctx: ResourcesContext, data: z.output<typeof benefitInput>) {
    if (data.indicatorId) {
      const known = await this.core.performance.indicatorsByCode(trx, ctx.locality.id);
      if (![...known.values()].some((i) => i.id === data.indicatorId))
        throw ValidationError.of('indicatorId', 'Choose an indicator from the library');
    }
    const qualitative = data.kind === 'qualitative';
    return {
      partnership_id: data.partnershipId,
      financial_year: data.year,
      kind: data.kind,
      title: data.title,
      value_pence: qualitative ? null : (data.valuePence ?? 0),
      attribution_bp: data.kind === 'indicator' ? (data.attributionBp ?? null) : null,
      indicator_id: data.kind === 'indicator' ? (data.indicatorId ?? null) : null,
      evidence: data.evidence,
      confidence: data.confidence,
    };
  }

  /** A benefit its partnership's secretary (or the administrator) may change. */
  async benefit(principal: Principal, gssCode: string, id: string, db: Db = this.core.db) {
    const ctx = await this.context(principal, gssCode, { db });
    const before = isUuid(id) ? await this.repository.benefit(db, ctx.locality.id, id) : undefined;
    if (!before || !ctx.partnershipNames.has(before.partnership_id)) throw new NotFoundError('Benefit');
    if (!canEditPartnership(principal, ctx.locality, before.partnership_id)) refuse(principal, ctx.locality, 'Benefit');
    return { ctx, before };
  }

  /** Changes a benefit as read at its version; it stays with its partnership. */
  async updateBenefit(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<BenefitRow> {
    return this.write(options, async (trx) => {
      const { ctx, before } = await this.benefit(principal, gssCode, id, trx);
      const data = parseInput(benefitUpdate, input);
      if (data.partnershipId !== before.partnership_id)
        throw ValidationError.of('partnershipId', 'A benefit stays with its partnership: record it again for another');
      const after = await this.repository.updateBenefit(
        trx,
        before.id,
        data.version,
        await this.benefitRow(trx, ctx, data),
      );
      if (!after) throw new ConflictError('Someone changed this benefit since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'update',
        entityType: 'benefit',
        entityId: after.id,
        partnershipId: after.partnership_id,
        summary: `Changed a benefit of ${ctx.partnershipNames.get(after.partnership_id)} for ${ctx.yearLabel(after.financial_year)}: ${after.title}`,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a benefit recorded in error, as read at its version. */
  async removeBenefit(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<void> {
    await this.write(options, async (trx) => {
      const { ctx, before } = await this.benefit(principal, gssCode, id, trx);
      const { version } = parseInput(versionInput, input);
      if (!(await this.repository.deleteBenefit(trx, before.id, version)))
        throw new ConflictError('Someone changed this benefit since you read it: read it again');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        action: 'withdraw',
        entityType: 'benefit',
        entityId: before.id,
        partnershipId: before.partnership_id,
        summary: `Removed a benefit of ${ctx.partnershipNames.get(before.partnership_id)} for ${ctx.yearLabel(before.financial_year)}: ${before.title}`,
        before,
      });
    });
  }

  // --- settings ------------------------------------------------------------------------------------

  /** The locality's resources settings, for its administrator. */
  async settings(principal: Principal, gssCode: string): Promise<ResourcesContext> {
    const ctx = await this.context(principal, gssCode);
    if (!ctx.canAdminister) refuse(principal, ctx.locality, 'Page');
    return ctx;
  }

  /**
   * The locality's administrator sets the month its financial year starts, the hourly rates
   * by sector, preparation a meeting and the grade rates; the costing uses them from then on.
   */
  async saveSettings(
    principal: Principal,
    gssCode: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<ResourceSettings> {
    return this.write(options, async (trx) => {
      const locality = await this.core.register.locality(gssCode, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Page');
      const data = parseInput(resourceSettingsInput, input);
      const before = await this.repository.settings(trx, locality.id);
      const after = await this.repository.saveSettings(trx, locality.id, data.version ?? 0, {
        financial_year_start_month: data.financialYearStartMonth,
        public_rate_pence: data.hourlyPenceBySector.public,
        private_rate_pence: data.hourlyPenceBySector.private,
        voluntary_rate_pence: data.hourlyPenceBySector.voluntary,
        community_rate_pence: data.hourlyPenceBySector.community,
        preparation_hours: data.preparationHours,
        grade_rates: JSON.stringify(data.gradeRates),
      });
      if (!after) throw new ConflictError('Someone changed these settings since you read them: read them again');
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'resource-settings',
        entityId: locality.id,
        summary: `Changed the resources settings of ${locality.name}`,
        ...(before ? { before } : {}),
        after,
      });
      return settingsOf(after);
    });
  }

  // --- cost-benefit ------------------------------------------------------------------------------------

  private costBenefitOf(
    ctx: ResourcesContext,
    partnership: PartnershipCostRow,
    contributions: ContributionRow[],
    benefits: BenefitRow[],
    held: Array<{ attendingOrganisationIds: string[] }>,
  ): CostBenefit {
    const sectors = new Map(ctx.organisations.map((o) => [o.id, o.sector]));
    return costBenefit(
      {
        held,
        meetings: {
          meetingsPerYear: partnership.meetings_per_year,
          meetingMinutes: partnership.meeting_minutes,
          typicalAttendance: partnership.typical_attendance,
          memberOrganisationIds: partnership.memberOrganisationIds,
        },
        sectorOf: (id) => sectors.get(id),
        contributions: contributions
          .filter((c) => c.partnership_id === partnership.id && c.state === 'confirmed')
          .map((c) => ({
            kind: c.kind as ContributionKind,
            amountPence: c.amount_pence,
            hours: c.hours,
            ratePence: c.rate_pence,
            sector: sectors.get(c.organisation_id) ?? 'public',
          })),
        benefits: benefits
          .filter((b) => b.partnership_id === partnership.id)
          .map((b) => ({ kind: b.kind as BenefitKind, valuePence: b.value_pence, attributionBp: b.attribution_bp })),
      },
      ctx.rates,
    );
  }

  /** Every active partnership's cost against its recorded benefits for a year, best first. */
  async league(
    principal: Principal,
    gssCode: string,
    options: { year?: number; today?: string } = {},
  ): Promise<ResourcesContext & { rows: CostBenefitRow[] }> {
    const ctx = await this.context(principal, gssCode, options);
    const [contributions, benefits, held] = await Promise.all([
      this.repository.contributions(this.core.db, ctx.locality.id, { year: ctx.year }),
      this.repository.benefits(this.core.db, ctx.locality.id, { year: ctx.year }),
      this.repository.meetingsHeld(this.core.db, ctx.locality.id, this.yearRange(ctx)),
    ]);
    const seated = await this.repository.seatedOrganisations(this.core.db, ctx.locality.id);
    const rows = ctx.partnerships
      .filter((p) => p.status === 'active')
      .map((p) => ({ ...p, memberOrganisationIds: seated.get(p.id) ?? [] }))
      .map((p) => {
        const result = this.costBenefitOf(ctx, p, contributions, benefits, held.get(p.id) ?? []);
        return { id: p.id, name: p.name, reference: p.reference, result, verdictText: VERDICT_TEXT[result.verdict] };
      });
    return { ...ctx, rows: leagueOrder(rows) };
  }

  /** One partnership's cost-benefit for a year, with its contributions and benefits. */
  async partnershipCostBenefit(
    principal: Principal,
    gssCode: string,
    partnershipId: string,
    options: { year?: number; today?: string } = {},
  ) {
    const ctx = await this.context(principal, gssCode, options);
    const found = ctx.partnerships.find((p) => p.id === partnershipId);
    if (!found) throw new NotFoundError('Partnership');
    const seated = await this.repository.seatedOrganisations(this.core.db, ctx.locality.id, found.id);
    const partnership = { ...found, memberOrganisationIds: seated.get(found.id) ?? [] };
    const [contributions, benefits, held] = await Promise.all([
      this.repository.contributions(this.core.db, ctx.locality.id, { year: ctx.year, partnershipId }),
      this.repository.benefits(this.core.db, ctx.locality.id, { year: ctx.year, partnershipId }),
      this.repository.meetingsHeld(this.core.db, ctx.locality.id, this.yearRange(ctx), partnershipId),
    ]);
    const meetingsHeld = held.get(partnershipId) ?? [];
    const result = this.costBenefitOf(ctx, partnership, contributions, benefits, meetingsHeld);
    const indicators = await this.core.performance.indicatorsByCode(this.core.db, ctx.locality.id);
    const indicatorNames = new Map([...indicators.values()].map((i) => [i.id, `${i.code} ${i.title}`]));
    return {
      ...ctx,
      partnership,
      result,
      verdictText: VERDICT_TEXT[result.verdict],
      contributions: contributions
        .map((row) => this.viewContribution(principal, ctx, row))
        .filter((v): v is ContributionView => !!v),
      meetingsHeld,
      benefits: benefits.map((b) => ({
        row: b,
        indicatorName: b.indicator_id ? (indicatorNames.get(b.indicator_id) ?? null) : null,
      })),
      canRecordBenefit: canEditPartnership(principal, ctx.locality, partnership.id),
    };
  }

  /** The first and last day of the context's financial year, by the locality's start month. */
  private yearRange(ctx: ResourcesContext): { from: string; to: string } {
    const { start, end } = financialYearBounds(ctx.year, ctx.settings.startMonth);
    return { from: start, to: end };
  }

  /** The outcomes a funding stream or a line may name, as choices. */
  async outcomeOptions(principal: Principal, ctx: ResourcesContext): Promise<Array<{ value: string; text: string }>> {
    return (await this.visibleOutcomes(principal, ctx)).map((o) => ({
      value: o.id,
      text: `${o.title} (${o.planTitle})`,
    }));
  }

  /** The indicators a benefit may name: the locality's library, national and local. */
  async indicatorOptions(locality: Locality): Promise<Array<{ value: string; text: string }>> {
    const indicators = await this.core.performance.indicatorsByCode(this.core.db, locality.id);
    return [...indicators.values()]
      .map((i) => ({ value: i.id, text: `${i.code} ${i.title}` }))
      .sort((a, b) => a.text.localeCompare(b.text, 'en-GB', { numeric: true }));
  }

  // --- money by outcome -----------------------------------------------------------------------------

  private async visibleOutcomes(principal: Principal, ctx: ResourcesContext) {
    const { plans } = await this.core.performance.plans(principal, ctx.locality.gss_code);
    return plans
      .filter((p) => p.plan.status !== 'archived')
      .flatMap((p) =>
        p.outcomes
          .filter((o) => o.outcome.status === 'active')
          .map((o) => ({
            id: o.outcome.id,
            title: o.outcome.title,
            planTitle: p.plan.title,
            themes: o.themes,
            status: o.status as string,
          })),
      );
  }

  /**
   * Every outcome of the framework with the mainstream, pooled and fund money behind it in a
   * year, by partner, and the gaps flagged.
   */
  async moneyByOutcome(principal: Principal, gssCode: string, options: { year?: number; today?: string } = {}) {
    const ctx = await this.context(principal, gssCode, options);
    const outcomes = await this.visibleOutcomes(principal, ctx);
    const { from: start, to: end } = this.yearRange(ctx);
    const [lines, pooled, streams] = await Promise.all([
      this.repository.budgetLines(this.core.db, ctx.locality.id, [ctx.year, ctx.year - 1]),
      this.repository.pooledBudgets(this.core.db, ctx.locality.id),
      this.repository.fundingStreams(this.core.db, ctx.locality.id),
    ]);
    const live = (from: string, to: string | null) => from <= end && (to === null || to >= start);
    const money = moneyByOutcome({
      year: ctx.year,
      outcomes: outcomes.map((o) => ({ id: o.id, offTrack: o.status === 'off-track' })),
      lines: lines.map((l) => ({
        organisationId: l.organisation_id,
        amountPence: l.amount_pence,
        year: l.financial_year,
        shares: l.outcomes,
      })),
      pooled: pooled
        .filter((b) => live(b.starts_on, b.ends_on))
        .map((b) => ({ amountPence: b.amount_per_year_pence, contributors: b.contributors, outcomes: b.outcomes })),
      funds: streams
        .filter((s) => live(s.starts_on, s.ends_on))
        .map((s) => ({ funderKey: `fund:${s.id}`, amountPence: s.amount_per_year_pence, outcomeIds: s.outcomeIds })),
    });
    const streamNames = new Map(streams.map((s) => [`fund:${s.id}`, s.name]));
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    const rows: OutcomeMoneyView[] = money.outcomes.map((m) => {
      const o = byId.get(m.outcomeId);
      return {
        ...m,
        title: o?.title ?? '',
        planTitle: o?.planTitle ?? '',
        themes: o?.themes ?? [],
        status: o?.status ?? 'no-data',
        partners: [...m.byPartner]
          .map(([key, pence]) => ({
            key,
            name: streamNames.get(key) ?? ctx.organisationNames.get(key) ?? key,
            pence,
          }))
          .sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name, 'en-GB')),
      };
    });
    const totals = rows.reduce(
      (t, r) => ({
        mainstream: t.mainstream + r.mainstreamPence,
        pooled: t.pooled + r.pooledPence,
        fund: t.fund + r.fundPence,
      }),
      { mainstream: 0, pooled: 0, fund: 0 },
    );
    const snapshot = await this.core.reference.snapshot(this.core.db);
    const themeLabels = new Map(snapshot.items('theme', true).map((t) => [t.code, t.label]));
    const themes = moneyByTheme(rows).map((t) => ({ ...t, label: themeLabels.get(t.theme) ?? t.theme }));
    return { ...ctx, rows, unmapped: money.unmapped, totals, themes };
  }

  // --- partner resourcing -------------------------------------------------------------------------

  /** What each organisation puts into each partnership in a year, as money and as hours (confirmed only). */
  async partnerResourcing(principal: Principal, gssCode: string, options: { year?: number } = {}) {
    const { contributions, ...ctx } = await this.contributions(principal, gssCode, options);
    const byOrganisation = new Map<
      string,
      { id: string; name: string; pence: number; hours: number; partnerships: Set<string> }
    >();
    for (const c of contributions) {
      if (c.row.state !== 'confirmed') continue;
      const entry = byOrganisation.get(c.row.organisation_id) ?? {
        id: c.row.organisation_id,
        name: c.organisationName,
        pence: 0,
        hours: 0,
        partnerships: new Set<string>(),
      };
      entry.pence += c.valuePence;
      entry.hours += c.row.hours ?? 0;
      entry.partnerships.add(c.row.partnership_id);
      byOrganisation.set(entry.id, entry);
    }
    const rows = [...byOrganisation.values()]
      .map((e) => ({ ...e, partnerships: e.partnerships.size }))
      .sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name, 'en-GB'));
    return { ...ctx, rows };
  }
}

/** A funding stream's columns from its input: the listed fund's name, funder (its detail) and rule where none is given. */
function streamRow(
  data: FundingStreamInput,
  fund: { label: string; detail: string | null; attributes: Record<string, unknown> } | undefined,
) {
  return {
    fund_code: data.fundCode,
    name: data.name ?? fund?.label ?? data.fundCode,
    funder: data.funder ?? fund?.detail ?? '',
    accountable_body_id: data.accountableBodyId ?? null,
    amount_per_year_pence: data.amountPerYearPence,
    starts_on: data.startsOn,
    ends_on: data.endsOn,
    requires_partnership: data.requiresPartnership ?? fund?.attributes.requiresPartnership === true,
    exit_strategy: data.exitStrategy ?? null,
  };
}
