import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ItemDetails, ItemRow, ReviewRow, VersionRow } from './schema.js';
import type { Kind } from './types.js';
import type { State } from './workflow.js';

export interface ItemValues {
  kind: Kind;
  title: string;
  summary: string;
  body: string;
  details: ItemDetails;
  themes: string[];
  issues: string[];
  partnershipTypes: string[];
  nations: string[];
}

/** The thesaurus concepts an item names, read at indexing. */
export interface ConceptReading {
  all: string[];
  title: string[];
  version: string;
}

export interface SearchFilters {
  kind?: string;
  theme?: string;
  issue?: string;
  nation?: string;
}

export interface SearchHit {
  item_id: string;
  slug: string;
  kind: Kind;
  title: string;
  summary: string;
  published_at: Date;
  themes: string[];
  issues: string[];
  nations: string[];
  rank: number;
  snippet: string | null;
}

export interface FacetCount {
  facet: 'kind' | 'theme' | 'issue' | 'nation';
  code: string;
  count: number;
}

/** Marks around a search term in a snippet; replaced by <mark> after the text is escaped. */
export const SNIPPET_START = '\u0001';
export const SNIPPET_END = '\u0002';

const FACET_COLUMNS = { kind: 'kind', theme: 'themes', issue: 'issues', nation: 'nations' } as const;

function values(v: ItemValues) {
  return {
    kind: v.kind,
    title: v.title,
    summary: v.summary,
    body: v.body,
    details: JSON.stringify(v.details),
    themes: v.themes,
    issues: v.issues,
    partnership_types: v.partnershipTypes,
    nations: v.nations,
  };
}

export class KnowledgeRepository {
  insertItem(
    db: Db,
    item: ItemValues & {
      slug: string;
      localityId: string | null;
      state: State;
      authorId: string | null;
      authorName: string;
      starter?: boolean;
    },
  ): Promise<ItemRow> {
    return db
      .insertInto('knowledge_items')
      .values({
        ...values(item),
        slug: item.slug,
        locality_id: item.localityId,
        state: item.state,
        author_id: item.authorId,
        author_name: item.authorName,
        starter: item.starter ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  updateContent(db: Db, id: string, item: ItemValues): Promise<ItemRow> {
    return db
      .updateTable('knowledge_items')
      .set({ ...values(item), version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  setState(
    db: Db,
    id: string,
    change: {
      state: State;
      editorNote?: string | null;
      publishedVersion?: number;
      firstPublishedAt?: Date;
      lastReviewedOn?: string;
      reviewDueOn?: string;
    },
  ): Promise<ItemRow> {
    return db
      .updateTable('knowledge_items')
      .set({
        state: change.state,
        ...(change.editorNote !== undefined ? { editor_note: change.editorNote } : {}),
        ...(change.publishedVersion !== undefined ? { published_version: change.publishedVersion } : {}),
        ...(change.firstPublishedAt ? { first_published_at: change.firstPublishedAt } : {}),
        ...(change.lastReviewedOn ? { last_reviewed_on: change.lastReviewedOn } : {}),
        ...(change.reviewDueOn ? { review_due_on: change.reviewDueOn } : {}),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  byId(db: Db, id: string): Promise<ItemRow | undefined> {
    return db.selectFrom('knowledge_items').selectAll().where('id', '=', id).executeTakeFirst();
  }

  bySlug(db: Db, slug: string): Promise<ItemRow | undefined> {
    return db.selectFrom('knowledge_items').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async slugTaken(db: Db, slug: string): Promise<boolean> {
    return !!(await db.selectFrom('knowledge_items').select('id').where('slug', '=', slug).executeTakeFirst());
  }

  async hasStarterLibrary(db: Db): Promise<boolean> {
    return !!(await db.selectFrom('knowledge_items').select('id').where('starter', '=', true).executeTakeFirst());
  }

  byAuthor(db: Db, authorId: string): Promise<ItemRow[]> {
    return db
      .selectFrom('knowledge_items')
      .selectAll()
      .where('author_id', '=', authorId)
      .orderBy('updated_at', 'desc')
      .execute();
  }

  /** Items waiting on an editor, or past review, within the editor's scopes (null = every locality). */
  forEditors(db: Db, localityIds: string[] | null, today: string): Promise<ItemRow[]> {
    let query = db
      .selectFrom('knowledge_items')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('state', '=', 'submitted'),
          eb.and([eb('state', '=', 'published'), eb('review_due_on', '<', today)]),
        ]),
      );
    if (localityIds) query = query.where('locality_id', 'in', localityIds.length ? localityIds : ['']);
    return query.orderBy('state', 'desc').orderBy('updated_at').execute();
  }

  insertVersion(
    db: Db,
    version: ItemValues & { itemId: string; number: number; changeNote: string | null; byId: string; byName: string },
  ): Promise<VersionRow> {
    return db
      .insertInto('knowledge_versions')
      .values({
        ...values(version),
        item_id: version.itemId,
        number: version.number,
        change_note: version.changeNote,
        published_by: version.byId,
        published_by_name: version.byName,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  versions(db: Db, itemId: string): Promise<VersionRow[]> {
    return db
      .selectFrom('knowledge_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('number', 'desc')
      .execute();
  }

  version(db: Db, itemId: string, number: number): Promise<VersionRow | undefined> {
    return db
      .selectFrom('knowledge_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  insertReview(
    db: Db,
    review: {
      itemId: string;
      action: string;
      from: string;
      to: string;
      reason: string | null;
      byId: string;
      byName: string;
    },
  ): Promise<ReviewRow> {
    return db
      .insertInto('knowledge_reviews')
      .values({
        item_id: review.itemId,
        action: review.action,
        from_state: review.from,
        to_state: review.to,
        reason: review.reason,
        by_id: review.byId,
        by_name: review.byName,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  reviews(db: Db, itemId: string): Promise<ReviewRow[]> {
    return db.selectFrom('knowledge_reviews').selectAll().where('item_id', '=', itemId).orderBy('id', 'desc').execute();
  }

  /**
   * The published version as search reads it. Title weighs A, summary B and body D, so a title
   * match outranks a summary match, which outranks a body match.
   */
  async index(
    db: Db,
    entry: {
      itemId: string;
      slug: string;
      publishedAt: Date;
      values: ItemValues;
      bodyText: string;
      concepts: ConceptReading;
    },
  ): Promise<void> {
    const v = entry.values;
    const c = entry.concepts;
    await sql`
      insert into knowledge_search
        (item_id, slug, kind, title, summary, body_text, published_at, themes, issues, partnership_types, nations,
         document, head, concepts, title_concepts, thesaurus_version)
      values (
        ${entry.itemId}, ${entry.slug}, ${v.kind}, ${v.title}, ${v.summary}, ${entry.bodyText}, ${entry.publishedAt},
        ${v.themes}::text[], ${v.issues}::text[], ${v.partnershipTypes}::text[], ${v.nations}::text[],
        setweight(to_tsvector('english', ${v.title}), 'A')
          || setweight(to_tsvector('english', ${v.summary}), 'B')
          || setweight(to_tsvector('english', ${entry.bodyText}), 'D'),
        setweight(to_tsvector('english', ${v.title}), 'A') || setweight(to_tsvector('english', ${v.summary}), 'B'),
        ${c.all}::text[], ${c.title}::text[], ${c.version}
      )
      on conflict (item_id) do update set
        slug = excluded.slug, kind = excluded.kind, title = excluded.title, summary = excluded.summary,
        body_text = excluded.body_text, published_at = excluded.published_at, themes = excluded.themes,
        issues = excluded.issues, partnership_types = excluded.partnership_types, nations = excluded.nations,
        document = excluded.document, head = excluded.head, concepts = excluded.concepts, title_concepts = excluded.title_concepts,
        thesaurus_version = excluded.thesaurus_version
    `.execute(db);
  }

  /** Entries whose concepts were read with another thesaurus edition, a batch at a time. */
  staleConcepts(
    db: Db,
    version: string,
    limit: number,
  ): Promise<Array<{ item_id: string; title: string; summary: string; body_text: string }>> {
    return db
      .selectFrom('knowledge_search')
      .select(['item_id', 'title', 'summary', 'body_text'])
      .where('thesaurus_version', '<>', version)
      .limit(limit)
      .execute();
  }

  async setConcepts(db: Db, itemId: string, concepts: ConceptReading): Promise<void> {
    await sql`update knowledge_search set concepts = ${concepts.all}::text[], title_concepts = ${concepts.title}::text[],
      thesaurus_version = ${concepts.version} where item_id = ${itemId}`.execute(db);
  }

  /**
   * One page of published items matching the words (or their thesaurus synonyms) and filters,
   * best first (a match on the words as typed counts once more than a match on a synonym), the
   * total, and how many results each facet value would give. Every facet is counted with the
   * other filters applied but not its own, so choosing "Guidance" still shows how many case
   * studies there are. One statement: the documents are matched and ranked once, and the page,
   * total and facets are all taken from that set (each read of a document costs; see the
   * benchmark in bench/knowledge-search.bench.ts).
   */
  async search(
    db: Db,
    options: {
      q?: string;
      /** Labels of the concepts the words name: only to highlight them in snippets. */
      synonyms: string[];
      /** Ids of the concepts the words name: an item naming any of them matches. */
      concepts: string[];
      filters: SearchFilters;
      limit: number;
      offset: number;
    },
  ): Promise<{ hits: SearchHit[]; total: number; facets: FacetCount[] }> {
    const typed = options.q ? typedQuery(options.q) : undefined;
    const query = typed ? tsquery(typed, options.synonyms) : undefined;
    const concepts = options.concepts;
    // Ranked on the title (weight A) and summary (B) alone, plus a small constant for any match:
    // the whole document of every match would be read again to rank it by its body (most of
    // the time of a search at 10,000 items: 130 ms against 25 ms, bench/knowledge-search).
    // A concept the words name counts as much as a title match where the item's title names
    // it, and as a body match elsewhere, so a title outranks a body whichever words it uses.
    const rank = typed
      ? sql`ts_rank(head, ${typed}) + 0.01 + ${
          concepts.length
            ? sql`case when title_concepts && ${concepts}::text[] then 1.0 when concepts && ${concepts}::text[] then 0.1 else 0 end`
            : sql`0`
        }`
      : sql`0`;
    // Two index look-ups joined, not one condition with "or": with "or" the planner read every
    // document (a sequential scan), 95 ms against 10 ms at 10,000 items.
    const matches = typed
      ? concepts.length
        ? sql`item_id in (select item_id from knowledge_search where document @@ ${typed}
            union select item_id from knowledge_search where concepts && ${concepts}::text[])`
        : sql`document @@ ${typed}`
      : sql`true`;
    const snippet = query
      ? sql`ts_headline('english', s.body_text, ${query}, ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=35, MinWords=15, MaxFragments=1`})`
      : sql`null`;
    const facetParts = (Object.keys(FACET_COLUMNS) as Array<keyof typeof FACET_COLUMNS>).map((facet) => {
      const where = filtersOn({ ...options.filters, [facet]: undefined });
      return facet === 'kind'
        ? sql`select 'kind'::text as facet, kind as code, count(*) as count from matched where ${where} group by kind`
        : sql`select ${sql.lit(facet)}::text as facet, code, count(*) as count
              from matched, unnest(${sql.ref(FACET_COLUMNS[facet])}) as code where ${where} group by code`;
    });
    const result = await sql<{
      hits: Array<Omit<SearchHit, 'published_at'> & { published_at: string }> | null;
      total: string | number;
      facets: Array<{ facet: FacetCount['facet']; code: string; count: number }> | null;
    }>`
      with matched as materialized (
        select item_id, slug, kind, title, summary, published_at, themes, issues, nations, ${rank} as rank
        from knowledge_search where ${matches}
      ),
      filtered as (select * from matched where ${filtersOn(options.filters)}),
      page as (
        select * from filtered order by rank desc, published_at desc, title
        limit ${options.limit} offset ${options.offset}
      )
      select
        (select json_agg(h order by h.rank desc, h.published_at desc, h.title) from (
          select p.item_id, p.slug, p.kind, p.title, p.summary, p.published_at, p.themes, p.issues, p.nations,
                 p.rank::float8 as rank, ${snippet} as snippet
          from page p join knowledge_search s on s.item_id = p.item_id
        ) h) as hits,
        (select count(*) from filtered) as total,
        (select json_agg(f) from (${sql.join(facetParts, sql` union all `)}) f) as facets
    `.execute(db);
    const row = result.rows[0];
    return {
      hits: (row?.hits ?? []).map((hit) => ({
        ...hit,
        published_at: new Date(hit.published_at),
        rank: Number(hit.rank),
      })),
      total: Number(row?.total ?? 0),
      facets: (row?.facets ?? []).map((f) => ({ facet: f.facet, code: f.code, count: Number(f.count) })),
    };
  }

  /** Published items sharing the most tags with a partnership: themes count twice, types once. */
  async related(db: Db, themes: string[], types: string[], limit: number): Promise<SearchHit[]> {
    const result = await sql<SearchHit>`
      select item_id, slug, kind, title, summary, published_at, themes, issues, nations, null as snippet,
             (cardinality(array(select unnest(themes) intersect select unnest(${themes}::text[]))) * 2
               + cardinality(array(select unnest(partnership_types) intersect select unnest(${types}::text[]))))::float8 as rank
      from knowledge_search s
      where themes && ${themes}::text[] or partnership_types && ${types}::text[]
      -- Superseded guidance is still listed, but after what is current.
      order by rank desc,
        (select i.details->>'guidanceStatus' = 'superseded' from knowledge_items i where i.id = s.item_id) nulls first,
        published_at desc, title
      limit ${limit}
    `.execute(db);
    return result.rows.map((hit) => ({ ...hit, rank: Number(hit.rank) }));
  }

  /**
   * Published items naming the thesaurus concepts a piece of text names (twice for a title), or
   * tagged with one of the given issues; with `kinds`, those kinds come first.
   */
  async relatedByConcepts(
    db: Db,
    concepts: string[],
    issues: string[],
    kinds: string[],
    limit: number,
  ): Promise<SearchHit[]> {
    if (concepts.length === 0 && issues.length === 0) return [];
    const result = await sql<SearchHit>`
      select item_id, slug, kind, title, summary, published_at, themes, issues, nations, null as snippet,
             (cardinality(array(select unnest(title_concepts) intersect select unnest(${concepts}::text[]))) * 2
               + cardinality(array(select unnest(concepts) intersect select unnest(${concepts}::text[])))
               + cardinality(array(select unnest(issues) intersect select unnest(${issues}::text[]))) * 2
               + case when kind = any(${kinds}::text[]) then 1 else 0 end)::float8 as rank
      from knowledge_search s
      where concepts && ${concepts}::text[] or issues && ${issues}::text[]
      order by rank desc,
        (select i.details->>'guidanceStatus' = 'superseded' from knowledge_items i where i.id = s.item_id) nulls first,
        published_at desc, title
      limit ${limit}
    `.execute(db);
    return result.rows.map((hit) => ({ ...hit, rank: Number(hit.rank) }));
  }

  latest(
    db: Db,
    limit: number,
  ): Promise<Array<{ slug: string; kind: Kind; title: string; summary: string; published_at: Date }>> {
    return db
      .selectFrom('knowledge_search')
      .select(['slug', 'kind', 'title', 'summary', 'published_at'])
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** Each published item's slug, title, body and address (a link item's), as published. */
  async publishedForLinkCheck(
    db: Db,
  ): Promise<Array<{ slug: string; title: string; body: string; url: string | null }>> {
    const rows = await db
      .selectFrom('knowledge_items as i')
      .innerJoin('knowledge_versions as v', (join) =>
        join.onRef('v.item_id', '=', 'i.id').onRef('v.number', '=', 'i.published_version'),
      )
      .select(['i.slug', 'v.title', 'v.body', sql<string | null>`v.details->>'url'`.as('url')])
      .where('i.published_version', '>', 0)
      .where('i.state', 'not in', ['withdrawn'])
      .orderBy('i.slug')
      .execute();
    return rows;
  }

  allPublished(db: Db): Promise<Array<{ slug: string; published_at: Date }>> {
    return db.selectFrom('knowledge_search').select(['slug', 'published_at']).orderBy('slug').execute();
  }

  /** The words of the published items, with how many items use each: the vocabulary "did you mean" draws on. */
  async vocabulary(db: Db): Promise<Map<string, number>> {
    const result = await sql<{ word: string; items: number }>`
      select w.word, count(distinct s.item_id)::int as items
      from knowledge_search s,
        regexp_split_to_table(lower(s.title || ' ' || s.summary || ' ' || s.body_text), '[^a-z0-9]+') as w(word)
      where length(w.word) >= 3
      group by w.word`.execute(db);
    return new Map(result.rows.map((r) => [r.word, Number(r.items)]));
  }
}

/** A word typed with a star after it, "partner*": any word it begins (letters and digits only). */
const PREFIX = /(?:^|\s)([\p{L}\p{N}]+)\*(?=\s|$)/gu;

/**
 * The words as typed: web-search syntax ("quoted phrases", or, -not) for all but the words with a
 * star after them, which match as prefixes ("partner*" finds partnership and partners), all of
 * them required.
 */
export function typedQuery(q: string): RawBuilder<unknown> {
  const prefixes = [...q.matchAll(PREFIX)].map((m) => m[1]!.toLowerCase());
  if (prefixes.length === 0) return sql`websearch_to_tsquery('english', ${q})`;
  const rest = q.replace(PREFIX, ' ').trim();
  // Each prefix is letters and digits only, so it cannot carry tsquery syntax of its own.
  const parts = prefixes.map((word) => sql`to_tsquery('english', ${`${word}:*`})`);
  if (/[\p{L}\p{N}]/u.test(rest)) parts.unshift(sql`websearch_to_tsquery('english', ${rest})`);
  return sql`(${sql.join(parts, sql` && `)})`;
}

function tsquery(typed: RawBuilder<unknown>, synonyms: string[]): RawBuilder<unknown> {
  if (synonyms.length === 0) return typed;
  const phrases = synonyms.map((label) => sql`phraseto_tsquery('english', ${label})`);
  return sql`(${typed} || ${sql.join(phrases, sql` || `)})`;
}

/** The facet filters, applied to rows already matched by the words. */
function filtersOn(filters: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filters.kind) parts.push(sql`kind = ${filters.kind}`);
  if (filters.theme) parts.push(sql`themes @> array[${filters.theme}]::text[]`);
  if (filters.issue) parts.push(sql`issues @> array[${filters.issue}]::text[]`);
  if (filters.nation) parts.push(sql`nations @> array[${filters.nation}]::text[]`);
  return sql.join(parts, sql` and `);
}
