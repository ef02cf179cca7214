/**
 * The thesaurus as reference data: the shipped default with the administrator's edits laid on
 * top (edition.ts), read by every signed-in person, edited by a system administrator, exported
 * as SKOS. It is also the overlap engine's ThesaurusSource: the compiled edition is kept in
 * memory and compiled again only when the newest edit changes, and its version names that edit,
 * so analyses made with an older edition are recomputed.
 */
import { KeptUntilChange, type RegisterChanges } from '../../db/changes.js';
import type { Principal } from '../../core/actor.js';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Db } from '../../db/database.js';
import { TransactionCache } from '../../db/transaction-cache.js';
import { canEditThesaurus, refuse } from '../accounts/policy.js';
import type { AuditService } from '../audit/service.js';
import { applyEdits, labelClash, labelKey, searchText, type Edition } from './edition.js';
import { compileThesaurusSteps, type CompiledThesaurus } from './matcher.js';
import { inSlices } from '../overlap/steps.js';
import { ThesaurusRepository } from './repository.js';
import {
  altLabelInput,
  conceptListQuery,
  newConceptInput,
  type ConceptListQuery,
  type ThesaurusEditRow,
} from './schema.js';
import { toSkosJsonLd, toSkosTurtle } from './skos.js';
import type { ThesaurusSource } from './source.js';
import { FIELDS, type ConceptDefinition, type Field } from './types.js';

export interface ConceptLink {
  id: string;
  label: string;
}

export interface ConceptView {
  concept: ConceptDefinition;
  broader: ConceptLink[];
  narrower: ConceptLink[];
  related: ConceptLink[];
  addedLocally: boolean;
  /** May retire it: added here, and nothing names it as broader. */
  canRetire: boolean;
  history: ThesaurusEditRow[];
  canEdit: boolean;
  version: string;
}

export interface ConceptList {
  version: string;
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  query: ConceptListQuery;
  items: Array<ConceptDefinition & { addedLocally: boolean }>;
  /** How many concepts match the search in each field (before the field filter). */
  fields: Array<{ field: Field; count: number }>;
  canEdit: boolean;
}

export interface ThesaurusExport {
  body: string;
  contentType: string;
  fileName: string;
}

interface Loaded {
  stamp: number;
  edition: Edition;
  compiled: { thesaurus: CompiledThesaurus; version: string };
}

const byLabel = (a: ConceptDefinition, b: ConceptDefinition) =>
  a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

export function fieldName(field: string): string {
  const words = field.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export class ThesaurusService implements ThesaurusSource {
  private readonly repository = new ThesaurusRepository();
  private loaded?: Loaded;
  private readonly inTransaction = new TransactionCache<number, Loaded>();
  /** The newest edit's id, kept until the database announces an edit (db/changes.ts). */
  private readonly lastEdit: KeptUntilChange<'last', number>;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly defaults: readonly ConceptDefinition[],
    private readonly defaultVersion: string,
    private readonly options: { publicUrl: string },
    changes?: RegisterChanges,
  ) {
    this.lastEdit = new KeptUntilChange(changes);
  }

  /** The edition the engine reads with. `db` is the caller's transaction where there is one. */
  async current(db: Db = this.db): Promise<{ thesaurus: CompiledThesaurus; version: string }> {
    return (await this.load(db)).compiled;
  }

  private async load(db: Db): Promise<Loaded> {
    const stamp =
      db === this.db
        ? await this.lastEdit.get('last', () => this.repository.lastEditId(db))
        : await this.repository.lastEditId(db);
    if (this.loaded && this.loaded.stamp === stamp) return this.loaded;
    // Inside a transaction the edition is kept for that transaction alone, so a caller asking
    // once a row (an import, a seed) compiles it once, not every time.
    return db.isTransaction
      ? this.inTransaction.get(db, stamp, () => this.compile(db, stamp))
      : this.compile(db, stamp);
  }

  private async compile(db: Db, stamp: number): Promise<Loaded> {
    const edition = applyEdits(this.defaults, stamp === 0 ? [] : await this.repository.edits(db));
    const version = stamp === 0 ? this.defaultVersion : `${this.defaultVersion}+edit.${stamp}`;
    const thesaurus = await inSlices(compileThesaurusSteps(edition.concepts));
    const loaded = { stamp, edition, compiled: { thesaurus, version } };
    // A transaction's uncommitted edit is never kept: it may yet be rolled back.
    if (!db.isTransaction) this.loaded = loaded;
    return loaded;
  }

  private requireReader(principal: Principal): void {
    if (principal.kind === 'public') throw new UnauthenticatedError('Sign in to read the thesaurus');
  }

  private requireEditor(principal: Principal): void {
    if (!canEditThesaurus(principal)) refuse(principal, undefined, 'Thesaurus');
  }

  async list(principal: Principal, input: unknown): Promise<ConceptList> {
    this.requireReader(principal);
    const query = parseInput(conceptListQuery, input);
    const { edition, compiled } = await this.load(this.db);
    const q = query.q ? searchText(query.q) : '';
    const found = q
      ? edition.concepts.filter((c) => [c.label, ...c.altLabels, c.id].some((label) => searchText(label).includes(q)))
      : edition.concepts;
    const fields = FIELDS.map((field) => ({ field, count: found.filter((c) => c.field === field).length }));
    const shown = (query.field ? found.filter((c) => c.field === query.field) : found).sort(byLabel);
    const pages = Math.max(1, Math.ceil(shown.length / query.pageSize));
    const page = Math.min(query.page, pages);
    return {
      version: compiled.version,
      total: shown.length,
      page,
      pageSize: query.pageSize,
      pages,
      query: { ...query, page },
      items: shown
        .slice((page - 1) * query.pageSize, page * query.pageSize)
        .map((c) => ({ ...c, addedLocally: edition.addedLocally.has(c.id) })),
      fields,
      canEdit: canEditThesaurus(principal),
    };
  }

  async concept(principal: Principal, id: string): Promise<ConceptView> {
    this.requireReader(principal);
    const { edition, compiled } = await this.load(this.db);
    return {
      ...this.view(edition, id),
      history: await this.repository.history(this.db, id),
      canEdit: canEditThesaurus(principal),
      version: compiled.version,
    };
  }

  private view(edition: Edition, id: string): Omit<ConceptView, 'history' | 'canEdit' | 'version'> {
    const byId = new Map(edition.concepts.map((c) => [c.id, c]));
    const concept = byId.get(id);
    if (!concept) throw new NotFoundError('Concept');
    const link = (other: string): ConceptLink[] => {
      const found = byId.get(other);
      return found ? [{ id: found.id, label: found.label }] : [];
    };
    const narrower = edition.concepts.filter((c) => c.broader.includes(id)).sort(byLabel);
    const addedLocally = edition.addedLocally.has(id);
    return {
      concept,
      broader: concept.broader.flatMap(link),
      narrower: narrower.map((c) => ({ id: c.id, label: c.label })),
      related: concept.related.flatMap(link),
      addedLocally,
      canRetire: addedLocally && narrower.length === 0,
    };
  }

  /** Every concept of the current edition, for the API and exports. */
  async concepts(principal: Principal): Promise<{ concepts: ConceptDefinition[]; version: string }> {
    this.requireReader(principal);
    const { edition, compiled } = await this.load(this.db);
    return { concepts: edition.concepts, version: compiled.version };
  }

  async addAltLabel(principal: Principal, id: string, input: unknown): Promise<ConceptDefinition> {
    this.requireEditor(principal);
    const { label } = parseInput(altLabelInput, input);
    return this.db.transaction().execute(async (trx) => {
      const { edition } = await this.load(trx);
      const { concept } = this.view(edition, id);
      if (labelKey(label) === '')
        throw ValidationError.of(
          'label',
          'Label must have a word that says what the work is, not only words like “the” or “and”',
        );
      const own = [concept.label, ...concept.altLabels].find((existing) => labelKey(existing) === labelKey(label));
      if (own)
        throw ValidationError.of('label', `${concept.label} already has the label “${own}”, which reads the same`);
      const clash = labelClash(edition.concepts, label, id);
      if (clash)
        throw ValidationError.of(
          'label',
          `“${label}” reads the same as “${clash.label}”, a label of ${clash.concept.label}: a label can lead to one concept only`,
        );
      await this.record(trx, principal, { kind: 'add-alt-label', conceptId: id, label }, concept, {
        summary: `Added the alternative label “${label}” to ${concept.label} in the thesaurus`,
      });
      return { ...concept, altLabels: [...concept.altLabels, label] };
    });
  }

  async removeAltLabel(principal: Principal, id: string, input: unknown): Promise<ConceptDefinition> {
    this.requireEditor(principal);
    const { label } = parseInput(altLabelInput, input);
    return this.db.transaction().execute(async (trx) => {
      const { edition } = await this.load(trx);
      const { concept } = this.view(edition, id);
      if (!concept.altLabels.includes(label))
        throw ValidationError.of('label', `${concept.label} has no alternative label “${label}”`);
      await this.record(trx, principal, { kind: 'remove-alt-label', conceptId: id, label }, concept, {
        summary: `Removed the alternative label “${label}” from ${concept.label} in the thesaurus`,
      });
      return { ...concept, altLabels: concept.altLabels.filter((l) => l !== label) };
    });
  }

  async addConcept(principal: Principal, input: unknown): Promise<ConceptDefinition> {
    this.requireEditor(principal);
    const data = parseInput(newConceptInput, input);
    const broader = [...new Set(data.broader ?? [])];
    return this.db.transaction().execute(async (trx) => {
      const { edition } = await this.load(trx);
      if (edition.usedIds.has(data.id))
        throw ValidationError.of('id', `The identifier ${data.id} is already used (identifiers are never reused)`);
      if (labelKey(data.label) === '')
        throw ValidationError.of(
          'label',
          'Label must have a word that says what the work is, not only words like “the” or “and”',
        );
      const clash = labelClash(edition.concepts, data.label);
      if (clash)
        throw ValidationError.of(
          'label',
          `“${data.label}” reads the same as “${clash.label}”, a label of ${clash.concept.label}: a label can lead to one concept only`,
        );
      const known = new Set(edition.concepts.map((c) => c.id));
      const unknown = broader.filter((b) => !known.has(b));
      if (unknown.length > 0)
        throw ValidationError.of(
          'broader',
          `There is no concept ${unknown.join(', ')}: enter the identifier of a broader concept, like sexual-health`,
        );
      const concept: ConceptDefinition = {
        id: data.id,
        label: data.label,
        altLabels: [],
        broader,
        related: [],
        field: data.field,
      };
      await this.record(
        trx,
        principal,
        { kind: 'add-concept', conceptId: data.id, label: data.label, field: data.field, broader },
        undefined,
        { summary: `Added the concept ${data.label} to the thesaurus`, after: concept },
      );
      return concept;
    });
  }

  async retireConcept(principal: Principal, id: string): Promise<ConceptDefinition> {
    this.requireEditor(principal);
    return this.db.transaction().execute(async (trx) => {
      const { edition } = await this.load(trx);
      const view = this.view(edition, id);
      if (!view.addedLocally)
        throw ValidationError.of(
          'concept',
          `${view.concept.label} came with Joined Up: only concepts added here can be retired`,
        );
      if (!view.canRetire)
        throw ValidationError.of(
          'concept',
          `${view.concept.label} is the broader concept of ${view.narrower.map((n) => n.label).join(', ')}: retire those first`,
        );
      await this.record(trx, principal, { kind: 'retire-concept', conceptId: id }, view.concept, {
        summary: `Retired the concept ${view.concept.label} from the thesaurus`,
        after: null,
      });
      return view.concept;
    });
  }

  private async record(
    trx: Db,
    principal: Principal,
    edit: { kind: ThesaurusEditRow['kind']; conceptId: string; label?: string; field?: string; broader?: string[] },
    before: ConceptDefinition | undefined,
    audit: { summary: string; after?: unknown },
  ): Promise<void> {
    const row = await this.repository.insert(trx, { ...edit, madeBy: principal.id, madeByName: principal.label });
    const after =
      audit.after !== undefined
        ? audit.after
        : this.view(applyEdits(before ? [before] : [], [row]), edit.conceptId).concept;
    await this.audit.record(trx, principal, {
      localityId: null,
      action: edit.kind === 'add-concept' ? 'create' : 'update',
      entityType: 'thesaurus-concept',
      entityId: edit.conceptId,
      summary: audit.summary,
      before: before ?? null,
      after,
    });
  }

  /** The current edition as SKOS: Turtle for people and RDF stores, JSON-LD for programs. */
  async export(principal: Principal, format: 'turtle' | 'jsonld'): Promise<ThesaurusExport> {
    const { concepts, version } = await this.concepts(principal);
    const options = { base: `${this.options.publicUrl.replace(/\/+$/, '')}/thesaurus/concepts/`, version };
    const stem = `joinedup-thesaurus-${version.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
    return format === 'turtle'
      ? { body: toSkosTurtle(concepts, options), contentType: 'text/turtle; charset=utf-8', fileName: `${stem}.ttl` }
      : {
          body: toSkosJsonLd(concepts, options),
          contentType: 'application/ld+json; charset=utf-8',
          fileName: `${stem}.jsonld`,
        };
  }
}
