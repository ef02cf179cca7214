import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { isoDate, optionalText, recordVersion, requiredText } from '../../core/validation.js';
import { runStatements } from '../../db/statements.js';
import { financialYear } from '../performance/schema.js';
import {
  CRITERIA,
  type ChecklistDefinition,
  DECISIONS,
  FUTURES,
  PREFILLS,
  SCALES,
  type SignificanceRule,
} from './rules.js';

/**
 * Governance assurance: checklists kept as versioned data (each version the whole definition,
 * so an assessment answered on version 2 reads the same after version 3 is made), assessments
 * of partnerships with their answers and evidence, the actions weak answers become, each
 * locality's significance rule and overrides, the annual review with its returns, and LSP
 * accreditation.
 */
export const assuranceMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table assurance_checklists (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        title text not null,
        purpose text not null check (purpose in ('health-check', 'improvement', 'accreditation')),
        description text not null,
        current_version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table assurance_checklist_versions (
        id uuid primary key default gen_random_uuid(),
        checklist_id uuid not null references assurance_checklists(id),
        version integer not null,
        definition jsonb not null,
        change_note text not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        unique (checklist_id, version)
      );

      create table assurance_assessments (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid not null references partnerships(id),
        checklist_version_id uuid not null references assurance_checklist_versions(id),
        financial_year integer not null,
        state text not null check (state in ('in-progress', 'submitted')),
        score integer,
        started_by text not null,
        submitted_by text,
        submitted_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index assurance_assessments_partnership on assurance_assessments (partnership_id, created_at);
      create index assurance_assessments_locality on assurance_assessments (locality_id);

      create table assurance_answers (
        assessment_id uuid not null references assurance_assessments(id) on delete cascade,
        question_key text not null,
        value text,
        evidence_kind text check (evidence_kind in ('link', 'note', 'pointer')),
        evidence text,
        suggested_value text,
        suggestion_note text,
        confirmed boolean not null default false,
        answered_by text,
        updated_at timestamptz not null default now(),
        primary key (assessment_id, question_key)
      );

      create table assurance_actions (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid not null references partnerships(id),
        assessment_id uuid references assurance_assessments(id),
        question_key text,
        title text not null,
        owner_user_id uuid references users(id),
        owner_name text not null,
        due_on date not null,
        state text not null check (state in ('open', 'done')),
        done_note text,
        reminded_on date,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index assurance_actions_partnership on assurance_actions (partnership_id, state);
      create index assurance_actions_owner on assurance_actions (owner_user_id, state);

      create table assurance_significance_rules (
        locality_id uuid primary key references localities(id),
        rule jsonb not null,
        version integer not null default 1,
        updated_by text not null,
        updated_at timestamptz not null default now()
      );

      create table assurance_significance_overrides (
        partnership_id uuid primary key references partnerships(id),
        locality_id uuid not null references localities(id),
        significant boolean not null,
        reason text not null,
        decided_by text not null,
        decided_at timestamptz not null default now()
      );

      create table assurance_reviews (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        financial_year integer not null,
        deadline date not null,
        state text not null check (state in ('open', 'compiled')),
        created_by text not null,
        compiled_at timestamptz,
        created_at timestamptz not null default now(),
        unique (locality_id, financial_year)
      );

      create table assurance_review_returns (
        id uuid primary key default gen_random_uuid(),
        review_id uuid not null references assurance_reviews(id) on delete cascade,
        partnership_id uuid not null references partnerships(id),
        state text not null check (state in ('sent', 'returned')),
        achievements text,
        performance text,
        risks text,
        governance_actions text,
        resources text,
        future text check (future in ('continue', 'scale-down', 'exit')),
        future_reason text,
        returned_by text,
        returned_at timestamptz,
        chased_at timestamptz,
        version integer not null default 1,
        unique (review_id, partnership_id)
      );

      create table assurance_accreditations (
        id uuid primary key default gen_random_uuid(),
        locality_id uuid not null references localities(id),
        partnership_id uuid not null references partnerships(id),
        assessment_id uuid not null references assurance_assessments(id),
        state text not null check (state in ('submitted', 'more-asked', 'accredited', 'accredited-with-conditions', 'deferred')),
        submitted_by text not null,
        submitted_at timestamptz not null default now(),
        request text,
        response text,
        reasons text,
        conditions text,
        consequence text,
        reassess_on date,
        decided_by text,
        decided_by_name text,
        decided_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index assurance_accreditations_locality on assurance_accreditations (locality_id, created_at);

      create table assurance_accreditation_comments (
        id uuid primary key default gen_random_uuid(),
        accreditation_id uuid not null references assurance_accreditations(id) on delete cascade,
        author_name text not null,
        author_id text not null,
        body text not null,
        created_at timestamptz not null default now()
      )
      `,
    );
  },
};

/**
 * Documents uploaded as evidence, kept in the database (so a backup carries them, and a restore
 * brings them back with the answers they support), and local stakeholders' views on an LSP's
 * accreditation. Chairs and stakeholders are roles (`role_assignments`), so need no table.
 */
export const assuranceEvidenceMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table assurance_documents (
        id uuid primary key default gen_random_uuid(),
        assessment_id uuid not null references assurance_assessments(id) on delete cascade,
        question_key text not null,
        file_name text not null,
        content_type text not null,
        size_bytes integer not null check (size_bytes > 0),
        content bytea not null,
        uploaded_by text not null,
        uploaded_by_name text not null,
        created_at timestamptz not null default now()
      );
      create index assurance_documents_assessment on assurance_documents (assessment_id, question_key);

      create table assurance_stakeholder_views (
        id uuid primary key default gen_random_uuid(),
        accreditation_id uuid not null references assurance_accreditations(id) on delete cascade,
        author_id text not null,
        author_name text not null,
        organisation_name text not null,
        stance text not null check (stance in ('support', 'concerns')),
        comment text not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (accreditation_id, author_id)
      )
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AssuranceChecklistsTable {
  id: Generated<string>;
  code: string;
  title: string;
  purpose: string;
  description: string;
  current_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssuranceChecklistVersionsTable {
  id: Generated<string>;
  checklist_id: string;
  version: number;
  definition: JSONColumnType<ChecklistDefinition, string, string>;
  change_note: string;
  created_by: string;
  created_at: Timestamp;
}

export interface AssuranceAssessmentsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  checklist_version_id: string;
  financial_year: number;
  state: string;
  score: number | null;
  started_by: string;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssuranceAnswersTable {
  assessment_id: string;
  question_key: string;
  value: string | null;
  evidence_kind: string | null;
  evidence: string | null;
  suggested_value: string | null;
  suggestion_note: string | null;
  confirmed: Generated<boolean>;
  answered_by: string | null;
  updated_at: Timestamp;
}

export interface AssuranceActionsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  assessment_id: string | null;
  question_key: string | null;
  title: string;
  owner_user_id: string | null;
  owner_name: string;
  due_on: string;
  state: string;
  done_note: string | null;
  reminded_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssuranceReviewsTable {
  id: Generated<string>;
  locality_id: string;
  financial_year: number;
  deadline: string;
  state: string;
  created_by: string;
  compiled_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AssuranceReviewReturnsTable {
  id: Generated<string>;
  review_id: string;
  partnership_id: string;
  state: string;
  achievements: string | null;
  performance: string | null;
  risks: string | null;
  governance_actions: string | null;
  resources: string | null;
  future: string | null;
  future_reason: string | null;
  returned_by: string | null;
  returned_at: Timestamp | null;
  chased_at: Timestamp | null;
  version: Generated<number>;
}

export interface AssuranceAccreditationsTable {
  id: Generated<string>;
  locality_id: string;
  partnership_id: string;
  assessment_id: string;
  state: string;
  submitted_by: string;
  submitted_at: Timestamp;
  request: string | null;
  response: string | null;
  reasons: string | null;
  conditions: string | null;
  consequence: string | null;
  reassess_on: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssuranceDocumentsTable {
  id: Generated<string>;
  assessment_id: string;
  question_key: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  uploaded_by: string;
  uploaded_by_name: string;
  created_at: Timestamp;
}

export interface AssuranceStakeholderViewsTable {
  id: Generated<string>;
  accreditation_id: string;
  author_id: string;
  author_name: string;
  organisation_name: string;
  stance: string;
  comment: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssuranceTables {
  assurance_documents: AssuranceDocumentsTable;
  assurance_stakeholder_views: AssuranceStakeholderViewsTable;
  assurance_checklists: AssuranceChecklistsTable;
  assurance_checklist_versions: AssuranceChecklistVersionsTable;
  assurance_assessments: AssuranceAssessmentsTable;
  assurance_answers: AssuranceAnswersTable;
  assurance_actions: AssuranceActionsTable;
  assurance_significance_rules: {
    locality_id: string;
    rule: JSONColumnType<SignificanceRule, string, string>;
    version: Generated<number>;
    updated_by: string;
    updated_at: Timestamp;
  };
  assurance_significance_overrides: {
    partnership_id: string;
    locality_id: string;
    significant: boolean;
    reason: string;
    decided_by: string;
    decided_at: Timestamp;
  };
  assurance_reviews: AssuranceReviewsTable;
  assurance_review_returns: AssuranceReviewReturnsTable;
  assurance_accreditations: AssuranceAccreditationsTable;
  assurance_accreditation_comments: {
    id: Generated<string>;
    accreditation_id: string;
    author_name: string;
    author_id: string;
    body: string;
    created_at: Timestamp;
  };
}

export type ChecklistRow = Selectable<AssuranceChecklistsTable>;
export type ChecklistVersionRow = Selectable<AssuranceChecklistVersionsTable>;
export type AssessmentRow = Selectable<AssuranceAssessmentsTable>;
export type AnswerRow = Selectable<AssuranceAnswersTable>;
export type ActionRow = Selectable<AssuranceActionsTable>;
export type ReviewRow = Selectable<AssuranceReviewsTable>;
export type ReturnRow = Selectable<AssuranceReviewReturnsTable>;
export type AccreditationRow = Selectable<AssuranceAccreditationsTable>;
export type DocumentRow = Selectable<AssuranceDocumentsTable>;
/** A document as listed beside its answer: everything but the bytes. */
export type DocumentSummary = Omit<DocumentRow, 'content'>;
export type StakeholderViewRow = Selectable<AssuranceStakeholderViewsTable>;

// --- inputs -----------------------------------------------------------------------------------------

const KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;

export const questionInput = z.object({
  key: z
    .string({ error: 'Enter a key for the question' })
    .trim()
    .regex(KEY, { message: 'Key must be lower-case letters, numbers and hyphens, like board-attendance' }),
  sectionKey: z.string({ error: 'Choose the section' }).trim().min(1, { message: 'Choose the section' }),
  text: requiredText(300, 'Enter the question', 'Question'),
  help: optionalText(1000, 'Help text'),
  scale: z.enum(SCALES, { error: 'Choose the answer scale' }),
  evidenceRequired: z.boolean().default(false),
  weight: z
    .number({ error: 'Weight must be a number from 0 to 10' })
    .min(0, { message: 'Weight must be 0 or more' })
    .max(10, { message: 'Weight must be 10 or less' }),
  prefill: z.enum(PREFILLS, { error: 'Choose what the product fills in, or nothing' }).optional(),
  changeNote: requiredText(300, 'Say what changed and why', 'What changed'),
  version: recordVersion(),
});
export type QuestionInput = z.output<typeof questionInput>;

export const sectionInput = z.object({
  key: z
    .string({ error: 'Enter a key for the section' })
    .trim()
    .regex(KEY, { message: 'Key must be lower-case letters, numbers and hyphens, like membership' }),
  title: requiredText(200, 'Enter the section’s title', 'Title'),
  weight: z
    .number({ error: 'Weight must be a number from 0 to 10' })
    .min(0, { message: 'Weight must be 0 or more' })
    .max(10, { message: 'Weight must be 10 or less' }),
  version: recordVersion(),
});
export type SectionInput = z.output<typeof sectionInput>;

export const startAssessmentInput = z.object({
  partnershipId: z.uuid({ message: 'Choose the partnership' }),
  checklistCode: z.string({ error: 'Choose the checklist' }).trim().min(1, { message: 'Choose the checklist' }),
  year: financialYear('year').optional(),
});
export type StartAssessmentInput = z.output<typeof startAssessmentInput>;

export const answerInput = z.object({
  // The assessment's version as read; the page saves without it, the API must send it.
  version: recordVersion().optional(),
  value: z.string().trim().max(4000, { message: 'Answer must be 4,000 characters or fewer' }).optional(),
  evidenceKind: z.enum(['link', 'note', 'pointer'], { error: 'Choose the kind of evidence' }).optional(),
  evidence: optionalText(2000, 'Evidence'),
});
export type AnswerInput = z.output<typeof answerInput>;

export const actionInput = z.object({
  title: requiredText(300, 'Say what will be done', 'Action'),
  ownerUserId: z.uuid({ message: 'Choose who owns the action' }),
  dueOn: isoDate('Due date must be a real date'),
  version: recordVersion(),
});
export type ActionInput = z.output<typeof actionInput>;

export const completeActionInput = z.object({
  note: requiredText(1000, 'Say what was done', 'What was done'),
  version: recordVersion(),
});

export const criterionInput = z.object({
  kind: z.enum(CRITERIA),
  amount: z.number().min(0).max(1e14).optional(),
});

export const significanceRuleInput = z
  .object({
    criteria: z.array(criterionInput).min(1, { message: 'Choose at least one criterion' }).max(CRITERIA.length),
    required: z
      .number({ error: 'Enter how many criteria must hold, a whole number' })
      .int({ message: 'Enter how many criteria must hold, a whole number' })
      .min(1, { message: 'At least 1 criterion must hold' }),
  })
  .superRefine((value, ctx) => {
    if (value.required > value.criteria.length)
      ctx.addIssue({
        code: 'custom',
        path: ['required'],
        message: `Must be no more than the ${value.criteria.length} criteria chosen`,
      });
    const kinds = new Set(value.criteria.map((c) => c.kind));
    if (kinds.size !== value.criteria.length)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'Choose each criterion once' });
  });

export const overrideInput = z.object({
  significant: z.enum(['yes', 'no', 'rule'], { error: 'Choose significant, not significant, or follow the rule' }),
  reason: optionalText(1000, 'Reason'),
});

export const reviewInput = z.object({
  year: financialYear('year'),
  deadline: isoDate('Deadline must be a real date'),
});

export const returnInput = z.object({
  achievements: requiredText(4000, 'Say what the partnership achieved this year', 'Achievements'),
  performance: requiredText(4000, 'Say how it performed against its targets', 'Performance'),
  risks: requiredText(4000, 'Say what its main risks are', 'Risks'),
  governanceActions: optionalText(4000, 'Governance actions'),
  resources: requiredText(4000, 'Say what resources it used', 'Resources'),
  future: z.enum(FUTURES, { error: 'Choose whether to continue, scale down or exit' }),
  futureReason: optionalText(2000, 'Why'),
  version: recordVersion(),
});

export const accreditationSubmitInput = z.object({
  assessmentId: z.uuid({ message: 'Choose the submitted self-assessment' }),
});

export const askMoreInput = z.object({
  request: requiredText(2000, 'Say what more the Government Office needs', 'What is needed'),
  version: recordVersion(),
});

export const respondInput = z.object({
  response: requiredText(4000, 'Give the further information', 'Further information'),
  version: recordVersion(),
});

export const decisionInput = z
  .object({
    decision: z.enum(DECISIONS, { error: 'Choose accredited, accredited with conditions, or deferred' }),
    reasons: requiredText(4000, 'Give the reasons for the decision', 'Reasons'),
    conditions: optionalText(4000, 'Conditions'),
    consequence: optionalText(2000, 'Consequence'),
    reassessOn: isoDate('Reassessment date must be a real date').optional(),
    version: recordVersion(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'accredited-with-conditions' && !value.conditions)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'Give the conditions of accreditation' });
    if (value.decision === 'deferred' && !value.consequence)
      ctx.addIssue({
        code: 'custom',
        path: ['consequence'],
        message: 'Say what follows from deferral, for example funding held back',
      });
    if (value.decision === 'deferred' && !value.reassessOn)
      ctx.addIssue({ code: 'custom', path: ['reassessOn'], message: 'Enter the date of reassessment' });
  });

export const commentInput = z.object({
  body: requiredText(2000, 'Enter your comment', 'Comment'),
});

export const STANCES = ['support', 'concerns'] as const;
export const STANCE_LABELS: Record<(typeof STANCES)[number], string> = {
  support: 'Supports accreditation',
  concerns: 'Has concerns',
};

export const stakeholderViewInput = z.object({
  stance: z.enum(STANCES, { error: 'Choose whether you support accreditation or have concerns' }),
  comment: requiredText(4000, 'Say why', 'Comment'),
  version: recordVersion().optional(),
});
