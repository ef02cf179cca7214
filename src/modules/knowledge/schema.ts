import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { z } from 'zod';
import { runStatements } from '../../db/statements.js';
import { isoDate, optionalText, requiredText } from '../../core/validation.js';
import { GUIDANCE_STATUSES, ISSUES, KINDS, NATIONS, PARTNERSHIP_TYPES, type Kind } from './types.js';
import type { State } from './workflow.js';

/**
 * An item is the working copy people write and editors moderate; each publication is a row of
 * `knowledge_versions`, kept for good, and the newest one is what the public reads and what
 * `knowledge_search` indexes. So an item being revised stays public, as last published, while
 * its next version is written and reviewed.
 */
export const knowledgeMigration: Migration = {
  async up(db) {
    await runStatements(
      db,
      `
      create table knowledge_items (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique,
        locality_id uuid references localities(id),
        state text not null check (state in ('draft', 'submitted', 'changes-requested', 'published', 'rejected', 'withdrawn')),
        kind text not null check (kind in ('case-study', 'guidance', 'how-to', 'template', 'link')),
        title text not null,
        summary text not null,
        body text not null,
        details jsonb not null default '{}',
        themes text[] not null default '{}',
        issues text[] not null default '{}',
        partnership_types text[] not null default '{}',
        nations text[] not null default '{}',
        author_id uuid references users(id),
        author_name text not null,
        editor_note text,
        published_version integer not null default 0,
        first_published_at timestamptz,
        last_reviewed_on date,
        review_due_on date,
        starter boolean not null default false,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index knowledge_items_state on knowledge_items (state, locality_id);
      create index knowledge_items_author on knowledge_items (author_id);

      create table knowledge_versions (
        item_id uuid not null references knowledge_items(id) on delete cascade,
        number integer not null,
        kind text not null,
        title text not null,
        summary text not null,
        body text not null,
        details jsonb not null default '{}',
        themes text[] not null default '{}',
        issues text[] not null default '{}',
        partnership_types text[] not null default '{}',
        nations text[] not null default '{}',
        change_note text,
        published_at timestamptz not null default now(),
        published_by text not null,
        published_by_name text not null,
        primary key (item_id, number)
      );

      create table knowledge_reviews (
        id bigint generated always as identity primary key,
        item_id uuid not null references knowledge_items(id) on delete cascade,
        action text not null,
        from_state text not null,
        to_state text not null,
        reason text,
        by_id text not null,
        by_name text not null,
        at timestamptz not null default now()
      );
      create index knowledge_reviews_item on knowledge_reviews (item_id, id);

      create table knowledge_search (
        item_id uuid primary key references knowledge_items(id) on delete cascade,
        slug text not null,
        kind text not null,
        title text not null,
        summary text not null,
        body_text text not null,
        published_at timestamptz not null,
        themes text[] not null default '{}',
        issues text[] not null default '{}',
        partnership_types text[] not null default '{}',
        nations text[] not null default '{}',
        document tsvector not null,
        head tsvector not null,
        concepts text[] not null default '{}',
        title_concepts text[] not null default '{}',
        thesaurus_version text not null default ''
      );
      create index knowledge_search_document on knowledge_search using gin (document);
      create index knowledge_search_concepts on knowledge_search using gin (concepts);
      create index knowledge_search_published on knowledge_search (published_at desc)
      `,
    );
  },
};

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface ItemDetails {
  publisher?: string;
  publishedOn?: string;
  guidanceStatus?: (typeof GUIDANCE_STATUSES)[number];
  supersededBy?: string;
  url?: string;
  place?: string;
  partnershipKind?: string;
  result?: string;
  contact?: string;
  citation?: string;
}

/** What an item says, in its working copy and in each published version alike. */
interface KnowledgeContentColumns {
  kind: Kind;
  title: string;
  summary: string;
  body: string;
  details: Json<ItemDetails>;
  themes: string[];
  issues: string[];
  partnership_types: string[];
  nations: string[];
}

export interface KnowledgeItemsTable extends KnowledgeContentColumns {
  id: Generated<string>;
  slug: string;
  locality_id: string | null;
  state: State;
  author_id: string | null;
  author_name: string;
  editor_note: string | null;
  published_version: Generated<number>;
  first_published_at: Date | null;
  last_reviewed_on: string | null;
  review_due_on: string | null;
  starter: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KnowledgeVersionsTable extends KnowledgeContentColumns {
  item_id: string;
  number: number;
  change_note: string | null;
  published_at: Timestamp;
  published_by: string;
  published_by_name: string;
}

export interface KnowledgeReviewsTable {
  id: Generated<string>;
  item_id: string;
  action: string;
  from_state: string;
  to_state: string;
  reason: string | null;
  by_id: string;
  by_name: string;
  at: Timestamp;
}

export interface KnowledgeSearchTable {
  item_id: string;
  slug: string;
  kind: Kind;
  title: string;
  summary: string;
  body_text: string;
  published_at: Timestamp;
  themes: string[];
  issues: string[];
  partnership_types: string[];
  nations: string[];
  document: string;
  /** Title (weight A) and summary (B) alone: small enough to rank every match quickly. */
  head: string;
  /** Thesaurus concepts named anywhere in the item, and in its title, read when it was indexed. */
  concepts: string[];
  title_concepts: string[];
  /** The thesaurus edition the concepts were read with: a newer edition reads them again. */
  thesaurus_version: string;
}

export interface KnowledgeTables {
  knowledge_items: KnowledgeItemsTable;
  knowledge_versions: KnowledgeVersionsTable;
  knowledge_reviews: KnowledgeReviewsTable;
  knowledge_search: KnowledgeSearchTable;
}

export type ItemRow = Selectable<KnowledgeItemsTable>;
export type VersionRow = Selectable<KnowledgeVersionsTable>;
export type ReviewRow = Selectable<KnowledgeReviewsTable>;

const codes = <T extends readonly string[]>(values: T, message: string) =>
  z.array(z.enum(values as unknown as [string, ...string[]], { error: message }));

/** What a person writes: the same schema for the form, the preview and the service. */
export const itemInput = z
  .object({
    kind: z.enum(KINDS, { error: 'Choose what kind of item this is' }),
    title: requiredText(200, 'Enter a title', 'Title'),
    summary: requiredText(500, 'Enter a summary of one or two sentences', 'Summary'),
    body: requiredText(50_000, 'Enter the text of the item', 'Text'),
    scope: z.string().trim().max(20).optional(),
    themes: z.array(z.string().max(100)).max(20).default([]),
    issues: codes(ISSUES, 'Choose a partnership issue from the list').min(1, {
      message: 'Choose at least one partnership issue',
    }),
    partnershipTypes: codes(PARTNERSHIP_TYPES, 'Choose a partnership type from the list').default([]),
    nations: codes(NATIONS, 'Choose a nation from the list').min(1, {
      message: 'Choose the nations this applies to',
    }),
    publisher: optionalText(200, 'Publisher'),
    publishedOn: isoDate('Enter the date it was published as a real date, like 27 3 2007').optional(),
    guidanceStatus: z.enum(GUIDANCE_STATUSES, { error: 'Choose whether the guidance is current' }).optional(),
    supersededBy: optionalText(300, 'What replaced it'),
    url: z
      .string()
      .trim()
      .max(500, { message: 'Address must be 500 characters or fewer' })
      .regex(/^https:\/\/[^\s<>"]+$/i, { message: 'Enter an address that starts with https://' })
      .optional(),
    place: optionalText(200, 'Where'),
    partnershipKind: optionalText(200, 'Kind of partnership'),
    result: optionalText(1000, 'Result'),
    contact: optionalText(200, 'Contact'),
    citation: optionalText(300, 'Citation'),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'guidance' && !value.publisher)
      ctx.addIssue({ code: 'custom', path: ['publisher'], message: 'Enter who published the guidance' });
    if (value.kind === 'guidance' && !value.guidanceStatus)
      ctx.addIssue({ code: 'custom', path: ['guidanceStatus'], message: 'Choose whether the guidance is current' });
    if (value.guidanceStatus === 'superseded' && !value.supersededBy)
      ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'Enter what replaced the guidance' });
    if (value.kind === 'link' && !value.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Enter the address the link goes to' });
    if (value.kind === 'case-study' && !value.place)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'Enter where this was done' });
  });
export type ItemInput = z.output<typeof itemInput>;

export const moderationInput = z
  .object({
    action: z.enum(['request-changes', 'publish', 'reject', 'submit', 'withdraw', 'revise', 'mark-reviewed'], {
      error: 'Choose what to do',
    }),
    reason: optionalText(2000, 'Reason'),
    version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.action === 'request-changes' || value.action === 'reject') && !value.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: value.action === 'reject' ? 'Enter why the item is rejected' : 'Enter what the author should change',
      });
  });

export const searchQuery = z.object({
  q: z.string().trim().max(200, { message: 'Search must be 200 characters or fewer' }).optional(),
  kind: z.enum(KINDS).optional().catch(undefined),
  theme: z.string().max(100).optional(),
  issue: z.enum(ISSUES).optional().catch(undefined),
  nation: z.enum(NATIONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type SearchQuery = z.output<typeof searchQuery>;
