/**
 * The knowledge base: case studies, guidance, how-to guides, templates and links, written in
 * Markdown by any signed-in person, moderated by editors (workflow.ts), published with their
 * versions kept, searched with PostgreSQL full-text search widened by the thesaurus, and read
 * by anyone without signing in.
 */
import { distance } from 'fastest-levenshtein';
import type { Principal } from '../../core/actor.js';
import { todayInLondon } from '../../core/dates.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import { KeptUntilChange, type RegisterChanges } from '../../db/changes.js';
import { canModerateKnowledge, isKnowledgeEditor, isSystem } from '../accounts/policy.js';
import type { AuditAction, AuditService } from '../audit/service.js';
import type { WorkItem, WorkSource } from '../notifications/service.js';
import { readTokens } from '../overlap/text.js';
import type { ReferenceService } from '../reference/service.js';
import type { RegisterService } from '../register/service.js';
import { matchConcepts } from '../thesaurus/matcher.js';
import type { ThesaurusSource } from '../thesaurus/source.js';
import { plainText, renderMarkdown } from './markdown.js';
import {
  type ConceptReading,
  type FacetCount,
  type ItemValues,
  KnowledgeRepository,
  type SearchHit,
  SNIPPET_END,
  SNIPPET_START,
} from './repository.js';
import {
  type ItemDetails,
  type ItemInput,
  type ItemRow,
  type ReviewRow,
  type SearchQuery,
  type VersionRow,
  itemInput,
  moderationInput,
  searchQuery,
} from './schema.js';
import { STARTER_LIBRARY } from './starter-library.js';
import { checkLinks, type LinkReport, linkUses } from './links.js';
import {
  ISSUE_LABELS,
  KIND_LABELS,
  NATION_LABELS,
  PARTNERSHIP_TYPE_LABELS,
  REVIEW_MONTHS,
  partnershipTypesOf,
} from './types.js';
import { type Action, NEEDS_REASON, STATE_LABELS, type Standing, availableActions, decide } from './workflow.js';

export const PAGE_SIZE = 10;

export interface FacetOption {
  code: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface SearchResults {
  query: SearchQuery;
  total: number;
  page: number;
  pages: number;
  hits: Array<SearchHit & { kindLabel: string; snippetHtml: string | null }>;
  facets: Record<'kind' | 'theme' | 'issue' | 'nation', FacetOption[]>;
  /** Thesaurus concepts the words were read as, whose labels were searched too. */
  widenedBy: string[];
  /** When nothing matched: the words respelt as the library spells them, when that finds something. */
  didYouMean: string | null;
}

export interface PublishedView {
  item: ItemRow;
  version: VersionRow;
  latest: number;
  html: string;
  tags: Tags;
  versions: VersionRow[];
  reviewOverdue: boolean;
  canModerate: boolean;
}

export interface Tags {
  kind: string;
  themes: Array<{ code: string; label: string }>;
  issues: Array<{ code: string; label: string }>;
  partnershipTypes: Array<{ code: string; label: string }>;
  nations: Array<{ code: string; label: string }>;
}

export interface WorkingView {
  item: ItemRow;
  html: string;
  tags: Tags;
  stateLabel: string;
  actions: Action[];
  standing: Standing;
  reviews: ReviewRow[];
  scopeName: string;
}

export interface RelatedItem {
  slug: string;
  title: string;
  kindLabel: string;
  summary: string;
}

function addMonths(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.toISOString().slice(0, 10);
}

export function slugFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // At most 80 characters, cut between words rather than inside one.
  const short = slug.length <= 80 ? slug : slug.slice(0, 81).replace(/-[^-]*$/, '');
  return short || 'item';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A snippet from ts_headline as safe HTML: the text escaped, then only our markers made <mark>. */
export function snippetHtml(snippet: string | null): string | null {
  if (!snippet) return null;
  return escapeHtml(snippet).replaceAll(SNIPPET_START, '<mark>').replaceAll(SNIPPET_END, '</mark>');
}

function valuesOf(input: ItemInput): ItemValues {
  const details: ItemDetails = {};
  for (const key of [
    'publisher',
    'publishedOn',
    'guidanceStatus',
    'supersededBy',
    'url',
    'place',
    'partnershipKind',
    'result',
    'contact',
    'citation',
  ] as const) {
    const value = input[key];
    if (value) (details as Record<string, string>)[key] = value;
  }
  if (input.kind !== 'guidance') {
    delete details.guidanceStatus;
    delete details.supersededBy;
  }
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    body: input.body,
    details,
    themes: [...new Set(input.themes)],
    issues: [...new Set(input.issues)],
    partnershipTypes: [...new Set(input.partnershipTypes)],
    nations: [...new Set(input.nations)],
  };
}

function rowValues(row: ItemRow | VersionRow): ItemValues {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    details: row.details,
    themes: row.themes,
    issues: row.issues,
    partnershipTypes: row.partnership_types,
    nations: row.nations,
  };
}

/** An item as the form shows it: the same field names the input schema reads. */
export function formValuesOf(row: ItemRow): Record<string, unknown> {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    scope: row.locality_id ?? 'national',
    themes: row.themes,
    issues: row.issues,
    partnershipTypes: row.partnership_types,
    nations: row.nations,
    ...row.details,
  };
}

/** Sets of related guidance kept at once: one per combination of themes and kinds of partnership. */
const RELATED_KEPT = 1_000;

export class KnowledgeService implements WorkSource {
  readonly repository = new KnowledgeRepository();
  private starterChecked = false;
  /** The thesaurus version every indexed item's concepts were last known to be read with. */
  private conceptsReadWith?: string;

  constructor(
    private readonly db: Db,
    private readonly deps: {
      audit: AuditService;
      reference: ReferenceService;
      register: RegisterService;
      thesaurus: ThesaurusSource;
      /** The hosts the link check may ask (LINK_CHECK_HOSTS); none, and it is off. */
      linkCheckHosts?: readonly string[];
      /** The database's announcements of changes, so guidance read for a page can be kept. */
      changes?: RegisterChanges;
    },
  ) {
    this.relatedKept = new KeptUntilChange(deps.changes, RELATED_KEPT);
  }

  /**
   * A partnership page's related guidance, by its themes and kinds of partnership, kept until the
   * knowledge base (or the register) changes: every partnership page asks.
   */
  private readonly relatedKept: KeptUntilChange<string, SearchHit[]>;

  /** The hosts the link check may ask, for the system administrator's page. */
  linkCheckHosts(principal: Principal): readonly string[] {
    if (!isSystem(principal)) throw new ForbiddenError('Only a system administrator may check the links');
    return this.deps.linkCheckHosts ?? [];
  }

  /** Asks every address the published items point to, on the listed hosts, whether it still answers. */
  async checkLinks(principal: Principal): Promise<LinkReport> {
    const hosts = this.linkCheckHosts(principal);
    if (hosts.length === 0) throw new ConflictError('The link check is off: no hosts are listed for it to ask');
    await this.ensureStarterLibrary();
    return checkLinks(linkUses(await this.repository.publishedForLinkCheck(this.db)), hosts);
  }

  /**
   * The starter library is seed data, added the first time the knowledge base is needed rather
   * by a migration: a backup restores only into an empty database, so a migration must not
   * write rows.
   */
  async ensureStarterLibrary(db: Db = this.db): Promise<number> {
    if (this.starterChecked) return 0;
    const added = await db.transaction().execute(async (trx) => {
      if (await this.repository.hasStarterLibrary(trx)) return 0;
      const today = todayInLondon();
      for (const entry of STARTER_LIBRARY) {
        const input = parseInput(itemInput, entry);
        const values = valuesOf(input);
        const item = await this.repository.insertItem(trx, {
          ...values,
          slug: await this.freeSlug(trx, input.title),
          localityId: null,
          state: 'published',
          authorId: null,
          authorName: 'Joined Up editors',
          starter: true,
        });
        await this.publishVersion(trx, item, values, { id: 'system', label: 'Joined Up editors' }, today, null);
      }
      return STARTER_LIBRARY.length;
    });
    this.starterChecked = true;
    return added;
  }

  private async freeSlug(db: Db, title: string): Promise<string> {
    const base = slugFor(title);
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await this.repository.slugTaken(db, slug))) return slug;
    }
  }

  private async publishVersion(
    trx: Db,
    item: ItemRow,
    values: ItemValues,
    by: { id: string; label: string },
    today: string,
    changeNote: string | null,
  ): Promise<ItemRow> {
    const number = item.published_version + 1;
    const version = await this.repository.insertVersion(trx, {
      ...values,
      itemId: item.id,
      number,
      changeNote,
      byId: by.id,
      byName: by.label,
    });
    const bodyText = plainText(values.body);
    await this.repository.index(trx, {
      itemId: item.id,
      slug: item.slug,
      publishedAt: item.first_published_at ?? version.published_at,
      values,
      bodyText,
      concepts: await this.readConcepts({ title: values.title, summary: values.summary, body: bodyText }, trx),
    });
    return this.repository.setState(trx, item.id, {
      state: 'published',
      editorNote: null,
      publishedVersion: number,
      firstPublishedAt: item.first_published_at ?? version.published_at,
      lastReviewedOn: today,
      reviewDueOn: addMonths(today, REVIEW_MONTHS),
    });
  }

  // ---- reading -------------------------------------------------------------------------

  /** The register's themes (the reference list), so an item and a partnership share one vocabulary. */
  private async themeLabels(): Promise<Map<string, string>> {
    const snapshot = await this.deps.reference.snapshot();
    return new Map(snapshot.items('theme').map((t) => [t.code, t.label]));
  }

  async themeOptions(): Promise<Array<{ value: string; text: string }>> {
    return [...(await this.themeLabels())].map(([value, text]) => ({ value, text }));
  }

  private async tagsOf(row: ItemRow | VersionRow): Promise<Tags> {
    const themes = await this.themeLabels();
    return {
      kind: KIND_LABELS[row.kind],
      themes: row.themes.map((code) => ({ code, label: themes.get(code) ?? code })),
      issues: row.issues.map((code) => ({ code, label: ISSUE_LABELS[code as keyof typeof ISSUE_LABELS] ?? code })),
      partnershipTypes: row.partnership_types.map((code) => ({ code, label: PARTNERSHIP_TYPE_LABELS[code] ?? code })),
      nations: row.nations.map((code) => ({ code, label: NATION_LABELS[code as keyof typeof NATION_LABELS] ?? code })),
    };
  }

  /**
   * The thesaurus concepts the words name: their ids (an item naming any of them matches) and
   * their labels (highlighted in snippets). A label whose words contain another label's words
   * in order ("section 75 agreement" and "section 75") is left out: it highlights nothing more.
   */
  async synonymsFor(q: string | undefined): Promise<{ ids: string[]; labels: string[]; concepts: string[] }> {
    if (!q) return { ids: [], labels: [], concepts: [] };
    const { thesaurus } = await this.deps.thesaurus.current(this.db);
    const matches = matchConcepts(thesaurus, readTokens(q));
    const concepts = [...new Set(matches.map((m) => m.concept))].map((c) => thesaurus.concepts[c]!);
    const readings = new Map<string, string>();
    for (const concept of concepts)
      for (const label of [concept.label, ...concept.altLabels]) {
        const stems = readTokens(label)
          .map((t) => t.stem)
          .join(' ');
        if (stems) readings.set(stems, label);
      }
    const kept = [...readings].filter(
      ([stems]) => ![...readings.keys()].some((other) => other !== stems && ` ${stems} `.includes(` ${other} `)),
    );
    return {
      ids: concepts.map((c) => c.id),
      labels: kept.map(([, label]) => label),
      concepts: concepts.map((c) => c.label),
    };
  }

  /** The concepts an item names, in all its text and in its title, read with the current thesaurus. */
  async readConcepts(
    text: { title: string; summary: string; body: string },
    db: Db = this.db,
  ): Promise<ConceptReading> {
    const { thesaurus, version } = await this.deps.thesaurus.current(db);
    const ids = (words: string) =>
      [...new Set(matchConcepts(thesaurus, readTokens(words)).map((m) => thesaurus.concepts[m.concept]!.id))].sort();
    return { all: ids(`${text.title}. ${text.summary}. ${text.body}`), title: ids(text.title), version };
  }

  /**
   * After an administrator edits the thesaurus, the concepts of every indexed item are read
   * again before the next search, so synonyms follow the edition in use.
   */
  private async ensureConceptsCurrent(): Promise<void> {
    const { version } = await this.deps.thesaurus.current(this.db);
    if (this.conceptsReadWith === version) return;
    for (;;) {
      const stale = await this.repository.staleConcepts(this.db, version, 500);
      if (stale.length === 0) break;
      await this.db.transaction().execute(async (trx) => {
        for (const row of stale)
          await this.repository.setConcepts(
            trx,
            row.item_id,
            await this.readConcepts({ title: row.title, summary: row.summary, body: row.body_text }, trx),
          );
      });
    }
    this.conceptsReadWith = version;
  }

  async search(input: unknown): Promise<SearchResults> {
    await this.ensureStarterLibrary();
    const query = parseInput(searchQuery, input);
    const q = query.q || undefined;
    await this.ensureConceptsCurrent();
    const { ids, labels, concepts } = await this.synonymsFor(q);
    const filters = { kind: query.kind, theme: query.theme, issue: query.issue, nation: query.nation };
    const offset = (query.page - 1) * PAGE_SIZE;
    const {
      hits,
      total,
      facets: counts,
    } = await this.repository.search(this.db, {
      q,
      synonyms: labels,
      concepts: ids,
      filters,
      limit: PAGE_SIZE,
      offset,
    });
    const themes = await this.themeLabels();
    const option = (facet: FacetCount['facet'], labelOf: (code: string) => string, selected?: string) =>
      counts
        .filter((c) => c.facet === facet)
        .map((c) => ({ code: c.code, label: labelOf(c.code), count: c.count, selected: c.code === selected }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-GB'));
    return {
      query,
      total,
      page: query.page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      hits: hits.map((hit) => ({ ...hit, kindLabel: KIND_LABELS[hit.kind], snippetHtml: snippetHtml(hit.snippet) })),
      facets: {
        kind: option('kind', (code) => KIND_LABELS[code as keyof typeof KIND_LABELS] ?? code, query.kind),
        theme: option('theme', (code) => themes.get(code) ?? code, query.theme),
        issue: option('issue', (code) => ISSUE_LABELS[code as keyof typeof ISSUE_LABELS] ?? code, query.issue),
        nation: option('nation', (code) => NATION_LABELS[code as keyof typeof NATION_LABELS] ?? code, query.nation),
      },
      widenedBy: concepts,
      didYouMean: total === 0 && q ? await this.didYouMean(q, filters) : null,
    };
  }

  /**
   * "Did you mean": each word of the query the library does not use is replaced by the nearest
   * word it does (Levenshtein distance 1 for short words, 2 for longer; then the one of the same
   * length, then the one more items use), and the respelling is offered only when it finds something.
   */
  private async didYouMean(
    q: string,
    filters: Parameters<KnowledgeRepository['search']>[1]['filters'],
  ): Promise<string | null> {
    const vocabulary = await this.repository.vocabulary(this.db);
    let changed = false;
    const respelt = q.split(/\s+/).map((word) => {
      const lower = word.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (lower.length < 3 || vocabulary.has(lower)) return word;
      const allowed = lower.length <= 5 ? 1 : 2;
      // Nearest first, then the same length (a transposed word over a plural), then the word more items use.
      let best: { word: string; rank: number[] } | undefined;
      for (const [candidate, items] of vocabulary) {
        if (Math.abs(candidate.length - lower.length) > allowed) continue;
        const d = distance(lower, candidate);
        if (d > allowed) continue;
        const rank = [d, Math.abs(candidate.length - lower.length), -items];
        const order = best ? rank.map((v, i) => v - (best as { rank: number[] }).rank[i]!).find((v) => v !== 0) : -1;
        if (order !== undefined && order < 0) best = { word: candidate, rank };
      }
      if (!best) return word;
      changed = true;
      return best.word;
    });
    if (!changed) return null;
    const suggestion = respelt.join(' ');
    const { labels, ids } = await this.synonymsFor(suggestion);
    const { total } = await this.repository.search(this.db, {
      q: suggestion,
      synonyms: labels,
      concepts: ids,
      filters,
      limit: 1,
      offset: 0,
    });
    return total > 0 ? suggestion : null;
  }

  /** A published item as the public reads it: its newest published version, or an older one. */
  async published(principal: Principal, slug: string, versionNumber?: number): Promise<PublishedView> {
    await this.ensureStarterLibrary();
    const item = await this.repository.bySlug(this.db, slug);
    if (!item || item.published_version === 0) throw new NotFoundError('Knowledge item');
    const number = versionNumber ?? item.published_version;
    const version = await this.repository.version(this.db, item.id, number);
    if (!version) throw new NotFoundError('Version');
    return {
      item,
      version,
      latest: item.published_version,
      html: renderMarkdown(version.body),
      tags: await this.tagsOf(version),
      versions: await this.repository.versions(this.db, item.id),
      reviewOverdue: !!item.review_due_on && item.review_due_on < todayInLondon(),
      canModerate: canModerateKnowledge(principal, item.locality_id),
    };
  }

  /** What a preview shows: the item checked as it would be on submission, and rendered. */
  async preview(principal: Principal, input: unknown): Promise<{ html: string; tags: Tags; values: ItemValues }> {
    this.requireSignedIn(principal);
    const parsed = parseInput(itemInput, input);
    const values = valuesOf(parsed);
    const tags = await this.tagsOf({
      ...values,
      partnership_types: values.partnershipTypes,
    } as unknown as VersionRow);
    return { html: renderMarkdown(values.body), tags, values };
  }

  // ---- writing and moderation -----------------------------------------------------------

  private requireSignedIn(principal: Principal): void {
    if (principal.kind === 'public') throw new UnauthenticatedError('Sign in to write for the knowledge base');
    if (!principal.canWrite) throw new ForbiddenError('This API token is read-only');
  }

  /** Where an item may be filed: the national library, or a locality the person holds a role in. */
  async scopesFor(principal: Principal): Promise<Array<{ value: string; text: string }>> {
    const scopes = [{ value: 'national', text: 'The national library (reviewed by national editors)' }];
    const ids = [...new Set(principal.grants.map((g) => g.localityId).filter((id): id is string => !!id))];
    for (const locality of await this.deps.register.listLocalities())
      if (ids.includes(locality.id))
        scopes.push({ value: locality.gss_code, text: `${locality.name} (reviewed by ${locality.name}’s editors)` });
    return scopes;
  }

  private async localityFor(principal: Principal, scope: string | undefined): Promise<string | null> {
    if (!scope || scope === 'national') return null;
    const allowed = await this.scopesFor(principal);
    if (!allowed.some((s) => s.value === scope))
      throw ValidationError.of('scope', 'Choose the national library or a locality you work in');
    return (await this.deps.register.locality(scope)).id;
  }

  private async checkThemes(themes: string[]): Promise<void> {
    const known = await this.themeLabels();
    const unknown = themes.find((t) => !known.has(t));
    if (unknown) throw ValidationError.of('themes', 'Choose a theme from the list');
  }

  /** A new item from any signed-in person: submitted for review, or kept as a draft. */
  async create(principal: Principal, input: unknown, options: { submit: boolean }): Promise<ItemRow> {
    this.requireSignedIn(principal);
    const parsed = parseInput(itemInput, input);
    await this.checkThemes(parsed.themes);
    const localityId = await this.localityFor(principal, parsed.scope);
    const values = valuesOf(parsed);
    return this.db.transaction().execute(async (trx) => {
      const item = await this.repository.insertItem(trx, {
        ...values,
        slug: await this.freeSlug(trx, parsed.title),
        localityId,
        state: options.submit ? 'submitted' : 'draft',
        authorId: principal.userId ?? null,
        authorName: principal.label,
      });
      await this.record(trx, principal, item, 'create', options.submit ? 'Submitted' : 'Saved a draft of', null);
      if (options.submit)
        await this.repository.insertReview(trx, {
          itemId: item.id,
          action: 'submit',
          from: 'draft',
          to: 'submitted',
          reason: null,
          byId: principal.id,
          byName: principal.label,
        });
      return item;
    });
  }

  private standing(principal: Principal, item: ItemRow): Standing {
    return {
      author: !!principal.userId && principal.userId === item.author_id,
      editor: canModerateKnowledge(principal, item.locality_id),
    };
  }

  private async load(db: Db, id: string): Promise<ItemRow> {
    const item = /^[0-9a-f-]{36}$/i.test(id) ? await this.repository.byId(db, id) : undefined;
    if (!item) throw new NotFoundError('Knowledge item');
    return item;
  }

  /** The working copy, for its author and its editors only. */
  async working(principal: Principal, id: string): Promise<WorkingView> {
    if (principal.kind === 'public') throw new UnauthenticatedError();
    const item = await this.load(this.db, id);
    const standing = this.standing(principal, item);
    if (!standing.author && !standing.editor) throw new NotFoundError('Knowledge item');
    const locality = item.locality_id
      ? (await this.deps.register.listLocalities()).find((l) => l.id === item.locality_id)
      : undefined;
    return {
      item,
      html: renderMarkdown(item.body),
      tags: await this.tagsOf(item),
      stateLabel: STATE_LABELS[item.state],
      actions: availableActions(item.state, standing),
      standing,
      reviews: await this.repository.reviews(this.db, item.id),
      scopeName: locality ? locality.name : 'the national library',
    };
  }

  /** The author changes their draft (or answers a request for changes), and may resubmit it. */
  async update(principal: Principal, id: string, input: unknown, options: { submit: boolean }): Promise<ItemRow> {
    this.requireSignedIn(principal);
    const parsed = parseInput(itemInput, input);
    const version = Number((input as Record<string, unknown>).version);
    await this.checkThemes(parsed.themes);
    return this.db.transaction().execute(async (trx) => {
      const item = await this.load(trx, id);
      this.allow('edit', item, principal);
      if (Number.isInteger(version) && version !== item.version)
        throw new ConflictError('Someone changed this item since you opened it: check it and save again');
      const localityId = await this.localityFor(principal, parsed.scope);
      const values = valuesOf(parsed);
      let updated = await this.repository.updateContent(trx, item.id, values);
      if (localityId !== item.locality_id)
        updated = (await trx
          .updateTable('knowledge_items')
          .set({ locality_id: localityId })
          .where('id', '=', item.id)
          .returningAll()
          .executeTakeFirstOrThrow()) as ItemRow;
      await this.record(trx, principal, updated, 'update', 'Changed', { title: item.title, body: item.body });
      if (options.submit) updated = await this.transition(trx, principal, updated, 'submit', null);
      return updated;
    });
  }

  /** The workflow's verdict, or the refusal: 404 to someone who may not even see the working copy. */
  private allow(action: Action, item: ItemRow, principal: Principal): { to: ItemRow['state'] } {
    const standing = this.standing(principal, item);
    const verdict = decide(action, item.state, standing);
    if (verdict.allowed) return verdict;
    if (!standing.author && !standing.editor && item.state !== 'published') throw new NotFoundError('Knowledge item');
    throw new ForbiddenError(verdict.reason);
  }

  private async transition(
    trx: Db,
    principal: Principal,
    item: ItemRow,
    action: Action,
    reason: string | null,
  ): Promise<ItemRow> {
    const verdict = this.allow(action, item, principal);
    const today = todayInLondon();
    let updated: ItemRow;
    if (action === 'publish') {
      updated = await this.publishVersion(trx, item, rowValues(item), principal, today, reason);
    } else if (action === 'mark-reviewed') {
      updated = await this.repository.setState(trx, item.id, {
        state: 'published',
        lastReviewedOn: today,
        reviewDueOn: addMonths(today, REVIEW_MONTHS),
      });
    } else {
      updated = await this.repository.setState(trx, item.id, {
        state: verdict.to,
        editorNote: NEEDS_REASON.includes(action) ? reason : action === 'submit' ? undefined : item.editor_note,
      });
    }
    await this.repository.insertReview(trx, {
      itemId: item.id,
      action,
      from: item.state,
      to: updated.state,
      reason,
      byId: principal.id,
      byName: principal.label,
    });
    const AUDIT: Record<Action, [AuditAction, string]> = {
      edit: ['update', 'Changed'],
      submit: ['update', 'Submitted'],
      'request-changes': ['comment', 'Asked for changes to'],
      publish: ['approve', 'Published'],
      reject: ['reject', 'Rejected'],
      withdraw: ['withdraw', 'Withdrew'],
      revise: ['update', 'Started a revision of'],
      'mark-reviewed': ['update', 'Marked as reviewed'],
    };
    const [auditAction, verb] = AUDIT[action];
    await this.record(trx, principal, updated, auditAction, verb, { state: item.state }, reason);
    return updated;
  }

  /** An editor's decision, or an author's submit, withdraw or revision, with its reason. */
  async moderate(principal: Principal, id: string, input: unknown): Promise<ItemRow> {
    this.requireSignedIn(principal);
    return this.db.transaction().execute(async (trx) => {
      const item = await this.load(trx, id);
      const standing = this.standing(principal, item);
      if (!standing.author && !standing.editor && item.state !== 'published') throw new NotFoundError('Knowledge item');
      const { action, reason, version } = parseInput(moderationInput, input);
      if (version !== undefined && version !== item.version)
        throw new ConflictError('Someone changed this item since you opened it: look again before you decide');
      return this.transition(trx, principal, item, action, reason ?? null);
    });
  }

  private async record(
    trx: Db,
    principal: Principal,
    item: ItemRow,
    action: AuditAction,
    verb: string,
    before: unknown,
    reason?: string | null,
  ): Promise<void> {
    await this.deps.audit.record(trx, principal, {
      localityId: item.locality_id,
      action,
      entityType: 'knowledge-item',
      entityId: item.id,
      summary: `${verb} the knowledge base item “${item.title}”${reason ? `: ${reason}` : ''}`,
      before,
      after: { state: item.state, title: item.title, version: item.version },
    });
  }

  // ---- lists ------------------------------------------------------------------------------

  async mine(principal: Principal): Promise<Array<ItemRow & { stateLabel: string }>> {
    if (principal.kind === 'public' || !principal.userId) throw new UnauthenticatedError();
    const rows = await this.repository.byAuthor(this.db, principal.userId);
    return rows.map((row) => ({ ...row, stateLabel: STATE_LABELS[row.state] }));
  }

  private editorScope(principal: Principal): string[] | null {
    if (isSystem(principal) || principal.grants.some((g) => g.role === 'knowledge-editor' && g.localityId === null))
      return null;
    return principal.grants.filter((g) => g.role === 'knowledge-editor' && g.localityId).map((g) => g.localityId!);
  }

  /** Submissions waiting for a decision and published items past their review date, for one editor. */
  async reviewQueue(principal: Principal): Promise<{ waiting: ItemRow[]; overdue: ItemRow[] }> {
    if (!isKnowledgeEditor(principal)) throw new ForbiddenError('Only an editor of the knowledge base may see this');
    await this.ensureStarterLibrary();
    const rows = await this.repository.forEditors(this.db, this.editorScope(principal), todayInLondon());
    return {
      waiting: rows.filter((r) => r.state === 'submitted'),
      overdue: rows.filter((r) => r.state === 'published'),
    };
  }

  /** What waits on this person in the knowledge base, for their inbox. */
  async workFor(principal: Principal): Promise<WorkItem[]> {
    const work: WorkItem[] = [];
    if (principal.userId)
      for (const item of await this.repository.byAuthor(this.db, principal.userId))
        if (item.state === 'changes-requested')
          work.push({
            kind: 'answer',
            title: `Make the changes an editor asked for: ${item.title}`,
            detail: item.editor_note ?? '',
            link: `/knowledge/drafts/${item.id}`,
            localityName: null,
            overdue: false,
            due: null,
          });
    if (isKnowledgeEditor(principal)) {
      const queue = await this.reviewQueue(principal);
      for (const item of queue.waiting)
        work.push({
          kind: 'review',
          title: `Review the knowledge base item: ${item.title}`,
          detail: `Submitted by ${item.author_name}`,
          link: `/knowledge/drafts/${item.id}`,
          localityName: null,
          overdue: false,
          due: null,
        });
      for (const item of queue.overdue)
        work.push({
          kind: 'overdue',
          title: `Review again: ${item.title}`,
          detail: `Due for review since ${item.review_due_on}`,
          link: `/knowledge/items/${item.slug}`,
          localityName: null,
          overdue: true,
          due: item.review_due_on ? new Date(`${item.review_due_on}T00:00:00Z`) : null,
        });
    }
    return work;
  }

  /** "Related guidance and practice" for a partnership: items sharing its themes and its kind. */
  async relatedTo(
    partnership: { themes: string[]; basis: string; statutory_type: string | null; name: string; layer: string },
    limit = 5,
  ): Promise<RelatedItem[]> {
    await this.ensureStarterLibrary();
    const themes = [...partnership.themes].sort();
    const types = partnershipTypesOf(partnership).sort();
    const hits = await this.relatedKept.get(`${themes.join(',')}|${types.join(',')}|${limit}`, () =>
      this.repository.related(this.db, themes, types, limit),
    );
    return hits.map((hit) => ({
      slug: hit.slug,
      title: hit.title,
      kindLabel: KIND_LABELS[hit.kind],
      summary: hit.summary,
    }));
  }

  /**
   * "Related guidance and practice" for a piece of work described in words: a proposal at its
   * pre-check, a rationalisation plan. Items naming the thesaurus concepts the words name (in their
   * title counting twice), or tagged with the given partnership issues; `kinds` (case studies for
   * a merger, say) rank first among equals.
   */
  async relatedToText(
    text: string,
    options: { issues?: string[]; kinds?: string[]; limit?: number } = {},
  ): Promise<RelatedItem[]> {
    await this.ensureStarterLibrary();
    await this.ensureConceptsCurrent();
    const { ids } = await this.synonymsFor(text);
    const hits = await this.repository.relatedByConcepts(
      this.db,
      ids,
      options.issues ?? [],
      options.kinds ?? [],
      options.limit ?? 5,
    );
    return hits.map((hit) => ({
      slug: hit.slug,
      title: hit.title,
      kindLabel: KIND_LABELS[hit.kind],
      summary: hit.summary,
    }));
  }

  /** Related guidance for a proposal: its title and every written answer, read for concepts. */
  relatedToProposal(proposal: { title: string; answers: unknown }): Promise<RelatedItem[]> {
    const words: string[] = [proposal.title];
    const collect = (value: unknown) => {
      if (typeof value === 'string') words.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(proposal.answers);
    return this.relatedToText(words.join('. ').slice(0, 20_000), { issues: ['governance'] });
  }

  /**
   * Related guidance for a rationalisation plan, by its words and the rationalisation issue; a plan
   * that merges partnerships shows the library's merger guidance and case studies of mergers first.
   */
  async relatedToPlan(plan: { title: string; rationale: string }, operationKinds: string[]): Promise<RelatedItem[]> {
    const limit = 5;
    const byWords = await this.relatedToText(`${plan.title}. ${plan.rationale}`, {
      issues: ['rationalisation'],
      limit,
    });
    if (!operationKinds.includes('merge')) return byWords;
    const mergers = (await this.search({ q: 'merger' })).hits.slice(0, 3).map((hit) => ({
      slug: hit.slug,
      title: hit.title,
      kindLabel: KIND_LABELS[hit.kind],
      summary: hit.summary,
    }));
    const seen = new Set(mergers.map((m) => m.slug));
    return [...mergers, ...byWords.filter((r) => !seen.has(r.slug))].slice(0, limit);
  }

  async latest(limit = 50) {
    await this.ensureStarterLibrary();
    return this.repository.latest(this.db, limit);
  }

  async sitemapEntries() {
    await this.ensureStarterLibrary();
    return this.repository.allPublished(this.db);
  }
}
