import type { ChecklistDefinition, Question, Section } from './rules.js';

/**
 * The three checklists Joined Up ships. They are seed data: the first time assurance is used
 * each becomes version 1 in the database, and from then on an administrator edits them there
 * (each edit a new version). The wording is this product's, on the headings the Audit
 * Commission used for partnership governance and the themes of LSP accreditation.
 */
export interface ShippedChecklist {
  code: string;
  title: string;
  purpose: 'health-check' | 'improvement' | 'accreditation';
  description: string;
  definition: ChecklistDefinition;
}

const q = (key: string, text: string, extra: Partial<Question> = {}): Question => ({
  key,
  text,
  scale: 'yes-partly-no',
  evidenceRequired: false,
  weight: 1,
  ...extra,
});
const section = (key: string, title: string, questions: Question[], weight = 1): Section => ({
  key,
  title,
  weight,
  questions,
});

export const HEALTH_CHECK_CODE = 'governance-health-check';
export const IMPROVEMENT_CODE = 'lsp-improvement';
export const ACCREDITATION_CODE = 'lsp-accreditation';

const healthCheck: ShippedChecklist = {
  code: HEALTH_CHECK_CODE,
  title: 'Partnership governance health check',
  purpose: 'health-check',
  description:
    'A yearly check of one partnership’s governance: why it exists, what it adds, how it is run, how it performs, what it costs, its risks, how it would end and how it serves the public.',
  definition: {
    sections: [
      section('rationale', 'Rationale', [
        q('purpose-clear', 'Is there a clear purpose that all partners share?', {
          help: 'A purpose the members would describe in the same words, written down.',
          weight: 2,
        }),
        q('still-needed', 'Is the partnership still needed to achieve that purpose?', {
          help: 'Could one body, or another partnership, do it as well?',
          weight: 2,
        }),
        q('reviewed-in-year', 'Has the partnership been reviewed in the last year?', {
          prefill: 'reviewed-in-year',
        }),
      ]),
      section('added-value', 'Added value', [
        q('adds-value', 'Does working together achieve more than partners would alone?', {
          scale: 'one-to-five',
          evidenceRequired: true,
          weight: 2,
        }),
        q('benefits-recorded', 'Are the benefits of the partnership recorded?'),
      ]),
      section('governance', 'Governance', [
        q('terms-of-reference', 'Has the partnership agreed terms of reference?', {
          prefill: 'terms-of-reference',
          evidenceRequired: true,
          weight: 2,
        }),
        q('sector-balance', 'Is the membership balanced across sectors?', {
          help: 'Public, private, voluntary and community members, with no one sector holding most seats.',
          prefill: 'sector-balance',
        }),
        q('decision-rules', 'Are there clear rules on how decisions are made and who is accountable for them?'),
        q('conflicts', 'Do members declare conflicts of interest, and is that recorded?'),
        q('accountable-body', 'Is an accountable body named for any money the partnership holds?'),
      ]),
      section('performance', 'Performance', [
        q('outcomes-targets', 'Does the partnership have outcomes with targets and indicators?', {
          prefill: 'outcomes-with-targets',
          weight: 2,
        }),
        q('reports-regularly', 'Does it report performance on a regular cycle, aligned with partners’ own?'),
        q('difficult-decisions', 'Does it tackle difficult decisions rather than defer them?', {
          scale: 'one-to-five',
        }),
      ]),
      section('finance', 'Finance', [
        q('costs-known', 'Are partners’ contributions and the running costs known?', {
          prefill: 'costs-known',
          weight: 2,
        }),
        q('budget-outcomes', 'Are budgets linked to the outcomes the partnership seeks?'),
        q('cost-benefit', 'Has cost against benefit been reviewed in the last year?'),
      ]),
      section('risk', 'Risk', [
        q('risks-recorded', 'Are the partnership’s risks recorded and managed?', { prefill: 'risks-recorded' }),
      ]),
      section(
        'termination',
        'Termination arrangements',
        [
          q('exit-strategy', 'Is there an exit strategy for when funding or the need ends?'),
          q('assets-liabilities', 'Is it agreed who holds assets and liabilities if it ends?'),
        ],
        0.5,
      ),
      section('public', 'Serving the public', [
        q('public-told', 'Is the public told who is accountable for the partnership’s decisions?'),
        q('complaints', 'Are complaints handled jointly, with one route for the public?'),
        q('scrutiny', 'Is the partnership open to overview and scrutiny?'),
        q('notes', 'Anything else the reviewer should know', { scale: 'text', weight: 0 }),
      ]),
    ],
  },
};

const rag = (key: string, text: string, help: string): Question =>
  q(key, text, { scale: 'rag', help, evidenceRequired: true });

const improvement: ShippedChecklist = {
  code: IMPROVEMENT_CODE,
  title: 'LSP performance improvement checklist',
  purpose: 'improvement',
  description:
    'An improvement tool for a local strategic partnership: seven elements of how it performs, each rated red, amber or green with evidence.',
  definition: {
    sections: [
      section('elements', 'The seven elements', [
        rag(
          'vision',
          'Shared vision and priorities',
          'A sustainable community strategy all partners own, with few clear priorities.',
        ),
        rag('leadership', 'Leadership', 'Partners’ leaders attend, decide and hold each other to account.'),
        rag(
          'delivery',
          'Delivery arrangements',
          'Thematic partnerships and task groups deliver the priorities, with clear lines to the board.',
        ),
        rag(
          'performance',
          'Performance management',
          'Outcomes with targets, reported on a regular cycle, with action when off track.',
        ),
        rag('resources', 'Use of resources', 'Partners align or pool mainstream money behind the priorities.'),
        rag(
          'engagement',
          'Community engagement',
          'Residents and the voluntary and community sector shape priorities and see results.',
        ),
        rag(
          'accountability',
          'Accountability and scrutiny',
          'The public knows who is accountable; scrutiny reviews the partnership.',
        ),
      ]),
    ],
  },
};

const accreditation: ShippedChecklist = {
  code: ACCREDITATION_CODE,
  title: 'LSP accreditation self-assessment',
  purpose: 'accreditation',
  description:
    'The local strategic partnership’s own assessment for accreditation: effective structures, inclusive working and genuine community engagement, confirmed by the Government Office and local stakeholders.',
  definition: {
    sections: [
      section('structures', 'Effective structures', [
        q('lsp-terms', 'Does the partnership have agreed terms of reference and membership?', {
          prefill: 'terms-of-reference',
          evidenceRequired: true,
        }),
        q('lsp-strategy', 'Has it agreed a community strategy and a neighbourhood renewal strategy?', {
          evidenceRequired: true,
          weight: 2,
        }),
        q('lsp-performance', 'Does it manage performance against targets?', { prefill: 'outcomes-with-targets' }),
        q('lsp-resources', 'Are partners’ contributions and the use of renewal funding known?', {
          prefill: 'costs-known',
        }),
      ]),
      section('inclusive', 'Inclusive working', [
        q('lsp-sectors', 'Are the public, private, voluntary and community sectors all represented?', {
          prefill: 'sector-balance',
          weight: 2,
        }),
        q('lsp-equality', 'Can every member take a full part: papers in time, accessible meetings, support?', {
          scale: 'one-to-five',
        }),
      ]),
      section('community', 'Genuine community engagement', [
        q('lsp-community-voice', 'Do residents and community groups shape the partnership’s priorities?', {
          scale: 'one-to-five',
          evidenceRequired: true,
          weight: 2,
        }),
        q('lsp-feedback', 'Does the partnership report back to the communities it serves?'),
        q('lsp-statement', 'The partnership’s statement to the Government Office', { scale: 'text', weight: 0 }),
      ]),
    ],
  },
};

export const SHIPPED_CHECKLISTS: ShippedChecklist[] = [healthCheck, improvement, accreditation];
