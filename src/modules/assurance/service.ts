/**
 * Governance assurance: checklists as versioned data, assessments of partnerships with pre-filled
 * answers and evidence, scores and history, actions from weak answers, significant partnerships
 * and their annual review for the audit committee, and LSP accreditation. Rules are in rules.ts;
 * this file checks who may do what, writes in one transaction with its audit entry, and
 * assembles what the pages show.
 *
 * Who may do what:
 *  - a system administrator edits the checklists (every edit a new version);
 *  - a partnership's secretary or chair (or the locality administrator) starts, answers and
 *    submits its assessments and returns its annual review; its secretary (or the locality
 *    administrator) also submits the LSP's accreditation;
 *  - the locality administrator (the LSP manager) sets the significance rule and overrides,
 *    runs the annual review and compiles the audit committee report;
 *  - an action's owner (or the partnership's secretary or the administrator) updates it;
 *  - the Government Office adviser for the locality's region, and nobody else, asks for more
 *    and decides accreditation; anyone who reads the locality's restricted material may comment;
 *  - everything here is restricted to the locality's readers, except the public accreditation summary.
 */
import type { Principal } from '../../core/actor.js';
import { addDays, formatDate, todayInLondon } from '../../core/dates.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { parseInput, isUuid } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import {
  canAdministerLocality,
  canAnswerForPartnership,
  canEditPartnership,
  canReadRestricted,
  isRegionalAdviser,
  isStakeholderIn,
  isSystem,
  refuse,
} from '../accounts/policy.js';
import type { AuditService, RecordInput } from '../audit/service.js';
import type { NotificationService, WorkItem, WorkSource } from '../notifications/service.js';
import type { RegisterService } from '../register/service.js';
import { financialYearOf } from '../resources/rules.js';
import { ACCREDITATION_CODE, HEALTH_CHECK_CODE, SHIPPED_CHECKLISTS } from './checklists.js';
import { EVIDENCE_KINDS_TEXT, safeFileName, sniffEvidence } from './evidence.js';
import { type AssessmentRecord, AssuranceRepository, type PartnershipFactsRow } from './repository.js';
import {
  type AccreditationState,
  type ChecklistDefinition,
  type Classification,
  type Future,
  type PartnershipFacts,
  type Rating,
  type Scores,
  type SignificanceFacts,
  type SignificanceRule,
  change,
  classify,
  explain,
  isWeak,
  mayDecide,
  prefillAnswer,
  ratingFor,
  recommendation,
  returnReminderDue,
  scoreAssessment,
  validAnswer,
} from './rules.js';
import {
  type AccreditationRow,
  type ActionRow,
  type AnswerRow,
  type ChecklistRow,
  type ChecklistVersionRow,
  type DocumentSummary,
  type ReturnRow,
  type ReviewRow,
  STANCE_LABELS,
  accreditationSubmitInput,
  actionInput,
  answerInput,
  askMoreInput,
  commentInput,
  completeActionInput,
  decisionInput,
  overrideInput,
  questionInput,
  respondInput,
  returnInput,
  reviewInput,
  sectionInput,
  significanceRuleInput,
  stakeholderViewInput,
  startAssessmentInput,
} from './schema.js';

export interface AssuranceDeps {
  audit: AuditService;
  register: RegisterService;
  notifications: NotificationService;
  /** The largest document taken as evidence, in bytes (10 MB unless configured). */
  evidenceMaxBytes?: number;
}

export const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface WriteOptions {
  trx?: Db;
  /** Today's date (YYYY-MM-DD); today in London by default. */
  today?: string;
}

type Entity = 'checklist' | 'assessment' | 'assurance-action' | 'significance-rule' | 'annual-review' | 'accreditation';

/** The significance rule a locality starts with: the common council criteria, key if 3 of 5 hold. */
export const DEFAULT_SIGNIFICANCE_RULE: SignificanceRule = {
  criteria: [
    { kind: 'cost-at-least', amount: 100_000_00 },
    { kind: 'corporate-priority' },
    { kind: 'lasts-at-least', amount: 5 },
    { kind: 'statutory' },
    { kind: 'members-at-least', amount: 10 },
  ],
  required: 3,
};

/** How long an action from a weak answer has, unless its owner is given another date. */
const ACTION_DAYS = 90;

export interface AssuranceContext {
  locality: Locality;
  canAdminister: boolean;
  partnerships: PartnershipFactsRow[];
  names: Map<string, string>;
  today: string;
}

export interface AssessmentView {
  assessment: AssessmentRecord;
  partnershipName: string;
  answers: Map<string, AnswerRow>;
  /** Documents uploaded as evidence, by question key. */
  documents: Map<string, DocumentSummary[]>;
  scores: Scores;
  canAnswer: boolean;
  weakKeys: Set<string>;
  actions: ActionRow[];
  problems: string[];
}

export interface ClassifiedPartnership {
  partnership: PartnershipFactsRow;
  classification: Classification;
  why: string;
}

export interface ReportRow {
  partnershipId: string;
  name: string;
  score: number | null;
  rating: Rating;
  returned: ReturnRow | null;
  recommendation: Future;
  exceptions: string[];
}

export class AssuranceService implements WorkSource {
  readonly repository = new AssuranceRepository();
  private seeded = false;

  constructor(
    private readonly db: Db,
    private readonly deps: AssuranceDeps,
  ) {}

  /** The largest document taken as evidence, as the pages say it (e.g. "10 MB"). */
  get evidenceLimit(): string {
    return megabytes(this.deps.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES);
  }

  private write<T>(options: WriteOptions | undefined, work: (trx: Db) => Promise<T>): Promise<T> {
    return options?.trx ? work(options.trx) : this.db.transaction().execute(work);
  }

  private audit(
    trx: Db,
    principal: Principal,
    entry: Omit<RecordInput, 'entityType'> & { entityType: Entity },
  ): Promise<void> {
    return this.deps.audit.record(trx, principal, entry);
  }

  /** The shipped checklists become version 1 the first time assurance is used. */
  async ensureChecklists(db: Db = this.db): Promise<void> {
    if (this.seeded) return;
    const have = new Set((await this.repository.checklists(db)).map((c) => c.code));
    for (const shipped of SHIPPED_CHECKLISTS) {
      if (have.has(shipped.code)) continue;
      await this.repository.insertChecklist(
        db,
        { code: shipped.code, title: shipped.title, purpose: shipped.purpose, description: shipped.description },
        shipped.definition,
        'system',
      );
    }
    if (db === this.db) this.seeded = true;
  }

  async context(principal: Principal, gssCode: string, options: { today?: string; db?: Db } = {}) {
    const db = options.db ?? this.db;
    const locality = await this.deps.register.locality(gssCode, db);
    if (!canReadRestricted(principal, locality)) refuse(principal, locality, 'Locality');
    await this.ensureChecklists(db);
    const partnerships = await this.repository.partnerships(db, locality.id);
    return {
      locality,
      canAdminister: canAdministerLocality(principal, locality),
      partnerships,
      names: new Map(partnerships.map((p) => [p.id, p.name])),
      today: options.today ?? todayInLondon(),
    } satisfies AssuranceContext;
  }

  private partnershipIn(ctx: AssuranceContext, id: string): PartnershipFactsRow {
    const p = ctx.partnerships.find((x) => x.id === id);
    if (!p) throw new NotFoundError('Partnership');
    return p;
  }

  // --- checklists ------------------------------------------------------------------------------------

  async checklists(principal: Principal): Promise<ChecklistRow[]> {
    if (!isSystem(principal)) refuse(principal, undefined, 'Checklists');
    await this.ensureChecklists();
    return this.repository.checklists(this.db);
  }

  async checklist(
    principal: Principal,
    code: string,
    db: Db = this.db,
  ): Promise<{ checklist: ChecklistRow; current: ChecklistVersionRow; versions: ChecklistVersionRow[] }> {
    if (principal.kind !== 'system' && !isSystem(principal)) refuse(principal, undefined, 'Checklist');
    await this.ensureChecklists(db);
    const checklist = await this.repository.checklistByCode(db, code);
    if (!checklist) throw new NotFoundError('Checklist');
    const versions = await this.repository.versions(db, checklist.id);
    const current = versions.find((v) => v.version === checklist.current_version) as ChecklistVersionRow;
    return { checklist, current, versions };
  }

  private async newVersion(
    principal: Principal,
    code: string,
    based: number,
    changeNote: string,
    edit: (definition: ChecklistDefinition) => ChecklistDefinition,
    options?: WriteOptions,
  ): Promise<ChecklistVersionRow> {
    if (!principal.canWrite || !isSystem(principal)) refuse(principal, undefined, 'Checklist');
    return this.write(options, async (trx) => {
      const { checklist, current } = await this.checklist(principal, code, trx);
      if (based !== checklist.current_version)
        throw new ConflictError('The checklist was changed by someone else: reload it and make your change again');
      const definition = edit(structuredClone(current.definition));
      if (!(await this.repository.bumpChecklist(trx, checklist.id, based)))
        throw new ConflictError('The checklist was changed by someone else: reload it and make your change again');
      const row = await this.repository.insertVersion(
        trx,
        checklist.id,
        based + 1,
        definition,
        changeNote,
        principal.id,
      );
      await this.audit(trx, principal, {
        localityId: null,
        action: 'update',
        entityType: 'checklist',
        entityId: checklist.id,
        summary: `Made version ${based + 1} of the checklist ${checklist.title}: ${changeNote}`,
      });
      return row;
    });
  }

  /** Adds a question, or (with `originalKey`) changes one; either way a new version of the checklist. */
  async saveQuestion(
    principal: Principal,
    code: string,
    input: unknown,
    originalKey?: string,
    options?: WriteOptions,
  ): Promise<ChecklistVersionRow> {
    const data = parseInput(questionInput, input);
    return this.newVersion(
      principal,
      code,
      data.version,
      data.changeNote,
      (definition) => {
        const all = definition.sections.flatMap((s) => s.questions);
        if (all.some((q) => q.key === data.key && q.key !== originalKey))
          throw new ValidationError([{ field: 'key', message: 'Another question already has this key' }]);
        const target = definition.sections.find((s) => s.key === data.sectionKey);
        if (!target)
          throw new ValidationError([{ field: 'sectionKey', message: 'Choose a section of this checklist' }]);
        const question = {
          key: data.key,
          text: data.text,
          ...(data.help ? { help: data.help } : {}),
          scale: data.scale,
          evidenceRequired: data.evidenceRequired,
          weight: data.weight,
          ...(data.prefill ? { prefill: data.prefill } : {}),
        };
        if (originalKey) {
          const from = definition.sections.find((s) => s.questions.some((q) => q.key === originalKey));
          if (!from) throw new NotFoundError('Question');
          const index = from.questions.findIndex((q) => q.key === originalKey);
          if (from === target) from.questions[index] = question;
          else {
            from.questions.splice(index, 1);
            target.questions.push(question);
          }
        } else target.questions.push(question);
        return definition;
      },
      options,
    );
  }

  async addSection(principal: Principal, code: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(sectionInput, input);
    return this.newVersion(
      principal,
      code,
      data.version,
      `Added the section ${data.title}`,
      (definition) => {
        if (definition.sections.some((s) => s.key === data.key))
          throw new ValidationError([{ field: 'key', message: 'Another section already has this key' }]);
        definition.sections.push({ key: data.key, title: data.title, weight: data.weight, questions: [] });
        return definition;
      },
      options,
    );
  }

  // --- facts -----------------------------------------------------------------------------------------

  /** What the product holds about each partnership, for the pre-fill and significance rules. */
  async facts(
    db: Db,
    locality: Locality,
    partnerships: PartnershipFactsRow[],
    today: string,
  ): Promise<Map<string, { prefill: PartnershipFacts; significance: SignificanceFacts }>> {
    const year = financialYearOf(today);
    const [sectors, outcomes, money, risks] = await Promise.all([
      this.repository.memberSectors(db, locality.id),
      this.repository.outcomeCounts(db, locality.id),
      this.repository.contributionCounts(db, locality.id, year),
      this.repository.riskCounts(db, locality.id),
    ]);
    const out = new Map<string, { prefill: PartnershipFacts; significance: SignificanceFacts }>();
    for (const p of partnerships) {
      const members = sectors.get(p.id) ?? [];
      const o = outcomes.get(p.id) ?? { outcomes: 0, withTargets: 0 };
      const m = money.get(p.id) ?? { all: 0, confirmed: 0, confirmedPence: 0 };
      out.set(p.id, {
        prefill: {
          termsOfReferenceUrl: p.terms_of_reference_url,
          reviewDate: p.review_date,
          memberSectors: members,
          outcomes: o.outcomes,
          outcomesWithTargets: o.withTargets,
          risks: risks.get(p.id) ?? 0,
          contributions: m.all,
          confirmedContributions: m.confirmed,
        },
        significance: {
          annualCostPence: Math.max(Number(p.annual_budget_pence ?? 0), m.confirmedPence),
          significance: p.significance,
          establishedOn: p.established_on,
          basis: p.basis,
          members: members.length,
        },
      });
    }
    return out;
  }

  // --- assessments -----------------------------------------------------------------------------------

  /** Starts an assessment on the checklist's current version, pre-filled from what the product holds. */
  async startAssessment(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(startAssessmentInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx, today: options?.today });
      const partnership = this.partnershipIn(ctx, data.partnershipId);
      if (!this.mayAnswer(principal, ctx.locality, partnership.id)) refuse(principal, ctx.locality, 'Partnership');
      const checklist = await this.repository.checklistByCode(trx, data.checklistCode);
      if (!checklist)
        throw new ValidationError([{ field: 'checklistCode', message: 'Choose a checklist from the list' }]);
      const version = (await this.repository.version(
        trx,
        checklist.id,
        checklist.current_version,
      )) as ChecklistVersionRow;
      const assessment = await this.repository.insertAssessment(trx, {
        locality_id: ctx.locality.id,
        partnership_id: partnership.id,
        checklist_version_id: version.id,
        financial_year: data.year ?? financialYearOf(ctx.today),
        state: 'in-progress',
        started_by: principal.id,
      });
      const facts = (await this.facts(trx, ctx.locality, [partnership], ctx.today)).get(partnership.id);
      const pointer = `/localities/${ctx.locality.gss_code}/partnerships/${partnership.id}`;
      for (const q of version.definition.sections.flatMap((s) => s.questions)) {
        if (!q.prefill || q.scale !== 'yes-partly-no' || !facts) continue;
        const suggestion = prefillAnswer(q.prefill, facts.prefill, ctx.today, formatDate);
        if (!suggestion) continue;
        await this.repository.upsertAnswer(trx, {
          assessment_id: assessment.id,
          question_key: q.key,
          value: suggestion.value,
          evidence_kind: 'pointer',
          evidence: pointer,
          suggested_value: suggestion.value,
          suggestion_note: suggestion.note,
          confirmed: false,
          answered_by: null,
        });
      }
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        partnershipId: partnership.id,
        action: 'create',
        entityType: 'assessment',
        entityId: assessment.id,
        summary: `Started the ${checklist.title} (version ${version.version}) for ${partnership.name}`,
      });
      return assessment;
    });
  }

  async assessment(
    principal: Principal,
    gssCode: string,
    id: string,
    db: Db = this.db,
  ): Promise<AssessmentView & { ctx: AssuranceContext }> {
    const ctx = await this.context(principal, gssCode, { db });
    const assessment = await this.repository.assessment(db, ctx.locality.id, id);
    if (!assessment) throw new NotFoundError('Assessment');
    const answers = new Map((await this.repository.answers(db, id)).map((a) => [a.question_key, a]));
    const documents = await this.documentsByQuestion(db, id);
    const values = new Map([...answers].map(([k, a]) => [k, a.value ?? '']));
    const questions = assessment.definition.sections.flatMap((s) => s.questions);
    const problems: string[] = [];
    for (const q of questions) {
      const a = answers.get(q.key);
      if (q.scale !== 'text' && !a?.value) problems.push(`Answer “${q.text}”`);
      else if (a?.suggested_value && !a.confirmed) problems.push(`Confirm or correct “${q.text}”`);
      else if (q.evidenceRequired && a?.value && !a.evidence && !documents.has(q.key))
        problems.push(`Give evidence for “${q.text}”`);
    }
    return {
      ctx,
      assessment,
      partnershipName: ctx.names.get(assessment.partnership_id) ?? '',
      answers,
      documents,
      scores: scoreAssessment(assessment.definition, values),
      canAnswer:
        assessment.state === 'in-progress' && this.mayAnswer(principal, ctx.locality, assessment.partnership_id),
      weakKeys: new Set(questions.filter((q) => isWeak(q.scale, values.get(q.key))).map((q) => q.key)),
      actions: await this.repository.actions(db, ctx.locality.id, { assessmentId: id }),
      problems,
    };
  }

  /** Saves one answer as the person goes; saving a pre-filled answer confirms (or corrects) it. */
  async saveAnswer(
    principal: Principal,
    gssCode: string,
    id: string,
    questionKey: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<void> {
    const data = parseInput(answerInput, input);
    await this.write(options, async (trx) => {
      const view = await this.answerable(principal, gssCode, id, trx);
      if (data.version !== undefined && data.version !== view.assessment.version)
        throw new ConflictError('The assessment was changed by someone else: reload it and answer again');
      const question = questionOf(view.assessment, questionKey);
      const value = data.value ?? '';
      if (value && !validAnswer(question.scale, value))
        throw new ValidationError([{ field: 'value', message: 'Choose one of the answers offered' }]);
      if (!value && question.scale !== 'text')
        throw new ValidationError([{ field: 'value', message: 'Choose an answer' }]);
      if (data.evidence && !data.evidenceKind)
        throw new ValidationError([
          { field: 'evidenceKind', message: 'Say whether the evidence is a link, a note or a pointer' },
        ]);
      if (data.evidenceKind === 'link' && data.evidence && !/^https?:\/\/\S+$/.test(data.evidence))
        throw new ValidationError([{ field: 'evidence', message: 'A link must start with http:// or https://' }]);
      const before = view.answers.get(questionKey);
      // Each answer moves the assessment on a version, so an answer or a submission based on
      // what someone read before is refused rather than written over what came since.
      if (!(await this.repository.updateAssessment(trx, id, view.assessment.version, {})))
        throw new ConflictError('The assessment was changed by someone else: reload it and answer again');
      await this.repository.upsertAnswer(trx, {
        assessment_id: id,
        question_key: questionKey,
        value: value || null,
        evidence_kind: data.evidence ? (data.evidenceKind ?? null) : null,
        evidence: data.evidence ?? null,
        suggested_value: before?.suggested_value ?? null,
        suggestion_note: before?.suggestion_note ?? null,
        confirmed: true,
        answered_by: principal.id,
      });
      await this.audit(trx, principal, {
        localityId: view.ctx.locality.id,
        partnershipId: view.assessment.partnership_id,
        action: 'update',
        entityType: 'assessment',
        entityId: id,
        summary: `Answered “${question.text}”: ${value || '(blank)'}${before?.suggested_value ? (before.suggested_value === value ? ' (confirmed the pre-filled answer)' : ` (corrected the pre-filled ${before.suggested_value})`) : ''}`,
        before: before ? { value: before.value, evidence: before.evidence } : undefined,
        after: { value, evidence: data.evidence ?? null },
      });
    });
  }

  private async documentsByQuestion(db: Db, assessmentId: string): Promise<Map<string, DocumentSummary[]>> {
    const documents = new Map<string, DocumentSummary[]>();
    for (const d of await this.repository.documents(db, assessmentId))
      documents.set(d.question_key, [...(documents.get(d.question_key) ?? []), d]);
    return documents;
  }

  /** Who answers and submits a partnership's assessments: its secretary, its chair or the LSP manager. */
  private mayAnswer(principal: Principal, locality: Locality, partnershipId: string): boolean {
    return principal.canWrite && canAnswerForPartnership(principal, locality, partnershipId);
  }

  /** The assessment, when this person may change its answers now. */
  private async answerable(principal: Principal, gssCode: string, id: string, trx: Db) {
    const view = await this.assessment(principal, gssCode, id, trx);
    if (!this.mayAnswer(principal, view.ctx.locality, view.assessment.partnership_id))
      refuse(principal, view.ctx.locality, 'Assessment');
    if (view.assessment.state !== 'in-progress')
      throw new ConflictError('This assessment has been submitted: its answers can no longer change');
    return view;
  }

  /**
   * Keeps a document as evidence for one answer. The kind is read from the bytes (PDF, Word,
   * ODT, XLSX, CSV, PNG or JPEG), the name is made safe, and the bytes are kept in the database.
   */
  async addDocument(
    principal: Principal,
    gssCode: string,
    id: string,
    questionKey: string,
    file: { name: string; content: Buffer } | undefined,
    options?: WriteOptions,
  ): Promise<DocumentSummary> {
    const max = this.deps.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES;
    return this.write(options, async (trx) => {
      const view = await this.answerable(principal, gssCode, id, trx);
      const question = questionOf(view.assessment, questionKey);
      if (!file?.content.length) throw new ValidationError([{ field: 'file', message: 'Choose a file to upload' }]);
      if (file.content.length > max)
        throw new ValidationError([{ field: 'file', message: `The file must be ${this.evidenceLimit} or smaller` }]);
      const type = await sniffEvidence(file.name, file.content);
      if (!type) throw new ValidationError([{ field: 'file', message: `The file must be ${EVIDENCE_KINDS_TEXT}` }]);
      const name = principal.userId ? (await this.repository.userName(trx, principal.userId))?.name : undefined;
      const row = await this.repository.insertDocument(trx, {
        assessment_id: id,
        question_key: questionKey,
        file_name: safeFileName(file.name, type),
        content_type: type.contentType,
        size_bytes: file.content.length,
        content: file.content,
        uploaded_by: principal.id,
        uploaded_by_name: name ?? principal.label,
      });
      await this.audit(trx, principal, {
        localityId: view.ctx.locality.id,
        partnershipId: view.assessment.partnership_id,
        action: 'update',
        entityType: 'assessment',
        entityId: id,
        summary: `Added ${row.file_name} (${type.label}, ${megabytes(row.size_bytes)}) as evidence for “${question.text}”`,
        after: {
          documentId: row.id,
          questionKey,
          fileName: row.file_name,
          contentType: row.content_type,
          size: row.size_bytes,
        },
      });
      return row;
    });
  }

  /**
   * A document to download: for whoever reads the assessment, and for the locality's local
   * stakeholders once the assessment has been put forward for accreditation.
   */
  async document(principal: Principal, gssCode: string, id: string, documentId: string) {
    if (!isUuid(id) || !isUuid(documentId)) throw new NotFoundError('Document');
    const locality = await this.deps.register.locality(gssCode);
    if (!canReadRestricted(principal, locality)) {
      if (!isStakeholderIn(principal, locality) || !(await this.repository.isPutForward(this.db, locality.id, id)))
        refuse(principal, locality, 'Document');
    } else if (!(await this.repository.assessment(this.db, locality.id, id))) throw new NotFoundError('Document');
    const row = await this.repository.document(this.db, id, documentId);
    if (!row) throw new NotFoundError('Document');
    return row;
  }

  async removeDocument(
    principal: Principal,
    gssCode: string,
    id: string,
    documentId: string,
    options?: WriteOptions,
  ): Promise<void> {
    if (!isUuid(documentId)) throw new NotFoundError('Document');
    await this.write(options, async (trx) => {
      const view = await this.answerable(principal, gssCode, id, trx);
      const row = [...view.documents.values()].flat().find((d) => d.id === documentId);
      if (!row) throw new NotFoundError('Document');
      await this.repository.deleteDocument(trx, documentId);
      await this.audit(trx, principal, {
        localityId: view.ctx.locality.id,
        partnershipId: view.assessment.partnership_id,
        action: 'withdraw',
        entityType: 'assessment',
        entityId: id,
        summary: `Removed the evidence ${row.file_name}`,
        before: { documentId, questionKey: row.question_key, fileName: row.file_name, size: row.size_bytes },
      });
    });
  }

  /**
   * Submits a complete assessment: its score is kept, and each weak answer becomes an action
   * owned by the person submitting (who can hand it on), due in 90 days, told to them in the inbox.
   */
  async submitAssessment(
    principal: Principal,
    gssCode: string,
    id: string,
    version: number,
    options?: WriteOptions,
  ): Promise<{ score: number | null; actions: ActionRow[] }> {
    return this.write(options, async (trx) => {
      const view = await this.assessment(principal, gssCode, id, trx);
      const { ctx, assessment } = view;
      if (!this.mayAnswer(principal, ctx.locality, assessment.partnership_id))
        refuse(principal, ctx.locality, 'Assessment');
      if (assessment.state !== 'in-progress') throw new ConflictError('This assessment has already been submitted');
      if (view.problems.length)
        throw new ValidationError(view.problems.map((message) => ({ field: 'assessment', message })));
      if (
        !(await this.repository.updateAssessment(trx, id, version, {
          state: 'submitted',
          score: view.scores.overall,
          submitted_by: principal.id,
          submitted_at: new Date(),
        }))
      )
        throw new ConflictError('The assessment was changed by someone else: reload it');
      const today = options?.today ?? ctx.today;
      const owner = principal.userId ? await this.repository.userName(trx, principal.userId) : undefined;
      const actions: ActionRow[] = [];
      for (const q of assessment.definition.sections.flatMap((s) => s.questions)) {
        if (!view.weakKeys.has(q.key)) continue;
        actions.push(
          await this.repository.insertAction(trx, {
            locality_id: ctx.locality.id,
            partnership_id: assessment.partnership_id,
            assessment_id: id,
            question_key: q.key,
            title: `Improve: ${q.text}`,
            owner_user_id: owner?.id ?? null,
            owner_name: owner?.name ?? principal.label,
            due_on: addDays(today, ACTION_DAYS),
            state: 'open',
          }),
        );
      }
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        partnershipId: assessment.partnership_id,
        action: 'approve',
        entityType: 'assessment',
        entityId: id,
        summary: `Submitted the ${assessment.checklist_title} for ${view.partnershipName}: score ${view.scores.overall ?? 'none'}; ${actions.length} action${actions.length === 1 ? '' : 's'} from weak answers`,
      });
      if (owner && actions.length)
        await this.deps.notifications.notify(
          {
            userIds: [owner.id],
            localityId: ctx.locality.id,
            subject: `${actions.length} governance action${actions.length === 1 ? '' : 's'} for ${view.partnershipName}`,
            body: `The ${assessment.checklist_title} found ${actions.length} weak answer${actions.length === 1 ? '' : 's'}. Each is now an action you own, due by ${formatDate(addDays(today, ACTION_DAYS))}. You can hand an action to someone else or change its date.`,
            link: `/localities/${ctx.locality.gss_code}/partnerships/${assessment.partnership_id}/assurance`,
          },
          { trx },
        );
      return { score: view.scores.overall, actions };
    });
  }

  // --- what the API reads -------------------------------------------------------------------------------

  /** Every checklist at its current version: the questions asked are no secret from anyone signed in. */
  async currentChecklists(principal: Principal) {
    if (principal.kind === 'public') refuse(principal, undefined, 'Checklists');
    await this.ensureChecklists();
    const checklists = await this.repository.checklists(this.db);
    return Promise.all(
      checklists.map(async (checklist) => ({
        checklist,
        current: (await this.repository.version(
          this.db,
          checklist.id,
          checklist.current_version,
        )) as ChecklistVersionRow,
      })),
    );
  }

  /** A partnership's assessments on every checklist, newest first, each with its scores by section. */
  async partnershipAssessments(principal: Principal, gssCode: string, partnershipId: string) {
    const ctx = await this.context(principal, gssCode);
    const partnership = this.partnershipIn(ctx, partnershipId);
    const assessments = await this.repository.assessments(this.db, ctx.locality.id, partnership.id);
    return Promise.all(assessments.map(async (assessment) => this.scored(assessment)));
  }

  /** One assessment with its scores, as the API answers after a change. */
  async scoredAssessment(principal: Principal, gssCode: string, id: string) {
    return this.scored((await this.assessment(principal, gssCode, id)).assessment);
  }

  private async scored(assessment: AssessmentRecord) {
    const answers = await this.repository.answers(this.db, assessment.id);
    const values = new Map(answers.map((a) => [a.question_key, a.value ?? '']));
    return { assessment, scores: scoreAssessment(assessment.definition, values) };
  }

  /** The locality's governance actions, open ones first; only the open or the done when asked. */
  async actionList(principal: Principal, gssCode: string, state?: 'open' | 'done') {
    const ctx = await this.context(principal, gssCode);
    const actions = await this.repository.actions(this.db, ctx.locality.id);
    return { ...ctx, actions: state ? actions.filter((a) => a.state === state) : actions };
  }

  /** The locality's annual reviews, newest first, each with its returns. */
  async reviewsWithReturns(principal: Principal, gssCode: string) {
    const { reviews } = await this.reviews(principal, gssCode);
    return Promise.all(reviews.map(async (r) => this.review(principal, gssCode, r.id)));
  }

  // --- overview, history and comparison -----------------------------------------------------------------

  /** Each partnership's submitted assessments on a checklist, newest first, with change arrows. */
  private history(assessments: AssessmentRecord[], partnershipId: string, code: string) {
    const mine = assessments.filter(
      (a) => a.partnership_id === partnershipId && a.checklist_code === code && a.state === 'submitted',
    );
    return mine.map((a, i) => ({ assessment: a, change: change(a.score, mine[i + 1]?.score) }));
  }

  /** The comparison across the locality's partnerships: the latest health check of each, against the one before. */
  async overview(principal: Principal, gssCode: string) {
    const ctx = await this.context(principal, gssCode);
    const [assessments, actions] = await Promise.all([
      this.repository.assessments(this.db, ctx.locality.id),
      this.repository.actions(this.db, ctx.locality.id),
    ]);
    const rows = ctx.partnerships
      .filter((p) => p.status === 'active' || p.status === 'proposed')
      .map((p) => {
        const history = this.history(assessments, p.id, HEALTH_CHECK_CODE);
        return {
          partnership: p,
          latest: history[0] ?? null,
          previousScore: history[1]?.assessment.score ?? null,
          inProgress: assessments.some((a) => a.partnership_id === p.id && a.state === 'in-progress'),
          openActions: actions.filter((a) => a.partnership_id === p.id && a.state === 'open').length,
        };
      });
    const assessed = rows.filter((r) => r.latest);
    const average = assessed.length
      ? Math.round(assessed.reduce((sum, r) => sum + (r.latest?.assessment.score ?? 0), 0) / assessed.length)
      : null;
    return { ...ctx, rows, assessed: assessed.length, average };
  }

  /**
   * The comparison across a region's localities, for a Government Office adviser (and anyone who
   * reads more than one of them): each locality's partnerships assessed, their average latest
   * health check score, and how many have limited assurance. Only localities this person may read.
   */
  async regionComparison(principal: Principal, gssCode: string) {
    const ctx = await this.context(principal, gssCode);
    const region = ctx.locality.region;
    const [localities, scores] = await Promise.all([
      this.repository.localitiesInRegion(this.db, region),
      this.repository.regionScores(this.db, region, HEALTH_CHECK_CODE),
    ]);
    const latest = new Map<string, { localityId: string; score: number | null }>();
    for (const s of scores)
      if (!latest.has(s.partnership_id)) latest.set(s.partnership_id, { localityId: s.locality_id, score: s.score });
    const rows = localities
      .filter((l) => canReadRestricted(principal, l))
      .map((l) => {
        const mine = [...latest.values()].filter((x) => x.localityId === l.id && x.score !== null);
        const total = mine.reduce((sum, x) => sum + (x.score ?? 0), 0);
        return {
          locality: l,
          assessed: mine.length,
          average: mine.length ? Math.round(total / mine.length) : null,
          limited: mine.filter((x) => ratingFor(x.score) === 'limited').length,
        };
      });
    return { ...ctx, region, rows };
  }

  /** One partnership's assurance: history on each checklist, open and done actions, and what it may start. */
  async partnership(principal: Principal, gssCode: string, partnershipId: string) {
    const ctx = await this.context(principal, gssCode);
    const partnership = this.partnershipIn(ctx, partnershipId);
    const [assessments, actions, checklists] = await Promise.all([
      this.repository.assessments(this.db, ctx.locality.id, partnershipId),
      this.repository.actions(this.db, ctx.locality.id, { partnershipId }),
      this.repository.checklists(this.db),
    ]);
    return {
      ...ctx,
      partnership,
      checklists,
      histories: checklists.map((c) => ({ checklist: c, history: this.history(assessments, partnershipId, c.code) })),
      inProgress: assessments.filter((a) => a.state === 'in-progress'),
      actions,
      canAssess: this.mayAnswer(principal, ctx.locality, partnershipId),
    };
  }

  // --- actions ------------------------------------------------------------------------------------------

  private mayChangeAction(principal: Principal, locality: Locality, action: ActionRow): boolean {
    if (!principal.canWrite) return false;
    return (
      canEditPartnership(principal, locality, action.partnership_id) ||
      (!!principal.userId && principal.userId === action.owner_user_id)
    );
  }

  async action(principal: Principal, gssCode: string, id: string) {
    const ctx = await this.context(principal, gssCode);
    const action = await this.repository.action(this.db, ctx.locality.id, id);
    if (!action) throw new NotFoundError('Action');
    return {
      ...ctx,
      action,
      partnershipName: ctx.names.get(action.partnership_id) ?? '',
      people: await this.repository.localityPeople(this.db, ctx.locality.id),
      canChange: this.mayChangeAction(principal, ctx.locality, action),
    };
  }

  async updateAction(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(actionInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      const action = await this.repository.action(trx, ctx.locality.id, id);
      if (!action) throw new NotFoundError('Action');
      if (!this.mayChangeAction(principal, ctx.locality, action)) refuse(principal, ctx.locality, 'Action');
      const people = await this.repository.localityPeople(trx, ctx.locality.id);
      const owner = people.find((p) => p.id === data.ownerUserId);
      if (!owner)
        throw new ValidationError([{ field: 'ownerUserId', message: 'Choose someone with a role in the locality' }]);
      if (
        !(await this.repository.updateAction(trx, id, data.version, {
          title: data.title,
          owner_user_id: owner.id,
          owner_name: owner.name,
          due_on: data.dueOn,
        }))
      )
        throw new ConflictError('The action was changed by someone else: reload it');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        partnershipId: action.partnership_id,
        action: 'update',
        entityType: 'assurance-action',
        entityId: id,
        summary: `Action “${data.title}”: owner ${owner.name}, due ${formatDate(data.dueOn)}`,
        before: { owner: action.owner_name, due: action.due_on },
        after: { owner: owner.name, due: data.dueOn },
      });
      if (owner.id !== action.owner_user_id)
        await this.deps.notifications.notify(
          {
            userIds: [owner.id],
            except: principal.userId,
            localityId: ctx.locality.id,
            subject: `A governance action is now yours: ${data.title}`,
            body: `For ${ctx.names.get(action.partnership_id) ?? 'a partnership'}, due by ${formatDate(data.dueOn)}.`,
            link: `/localities/${ctx.locality.gss_code}/assurance/actions/${id}`,
          },
          { trx },
        );
    });
  }

  async completeAction(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(completeActionInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      const action = await this.repository.action(trx, ctx.locality.id, id);
      if (!action) throw new NotFoundError('Action');
      if (!this.mayChangeAction(principal, ctx.locality, action)) refuse(principal, ctx.locality, 'Action');
      if (!(await this.repository.updateAction(trx, id, data.version, { state: 'done', done_note: data.note })))
        throw new ConflictError('The action was changed by someone else: reload it');
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        partnershipId: action.partnership_id,
        action: 'close',
        entityType: 'assurance-action',
        entityId: id,
        summary: `Action done: ${action.title}. ${data.note}`,
      });
    });
  }

  /**
   * Reminds each action's owner twice at most: two weeks before it is due, and once it is
   * overdue. The sweep may run as often as wanted (each reminder is recorded with its notice).
   */
  async sendActionReminders(today: string = todayInLondon()): Promise<number> {
    const due = await this.repository.actionsToRemind(this.db, today, addDays(today, 14));
    for (const action of due) {
      await this.db.transaction().execute(async (trx) => {
        await this.repository.markReminded(trx, action.id, today);
        const overdue = action.due_on < today;
        await this.deps.notifications.notify(
          {
            userIds: [action.owner_user_id as string],
            localityId: action.locality_id,
            subject: `${overdue ? 'Overdue' : 'Due soon'}: ${action.title}`,
            body: `This governance action ${overdue ? 'was' : 'is'} due by ${formatDate(action.due_on)}. Mark it done when it is, or agree a new date.`,
            link: `/localities/${action.gss_code}/assurance/actions/${action.id}`,
          },
          { trx },
        );
      });
    }
    if (due.length) await this.deps.notifications.deliverPending();
    return due.length;
  }

  /**
   * Reminds the secretaries whose annual review returns are still out: once in the week before
   * the deadline and once after it has passed, unless someone chased them by hand in that time.
   * The sweep may run as often as wanted.
   */
  async sendReturnReminders(today: string = todayInLondon()): Promise<number> {
    const due = (await this.repository.returnsOut(this.db))
      .map((r) => ({ ...r, due: returnReminderDue(r.deadline, today, r.chased_on) }))
      .filter((r) => r.due !== null);
    for (const r of due) {
      await this.db.transaction().execute(async (trx) => {
        await this.deps.notifications.notify(
          {
            roles: [{ role: 'partnership-secretary', partnershipId: r.partnership_id }],
            localityId: r.locality_id,
            subject:
              r.due === 'overdue'
                ? `Overdue: the annual review of ${r.name} was due by ${formatDate(r.deadline)}`
                : `Reminder: the annual review of ${r.name} is due by ${formatDate(r.deadline)}`,
            body: 'The audit committee’s report cannot be completed without it.',
            link: `/localities/${r.gss_code}/assurance/reviews/${r.review_id}/returns/${r.id}`,
          },
          { trx },
        );
        // Noon that day, London or not, so the day read back is `today`.
        await this.repository.markChased(trx, [r.id], new Date(`${today}T12:00:00Z`));
      });
    }
    if (due.length) await this.deps.notifications.deliverPending();
    return due.length;
  }

  /** The inbox: open actions the person owns, annual review returns they owe, accreditations waiting on them. */
  async workFor(principal: Principal, now: Date): Promise<WorkItem[]> {
    if (!principal.canWrite || principal.kind !== 'user' || !principal.userId) return [];
    const today = todayInLondon(now);
    const items: WorkItem[] = [];
    for (const a of await this.repository.openActionsOwnedBy(this.db, principal.userId)) {
      items.push({
        kind: a.due_on < today ? 'overdue' : 'action',
        title: a.title,
        detail: `Governance action, due by ${formatDate(a.due_on)}.`,
        link: `/localities/${a.gss_code}/assurance/actions/${a.id}`,
        localityName: a.locality_name,
        overdue: a.due_on < today,
        due: new Date(`${a.due_on}T00:00:00Z`),
      });
    }
    const secretaryOf = principal.grants.filter(
      (g) => (g.role === 'partnership-secretary' || g.role === 'partnership-chair') && g.partnershipId,
    );
    if (secretaryOf.length) {
      for (const review of await this.repository.openReviews(this.db)) {
        for (const r of await this.repository.returns(this.db, review.id)) {
          if (r.state !== 'sent' || !secretaryOf.some((g) => g.partnershipId === r.partnership_id)) continue;
          const locality = await this.repository.locality(this.db, review.locality_id);
          if (!locality) continue;
          items.push({
            kind: review.deadline < today ? 'overdue' : 'answer',
            title: 'Return the annual review of a significant partnership',
            detail: `Due by ${formatDate(review.deadline)}.`,
            link: `/localities/${locality.gss_code}/assurance/reviews/${review.id}/returns/${r.id}`,
            localityName: locality.name,
            overdue: review.deadline < today,
            due: new Date(`${review.deadline}T00:00:00Z`),
          });
        }
      }
    }
    for (const g of principal.grants.filter((x) => x.role === 'local-stakeholder' && x.localityId)) {
      const locality = await this.repository.locality(this.db, g.localityId as string);
      if (!locality) continue;
      for (const a of await this.repository.accreditations(this.db, locality.id)) {
        if (!mayDecide(a.state as AccreditationState)) continue;
        if ((await this.repository.stakeholderViews(this.db, a.id)).some((v) => v.author_id === principal.id)) continue;
        items.push({
          kind: 'review',
          title: 'Give your view on the LSP’s accreditation',
          detail: `Submitted ${formatDate(a.submitted_at)}; the Government Office sees your view when it decides.`,
          link: `/localities/${locality.gss_code}/assurance/accreditation/${a.id}`,
          localityName: locality.name,
          overdue: false,
          due: null,
        });
      }
    }
    for (const g of principal.grants.filter((x) => x.role === 'go-adviser' && x.region)) {
      for (const a of await this.repository.waitingInRegion(this.db, g.region as string))
        items.push({
          kind: 'review',
          title: `Decide the accreditation of ${a.partnership_name}`,
          detail: `Submitted ${formatDate(a.submitted_at)}.`,
          link: `/localities/${a.gss_code}/assurance/accreditation/${a.id}`,
          localityName: a.locality_name,
          overdue: false,
          due: null,
        });
    }
    return items;
  }

  // --- significance ---------------------------------------------------------------------------------------

  async significance(principal: Principal, gssCode: string, options: { db?: Db; today?: string } = {}) {
    const db = options.db ?? this.db;
    const ctx = await this.context(principal, gssCode, options);
    const saved = await this.repository.significanceRule(db, ctx.locality.id);
    const rule = saved?.rule ?? DEFAULT_SIGNIFICANCE_RULE;
    const overrides = new Map((await this.repository.overrides(db, ctx.locality.id)).map((o) => [o.partnership_id, o]));
    const live = ctx.partnerships.filter((p) => p.status === 'active' || p.status === 'proposed');
    const facts = await this.facts(db, ctx.locality, live, ctx.today);
    const rows: ClassifiedPartnership[] = live.map((p) => {
      const o = overrides.get(p.id);
      const classification = classify(
        rule,
        facts.get(p.id)?.significance as SignificanceFacts,
        ctx.today,
        o ? { significant: o.significant, reason: o.reason } : null,
      );
      return { partnership: p, classification, why: explain(classification, rule.required) };
    });
    return { ...ctx, rule, isDefault: !saved, rows, significant: rows.filter((r) => r.classification.significant) };
  }

  async saveSignificanceRule(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const rule = parseInput(significanceRuleInput, input);
    return this.write(options, async (trx) => {
      const locality = await this.deps.register.locality(gssCode, trx);
      if (!canAdministerLocality(principal, locality)) refuse(principal, locality, 'Locality');
      await this.repository.saveSignificanceRule(trx, locality.id, rule, principal.id);
      await this.audit(trx, principal, {
        localityId: locality.id,
        action: 'update',
        entityType: 'significance-rule',
        entityId: locality.id,
        summary: `Set the significance rule: ${rule.required} of ${rule.criteria.length} criteria`,
        after: rule,
      });
    });
  }

  async setOverride(
    principal: Principal,
    gssCode: string,
    partnershipId: string,
    input: unknown,
    options?: WriteOptions,
  ) {
    const data = parseInput(overrideInput, input);
    if (data.significant !== 'rule' && !data.reason)
      throw new ValidationError([{ field: 'reason', message: 'Give the reason for deciding against the rule' }]);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      if (!ctx.canAdminister) refuse(principal, ctx.locality, 'Locality');
      const p = this.partnershipIn(ctx, partnershipId);
      if (data.significant === 'rule') await this.repository.removeOverride(trx, p.id);
      else
        await this.repository.saveOverride(trx, {
          partnership_id: p.id,
          locality_id: ctx.locality.id,
          significant: data.significant === 'yes',
          reason: data.reason as string,
          decided_by: principal.id,
        });
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        partnershipId: p.id,
        action: 'update',
        entityType: 'significance-rule',
        entityId: p.id,
        summary:
          data.significant === 'rule'
            ? `${p.name} follows the significance rule again`
            : `${p.name} is ${data.significant === 'yes' ? 'significant' : 'not significant'} by decision: ${data.reason}`,
      });
    });
  }

  // --- the annual review ------------------------------------------------------------------------------------

  async reviews(principal: Principal, gssCode: string) {
    const ctx = await this.context(principal, gssCode);
    return { ...ctx, reviews: await this.repository.reviews(this.db, ctx.locality.id) };
  }

  /** Sends the proforma to the secretaries of every partnership significant now, with a deadline. */
  async startReview(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions): Promise<ReviewRow> {
    const data = parseInput(reviewInput, input);
    return this.write(options, async (trx) => {
      const result = await this.significance(principal, gssCode, { db: trx, today: options?.today });
      if (!result.canAdminister) refuse(principal, result.locality, 'Locality');
      if (await this.repository.reviewForYear(trx, result.locality.id, data.year))
        throw new ValidationError([{ field: 'year', message: 'There is already an annual review for this year' }]);
      if (result.significant.length === 0)
        throw new ValidationError([
          { field: 'year', message: 'No partnership is significant under the rule: set the rule first' },
        ]);
      const review = await this.repository.insertReview(trx, {
        locality_id: result.locality.id,
        financial_year: data.year,
        deadline: data.deadline,
        state: 'open',
        created_by: principal.id,
      });
      await this.repository.insertReturns(
        trx,
        review.id,
        result.significant.map((r) => r.partnership.id),
      );
      const returns = await this.repository.returns(trx, review.id);
      for (const r of returns)
        await this.deps.notifications.notify(
          {
            roles: [{ role: 'partnership-secretary', partnershipId: r.partnership_id }],
            except: principal.userId,
            localityId: result.locality.id,
            subject: `Annual review of ${result.names.get(r.partnership_id)}: due by ${formatDate(data.deadline)}`,
            body: `${result.names.get(r.partnership_id)} is a significant partnership, so the audit committee reviews it every year. Please return the annual review: achievements, performance, risks, governance actions, resources, and whether it should continue.`,
            link: `/localities/${result.locality.gss_code}/assurance/reviews/${review.id}/returns/${r.id}`,
          },
          { trx },
        );
      await this.audit(trx, principal, {
        localityId: result.locality.id,
        action: 'issue',
        entityType: 'annual-review',
        entityId: review.id,
        summary: `Sent the annual review to ${returns.length} significant partnership${returns.length === 1 ? '' : 's'}, due by ${formatDate(data.deadline)}`,
      });
      return review;
    });
  }

  async review(principal: Principal, gssCode: string, id: string, db: Db = this.db) {
    const ctx = await this.context(principal, gssCode, { db });
    const review = await this.repository.review(db, ctx.locality.id, id);
    if (!review) throw new NotFoundError('Annual review');
    const returns = (await this.repository.returns(db, id))
      .map((r) => ({
        ...r,
        name: ctx.names.get(r.partnership_id) ?? '',
        canReturn: this.mayAnswer(principal, ctx.locality, r.partnership_id),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return { ...ctx, review, returns };
  }

  async returnForm(principal: Principal, gssCode: string, reviewId: string, returnId: string) {
    const result = await this.review(principal, gssCode, reviewId);
    const found = result.returns.find((r) => r.id === returnId);
    if (!found) throw new NotFoundError('Annual review return');
    return { ...result, ret: found };
  }

  async submitReturn(
    principal: Principal,
    gssCode: string,
    reviewId: string,
    returnId: string,
    input: unknown,
    options?: WriteOptions,
  ) {
    const data = parseInput(returnInput, input);
    return this.write(options, async (trx) => {
      const result = await this.review(principal, gssCode, reviewId, trx);
      const ret = result.returns.find((r) => r.id === returnId);
      if (!ret) throw new NotFoundError('Annual review return');
      if (!ret.canReturn) refuse(principal, result.locality, 'Annual review return');
      if (result.review.state !== 'open') throw new ConflictError('The report has been compiled: returns are closed');
      if (
        !(await this.repository.updateReturn(trx, returnId, data.version, {
          state: 'returned',
          achievements: data.achievements,
          performance: data.performance,
          risks: data.risks,
          governance_actions: data.governanceActions ?? null,
          resources: data.resources,
          future: data.future,
          future_reason: data.futureReason ?? null,
          returned_by: principal.id,
          returned_at: new Date(),
        }))
      )
        throw new ConflictError('The return was changed by someone else: reload it');
      await this.audit(trx, principal, {
        localityId: result.locality.id,
        partnershipId: ret.partnership_id,
        action: 'record-return',
        entityType: 'annual-review',
        entityId: reviewId,
        summary: `Returned the annual review of ${ret.name}: ${data.future}`,
      });
    });
  }

  /** Reminds the secretaries whose returns are still out. */
  async chase(principal: Principal, gssCode: string, reviewId: string, options?: WriteOptions): Promise<number> {
    return this.write(options, async (trx) => {
      const result = await this.review(principal, gssCode, reviewId, trx);
      if (!result.canAdminister) refuse(principal, result.locality, 'Annual review');
      const out = result.returns.filter((r) => r.state === 'sent');
      for (const r of out)
        await this.deps.notifications.notify(
          {
            roles: [{ role: 'partnership-secretary', partnershipId: r.partnership_id }],
            localityId: result.locality.id,
            subject: `Reminder: the annual review of ${r.name} is due by ${formatDate(result.review.deadline)}`,
            body: 'The audit committee’s report cannot be completed without it.',
            link: `/localities/${result.locality.gss_code}/assurance/reviews/${reviewId}/returns/${r.id}`,
          },
          { trx },
        );
      await this.repository.markChased(
        trx,
        out.map((r) => r.id),
      );
      return out.length;
    });
  }

  /** The audit committee report: each significant partnership with its rating, the exceptions and the recommendations. */
  async report(principal: Principal, gssCode: string, reviewId: string) {
    const result = await this.review(principal, gssCode, reviewId);
    const assessments = await this.repository.assessments(this.db, result.locality.id);
    const actions = await this.repository.actions(this.db, result.locality.id);
    const rows: ReportRow[] = result.returns.map((r) => {
      const latest = this.history(assessments, r.partnership_id, HEALTH_CHECK_CODE)[0];
      const score = latest?.assessment.score ?? null;
      const rating = ratingFor(score);
      const returned = r.state === 'returned' ? r : null;
      const exceptions: string[] = [];
      if (!returned) exceptions.push('Annual review not returned');
      if (!latest) exceptions.push('No governance health check submitted');
      if (rating === 'limited') exceptions.push('Limited assurance');
      const overdue = actions.filter(
        (a) => a.partnership_id === r.partnership_id && a.state === 'open' && a.due_on < result.today,
      ).length;
      if (overdue) exceptions.push(`${overdue} governance action${overdue === 1 ? '' : 's'} overdue`);
      return {
        partnershipId: r.partnership_id,
        name: r.name,
        score,
        rating,
        returned,
        recommendation: recommendation(rating, (returned?.future as Future | null) ?? null),
        exceptions,
      };
    });
    return { ...result, rows };
  }

  async compile(principal: Principal, gssCode: string, reviewId: string, options?: WriteOptions): Promise<void> {
    await this.write(options, async (trx) => {
      const result = await this.review(principal, gssCode, reviewId, trx);
      if (!result.canAdminister) refuse(principal, result.locality, 'Annual review');
      await this.repository.setReviewState(trx, reviewId, 'compiled');
      await this.audit(trx, principal, {
        localityId: result.locality.id,
        action: 'update',
        entityType: 'annual-review',
        entityId: reviewId,
        summary: `Compiled the audit committee report for ${result.review.financial_year}`,
      });
    });
  }

  // --- accreditation ---------------------------------------------------------------------------------------

  async accreditations(principal: Principal, gssCode: string) {
    const ctx = await this.context(principal, gssCode);
    const [accreditations, assessments] = await Promise.all([
      this.repository.accreditations(this.db, ctx.locality.id),
      this.repository.assessments(this.db, ctx.locality.id),
    ]);
    const taken = new Set(accreditations.map((a) => a.assessment_id));
    return {
      ...ctx,
      accreditations: accreditations.map((a) => ({ ...a, name: ctx.names.get(a.partnership_id) ?? '' })),
      // Submitted accreditation self-assessments this person may put forward, not yet put forward.
      ready: assessments.filter(
        (a) =>
          a.checklist_code === ACCREDITATION_CODE &&
          a.state === 'submitted' &&
          !taken.has(a.id) &&
          principal.canWrite &&
          canEditPartnership(principal, ctx.locality, a.partnership_id),
      ),
      strategic: ctx.partnerships.filter(
        (p) => p.layer === 'strategic' && p.status === 'active' && canEditPartnership(principal, ctx.locality, p.id),
      ),
    };
  }

  async submitAccreditation(principal: Principal, gssCode: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(accreditationSubmitInput, input);
    return this.write(options, async (trx) => {
      const ctx = await this.context(principal, gssCode, { db: trx });
      const assessment = await this.repository.assessment(trx, ctx.locality.id, data.assessmentId);
      if (!assessment || assessment.checklist_code !== ACCREDITATION_CODE || assessment.state !== 'submitted')
        throw new ValidationError([
          { field: 'assessmentId', message: 'Choose a submitted accreditation self-assessment' },
        ]);
      if (!principal.canWrite || !canEditPartnership(principal, ctx.locality, assessment.partnership_id))
        refuse(principal, ctx.locality, 'Partnership');
      const row = await this.repository.insertAccreditation(trx, {
        locality_id: ctx.locality.id,
        partnership_id: assessment.partnership_id,
        assessment_id: assessment.id,
        state: 'submitted',
        submitted_by: principal.id,
      });
      const name = ctx.names.get(assessment.partnership_id) ?? '';
      await this.deps.notifications.notify(
        {
          roles: [
            { role: 'go-adviser', region: ctx.locality.region },
            { role: 'local-stakeholder', localityId: ctx.locality.id },
          ],
          localityId: ctx.locality.id,
          subject: `Accreditation submitted: ${name}`,
          body: `${name} (${ctx.locality.name}) has submitted its accreditation self-assessment for the Government Office to review.`,
          link: `/localities/${ctx.locality.gss_code}/assurance/accreditation/${row.id}`,
        },
        { trx },
      );
      await this.audit(trx, principal, {
        localityId: ctx.locality.id,
        partnershipId: assessment.partnership_id,
        action: 'create',
        entityType: 'accreditation',
        entityId: row.id,
        summary: `Submitted ${name} for accreditation`,
      });
      return row;
    });
  }

  /**
   * The context of an accreditation: the locality's readers', or, for a local stakeholder of the
   * locality (who reads nothing else restricted there), just enough to show it.
   */
  private async accreditationContext(principal: Principal, gssCode: string, db: Db): Promise<AssuranceContext> {
    const locality = await this.deps.register.locality(gssCode, db);
    if (canReadRestricted(principal, locality)) return this.context(principal, gssCode, { db });
    if (!isStakeholderIn(principal, locality)) refuse(principal, locality, 'Accreditation');
    const partnerships = await this.repository.partnerships(db, locality.id);
    return {
      locality,
      canAdminister: false,
      partnerships,
      names: new Map(partnerships.map((p) => [p.id, p.name])),
      today: todayInLondon(),
    };
  }

  async accreditation(principal: Principal, gssCode: string, id: string, db: Db = this.db) {
    if (!isUuid(id)) throw new NotFoundError('Accreditation');
    const ctx = await this.accreditationContext(principal, gssCode, db);
    // A stakeholder sees the self-assessment and their own view, not the locality's discussion.
    const stakeholderOnly = !canReadRestricted(principal, ctx.locality);
    const accreditation = await this.repository.accreditation(db, ctx.locality.id, id);
    if (!accreditation) throw new NotFoundError('Accreditation');
    const assessment = (await this.repository.assessment(
      db,
      ctx.locality.id,
      accreditation.assessment_id,
    )) as AssessmentRecord;
    const answers = await this.repository.answers(db, assessment.id);
    const adviser = isRegionalAdviser(principal, ctx.locality);
    const views = await this.repository.stakeholderViews(db, id);
    const documents = await this.documentsByQuestion(db, assessment.id);
    return {
      ...ctx,
      accreditation,
      name: ctx.names.get(accreditation.partnership_id) ?? '',
      assessment,
      answers: new Map(answers.map((a) => [a.question_key, a])),
      scores: scoreAssessment(assessment.definition, new Map(answers.map((a) => [a.question_key, a.value ?? '']))),
      documents,
      comments: stakeholderOnly ? [] : await this.repository.comments(db, id),
      views: stakeholderOnly ? views.filter((v) => v.author_id === principal.id) : views,
      myView: views.find((v) => v.author_id === principal.id) ?? null,
      stakeholderOnly,
      canGiveView:
        principal.canWrite &&
        isStakeholderIn(principal, ctx.locality) &&
        mayDecide(accreditation.state as AccreditationState),
      canDecide: adviser && mayDecide(accreditation.state as AccreditationState),
      canRespond:
        accreditation.state === 'more-asked' &&
        principal.canWrite &&
        canEditPartnership(principal, ctx.locality, accreditation.partnership_id),
      canComment: !stakeholderOnly && principal.canWrite && principal.kind === 'user',
    };
  }

  /**
   * A local stakeholder's view on the LSP's accreditation: support or concerns, with why, for the
   * Government Office adviser to weigh. One view a person, changed at its version until decided.
   */
  async recordView(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(stakeholderViewInput, input);
    return this.write(options, async (trx) => {
      const r = await this.accreditation(principal, gssCode, id, trx);
      if (!principal.canWrite || !isStakeholderIn(principal, r.locality))
        refuse(principal, r.locality, 'Accreditation');
      if (!r.canGiveView) throw new ConflictError('The Government Office has decided: views are closed');
      const grant = principal.grants.find((g) => g.role === 'local-stakeholder' && g.localityId === r.locality.id);
      const organisation = grant?.organisationId
        ? await this.repository.organisationName(trx, r.locality.id, grant.organisationId)
        : undefined;
      const author = principal.userId ? (await this.repository.userName(trx, principal.userId))?.name : undefined;
      const before = r.myView;
      if (before) {
        if (
          data.version !== before.version ||
          !(await this.repository.updateStakeholderView(trx, before.id, before.version, {
            stance: data.stance,
            comment: data.comment,
          }))
        )
          throw new ConflictError('Your view was changed elsewhere: reload it and change it again');
      } else
        await this.repository.insertStakeholderView(trx, {
          accreditation_id: id,
          author_id: principal.id,
          author_name: author ?? principal.label,
          organisation_name: organisation ?? 'No organisation named',
          stance: data.stance,
          comment: data.comment,
        });
      await this.audit(trx, principal, {
        localityId: r.locality.id,
        partnershipId: r.accreditation.partnership_id,
        action: 'comment',
        entityType: 'accreditation',
        entityId: id,
        summary: `${organisation ?? author ?? principal.label}: ${STANCE_LABELS[data.stance].toLowerCase()} on the accreditation of ${r.name}`,
        before: before ? { stance: before.stance, comment: before.comment } : undefined,
        after: { stance: data.stance, comment: data.comment },
      });
      await this.deps.notifications.notify(
        {
          roles: [{ role: 'go-adviser', region: r.locality.region }],
          localityId: r.locality.id,
          subject: `A local stakeholder’s view on ${r.name}’s accreditation`,
          body: `${organisation ?? 'A local stakeholder'}: ${STANCE_LABELS[data.stance]}. ${data.comment}`,
          link: `/localities/${r.locality.gss_code}/assurance/accreditation/${id}`,
        },
        { trx },
      );
    });
  }

  /** Only the Government Office adviser for the locality's region decides accreditation: nobody else. */
  private async forAdviser(principal: Principal, gssCode: string, id: string, trx: Db) {
    const result = await this.accreditation(principal, gssCode, id, trx);
    if (!isRegionalAdviser(principal, result.locality)) refuse(principal, result.locality, 'Accreditation');
    if (!mayDecide(result.accreditation.state as AccreditationState))
      throw new ConflictError('This accreditation is not waiting on the Government Office');
    return result;
  }

  async askForMore(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(askMoreInput, input);
    return this.write(options, async (trx) => {
      const r = await this.forAdviser(principal, gssCode, id, trx);
      if (
        !(await this.repository.updateAccreditation(trx, id, data.version, {
          state: 'more-asked',
          request: data.request,
        }))
      )
        throw new ConflictError('The accreditation was changed by someone else: reload it');
      await this.deps.notifications.notify(
        {
          roles: [{ role: 'partnership-secretary', partnershipId: r.accreditation.partnership_id }],
          localityId: r.locality.id,
          subject: `The Government Office asks for more on ${r.name}’s accreditation`,
          body: data.request,
          link: `/localities/${r.locality.gss_code}/assurance/accreditation/${id}`,
        },
        { trx },
      );
      await this.audit(trx, principal, {
        localityId: r.locality.id,
        partnershipId: r.accreditation.partnership_id,
        action: 'comment',
        entityType: 'accreditation',
        entityId: id,
        summary: `Asked for more information: ${data.request}`,
      });
    });
  }

  async respond(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(respondInput, input);
    return this.write(options, async (trx) => {
      const r = await this.accreditation(principal, gssCode, id, trx);
      if (!r.canRespond) refuse(principal, r.locality, 'Accreditation');
      if (
        !(await this.repository.updateAccreditation(trx, id, data.version, {
          state: 'submitted',
          response: data.response,
        }))
      )
        throw new ConflictError('The accreditation was changed by someone else: reload it');
      await this.audit(trx, principal, {
        localityId: r.locality.id,
        partnershipId: r.accreditation.partnership_id,
        action: 'update',
        entityType: 'accreditation',
        entityId: id,
        summary: 'Gave the further information the Government Office asked for',
      });
    });
  }

  async decide(
    principal: Principal,
    gssCode: string,
    id: string,
    input: unknown,
    options?: WriteOptions,
  ): Promise<AccreditationRow> {
    const data = parseInput(decisionInput, input);
    return this.write(options, async (trx) => {
      const r = await this.forAdviser(principal, gssCode, id, trx);
      const deciderName = principal.userId ? (await this.repository.userName(trx, principal.userId))?.name : undefined;
      if (
        !(await this.repository.updateAccreditation(trx, id, data.version, {
          state: data.decision,
          reasons: data.reasons,
          conditions: data.decision === 'accredited-with-conditions' ? (data.conditions ?? null) : null,
          consequence: data.decision === 'deferred' ? (data.consequence ?? null) : null,
          reassess_on: data.decision === 'deferred' ? (data.reassessOn ?? null) : null,
          decided_by: principal.id,
          decided_by_name: deciderName ?? principal.label,
          decided_at: new Date(),
        }))
      )
        throw new ConflictError('The accreditation was changed by someone else: reload it');
      await this.deps.notifications.notify(
        {
          roles: [
            { role: 'partnership-secretary', partnershipId: r.accreditation.partnership_id },
            { role: 'locality-admin', localityId: r.locality.id },
          ],
          localityId: r.locality.id,
          subject: `Accreditation decided: ${r.name}`,
          body: `The Government Office decided: ${data.decision.replace(/-/g, ' ')}. ${data.reasons}`,
          link: `/localities/${r.locality.gss_code}/assurance/accreditation/${id}`,
        },
        { trx },
      );
      await this.audit(trx, principal, {
        localityId: r.locality.id,
        partnershipId: r.accreditation.partnership_id,
        action: 'approve',
        entityType: 'accreditation',
        entityId: id,
        summary: `Accreditation of ${r.name}: ${data.decision}. ${data.reasons}`,
      });
      return (await this.repository.accreditation(trx, r.locality.id, id)) as AccreditationRow;
    });
  }

  async comment(principal: Principal, gssCode: string, id: string, input: unknown, options?: WriteOptions) {
    const data = parseInput(commentInput, input);
    return this.write(options, async (trx) => {
      const r = await this.accreditation(principal, gssCode, id, trx);
      if (!r.canComment) refuse(principal, r.locality, 'Accreditation');
      const name = principal.userId ? (await this.repository.userName(trx, principal.userId))?.name : undefined;
      await this.repository.insertComment(trx, {
        accreditation_id: id,
        author_id: principal.id,
        author_name: name ?? principal.label,
        body: data.body,
      });
      await this.audit(trx, principal, {
        localityId: r.locality.id,
        partnershipId: r.accreditation.partnership_id,
        action: 'comment',
        entityType: 'accreditation',
        entityId: id,
        summary: `Commented on the accreditation of ${r.name}`,
      });
    });
  }

  /** The public summary: decided accreditations only, with the reasons, conditions and consequences. */
  async publicSummary(gssCode: string) {
    const locality = await this.deps.register.locality(gssCode);
    const partnerships = await this.repository.partnerships(this.db, locality.id);
    const names = new Map(partnerships.map((p) => [p.id, p.name]));
    const decided = (await this.repository.accreditations(this.db, locality.id))
      .filter((a) => a.decided_at)
      .map((a) => ({ ...a, name: names.get(a.partnership_id) ?? '' }));
    return { locality, decided };
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

function questionOf(assessment: AssessmentRecord, key: string) {
  const question = assessment.definition.sections.flatMap((s) => s.questions).find((q) => q.key === key);
  if (!question) throw new NotFoundError('Question');
  return question;
}
