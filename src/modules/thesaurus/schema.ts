import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { runStatements } from '../../db/statements.js';
import { FIELDS } from './types.js';

/**
 * The administrator's edition of the thesaurus is the shipped default with their edits laid on
 * top, in order: one row per edit, never changed or deleted. Keeping edits rather than a copy
 * means a new shipped edition reaches every installation, with the local edits still applied.
 */
export const thesaurusMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table thesaurus_edits (
        id integer generated always as identity primary key,
        kind text not null check (kind in ('add-alt-label', 'remove-alt-label', 'add-concept', 'retire-concept')),
        concept_id text not null,
        label text,
        field text,
        broader jsonb not null default '[]',
        made_by text not null,
        made_by_name text not null,
        made_at timestamptz not null default now()
      );
      create index thesaurus_edits_concept on thesaurus_edits (concept_id, id)
      `,
    );
  },
};

export const EDIT_KINDS = ['add-alt-label', 'remove-alt-label', 'add-concept', 'retire-concept'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface ThesaurusEditsTable {
  id: Generated<number>;
  kind: EditKind;
  concept_id: string;
  label: string | null;
  field: string | null;
  broader: ColumnType<string[], string | undefined, string>;
  made_by: string;
  made_by_name: string;
  made_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ThesaurusTables {
  thesaurus_edits: ThesaurusEditsTable;
}

export type ThesaurusEditRow = Selectable<ThesaurusEditsTable>;

const CONCEPT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A label as people write it: 1 to 100 characters, one line, no NUL. */
export const conceptLabel = z
  .string({ error: 'Enter a label' })
  .trim()
  .min(1, { message: 'Enter a label' })
  .max(100, { message: 'Label must be 100 characters or fewer' })
  .refine((value) => ![...value].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127), {
    message: 'Label must be one line of ordinary characters',
  });

export const conceptId = z
  .string({ error: 'Enter an identifier' })
  .trim()
  .toLowerCase()
  .max(80, { message: 'Identifier must be 80 characters or fewer' })
  .regex(CONCEPT_ID, { message: 'Identifier must be lower-case words joined by hyphens, like youth-clubs' });

export const altLabelInput = z.object({ label: conceptLabel });

export const newConceptInput = z.object({
  id: conceptId,
  label: conceptLabel,
  field: z.enum(FIELDS, { error: 'Choose the field the concept belongs to' }),
  broader: z
    .array(z.string().trim().max(80, { message: 'Broader concept must be an identifier of 80 characters or fewer' }), {
      error: 'Broader concepts must be a list of identifiers',
    })
    .max(10, { message: 'Name at most 10 broader concepts' })
    .optional(),
});

export const conceptListQuery = z.object({
  q: z.string().trim().max(100, { message: 'Search must be 100 characters or fewer' }).optional(),
  field: z.enum(FIELDS, { error: 'Choose a field' }).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).catch(50),
});

export const exportQuery = z.object({
  format: z.enum(['turtle', 'jsonld'], { error: 'Choose turtle or jsonld' }).default('turtle'),
});

export const conceptParams = z.object({
  id: z.string().max(80).regex(CONCEPT_ID).meta({ description: 'The concept’s identifier, e.g. teenage-pregnancy' }),
});

const conceptLink = z.object({ id: z.string(), label: z.string() });

export const conceptOutput = z.object({
  id: z.string(),
  label: z.string(),
  altLabels: z.array(z.string()),
  field: z.enum(FIELDS),
  broader: z.array(conceptLink),
  narrower: z.array(conceptLink),
  related: z.array(conceptLink),
  scopeNote: z.string().optional(),
  ages: z.array(z.number().int()).optional(),
  addedLocally: z.boolean().meta({ description: 'Added by an administrator here, not shipped' }),
});

export const conceptListOutput = z.object({
  version: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({ id: z.string(), label: z.string(), altLabels: z.array(z.string()), field: z.enum(FIELDS) }),
  ),
});

export type NewConceptInput = z.infer<typeof newConceptInput>;
export type ConceptListQuery = z.infer<typeof conceptListQuery>;
