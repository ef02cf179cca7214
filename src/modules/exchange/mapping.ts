/**
 * A register in its own layout, mapped onto ours: which of its columns feed which of ours, what
 * its codes mean in our lists, the units its numbers are in, and defaults for what it never
 * recorded. A mapping is plain JSON, so it can be saved for next year's file, written once by
 * hand, and applied from the web, the command line (`joinedup import --mapping FILE`) or a
 * service call alike.
 */
import { giveWay } from '../../db/give-way.js';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { CODE_COLUMNS, COLUMNS, KINDS, type Kind, LIST_SEPARATOR, normaliseHeading } from './columns.js';
import type { ImportIssue } from './issues.js';
import type { RawRecord, RawSheet } from './table.js';

/** Columns whose numbers may come in another unit, and the units each accepts. */
export const UNITS = {
  meeting_minutes: ['minutes', 'hours'],
  annual_budget: ['pounds', 'thousands'],
} as const satisfies Record<string, readonly string[]>;
export type UnitColumn = keyof typeof UNITS;
export const UNIT_LABELS: Record<string, string> = {
  minutes: 'Minutes',
  hours: 'Hours (1.5 is an hour and a half)',
  pounds: 'Pounds (£)',
  thousands: 'Thousands of pounds (£k)',
};

export const isUnitColumn = (column: string): column is UnitColumn => column in UNITS;

const sheetMapping = z.object({
  source: z.string({ error: 'Name the file or sheet the mapping is for' }).trim().min(1),
  kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(', ')}` }),
  /** The source's heading → our column; an empty string leaves the column out. */
  columns: z.record(z.string(), z.string()),
  /** The source's heading → the unit its numbers are in (see UNITS). */
  units: z.record(z.string(), z.string()).default({}),
});

export const mappingSchema = z.object({
  joinedUpMapping: z.literal(1, { error: 'A mapping file starts with "joinedUpMapping": 1' }),
  name: z.string().trim().max(200).optional(),
  sheets: z.array(sheetMapping).min(1, { message: 'A mapping maps at least one file or sheet' }),
  /** Our code column → (the source's value, in lower case → our code). */
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Our code column → (the source's value, in lower case → a new reference item to add for it). */
  newItems: z.record(z.string(), z.record(z.string(), z.object({ code: z.string(), label: z.string() }))).default({}),
  /** Our column → the value used where a row leaves it empty (see DEFAULT_APPLIES). */
  defaults: z.record(z.string(), z.string()).default({}),
});
export type Mapping = z.infer<typeof mappingSchema>;
export type SheetMapping = Mapping['sheets'][number];

/** The reference lists that may gain an item during an import, by the column that uses them. */
export const REFERENCE_LIST_OF: Record<
  string,
  'theme' | 'organisation-type' | 'basis' | 'legal-form' | 'statutory-type'
> = {
  themes: 'theme',
  org_type: 'organisation-type',
  basis: 'basis',
  legal_form: 'legal-form',
  statutory_type: 'statutory-type',
};

/** Reads and checks a mapping (a file's JSON, or a form's): every column, unit and code list named must exist. */
export function parseMapping(input: unknown): Mapping {
  const mapping = parseInput(mappingSchema, input);
  const errors: Array<{ field: string; message: string }> = [];
  mapping.sheets.forEach((sheet, i) => {
    const known = new Set(COLUMNS[sheet.kind].map((c) => c.name));
    for (const [source, target] of Object.entries(sheet.columns))
      if (target !== '' && !known.has(target))
        errors.push({
          field: `sheets.${i}.columns`,
          message: `“${source}” is mapped to ${target}, which is not a column of ${sheet.kind}: use one of ${[...known].join(', ')}`,
        });
    for (const [source, unit] of Object.entries(sheet.units)) {
      const target = sheet.columns[source] ?? '';
      const units: readonly string[] | undefined = isUnitColumn(target) ? UNITS[target] : undefined;
      if (!units || !units.includes(unit))
        errors.push({
          field: `sheets.${i}.units`,
          message: units
            ? `The unit of “${source}” must be one of ${units.join(', ')}`
            : `“${source}” has a unit, but its column ${target || '(none)'} takes none`,
        });
    }
  });
  for (const column of [...Object.keys(mapping.values), ...Object.keys(mapping.newItems)])
    if (!CODE_COLUMNS.has(column))
      errors.push({ field: 'values', message: `${column} holds no codes: only ${[...CODE_COLUMNS].join(', ')} do` });
  if (errors.length) throw new ValidationError(errors);
  return mapping;
}

// --- codes --------------------------------------------------------------------------------------

export interface CodeItem {
  code: string;
  label: string;
}
/** The codes each code column accepts, with their labels. */
export type CodeBook = Map<string, CodeItem[]>;

export const slug = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Our code for a value: as the mapping says, else one of our codes written as the code, its
 * label or a slug of either ("Accountable body" is accountable-body). Undefined when nothing
 * matches: the register then refuses it by name, and the preview suggests what it may be.
 */
export function resolveCode(column: string, value: string, book: CodeBook, mapping?: Mapping): string | undefined {
  const key = value.trim().toLowerCase();
  if (key === '') return '';
  const mapped = mapping?.values[column]?.[key] ?? mapping?.newItems[column]?.[key]?.code;
  if (mapped !== undefined) return mapped;
  const items = book.get(column) ?? [];
  const asSlug = slug(value);
  return items.find(
    (i) => i.code === key || i.code === asSlug || i.label.toLowerCase() === key || slug(i.label) === asSlug,
  )?.code;
}

/** Values found in councils' registers and what they mean in our lists (matching alone would not find them). */
const SYNONYMS: Record<string, Record<string, string>> = {
  themes: {
    community: 'community-cohesion',
    'stronger communities': 'community-cohesion',
    health: 'health-wellbeing',
    employment: 'employment-skills',
    'education and skills': 'education',
    skills: 'employment-skills',
    crime: 'community-safety',
    'drugs and alcohol': 'substance-misuse',
    drugs: 'substance-misuse',
    regeneration: 'economy-regeneration',
    economy: 'economy-regeneration',
    'culture and leisure': 'culture-leisure',
    sport: 'culture-leisure',
    children: 'children-young-people',
    'emergency planning': 'resilience',
  },
  legal_form: {
    none: 'unincorporated',
    'unincorporated association': 'unincorporated',
    'terms of reference': 'unincorporated',
    'charitable incorporated organisation': 'charitable-company',
    cio: 'charitable-company',
    cic: 'community-interest-company',
    'statutory board': 'statutory-body',
  },
  // Only what the words of a type do not tell (ORGANISATION_KINDS reads the rest).
  org_type: {
    'non-departmental public body': 'government-agency',
    'connexions service': 'government-agency',
    'youth offending team': 'government-agency',
    'internal drainage board': 'government-agency',
    'arms-length management organisation': 'housing-association',
    'credit union': 'business',
    'foundation trust': 'nhs-trust',
  },
  basis: { 'funding-driven': 'funding', funded: 'funding', 'plan-driven': 'plan', required: 'statutory' },
  role: { 'accountable body': 'accountable-body', vice: 'vice-chair', 'deputy chair': 'vice-chair' },
  sector: { 'third sector': 'voluntary', vcs: 'voluntary', statutory: 'public', business: 'private' },
};

const words = (value: string) =>
  new Set(
    slug(value)
      .split('-')
      .filter((w) => w.length > 1 && w !== 'and'),
  );

/**
 * How alike two labels are, 0–1: shared words (Dice), or near-identical spelling of the words they
 * do not share, so that a misspelt word still meets its label ("helth" and "health") while two
 * kinds of council do not meet by their common "council" ("sports council", "parish council").
 */
function likeness(a: string, b: string, levenshtein: (a: string, b: string) => number): number {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w) || [...wb].some((x) => x.startsWith(w) || w.startsWith(x))) shared++;
  const dice = wa.size + wb.size ? (2 * shared) / (wa.size + wb.size) : 0;
  const ownA = [...wa].filter((w) => !wb.has(w)).join('-');
  const ownB = [...wb].filter((w) => !wa.has(w)).join('-');
  const [sa, sb] = ownA && ownB ? [ownA, ownB] : [slug(a), slug(b)];
  const spelling = 1 - levenshtein(sa, sb) / Math.max(sa.length, sb.length, 1);
  return Math.max(dice, spelling);
}

/**
 * The kind of body an organisation type written in a register's own words names, by the words
 * that say what kind of body it is, most specific first: a "wildlife trust" is a charity and a
 * "mental health trust" an NHS trust, though both share "trust" with the NHS's label; a "flood
 * action group" is a community group, not a faith group.
 */
const ORGANISATION_KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcounty council\b/, 'county-council'],
  [/\b(unitary|metropolitan|london borough)\b/, 'unitary-council'],
  [/\b(district|borough) council\b/, 'district-council'],
  [
    /\b(clinical commissioning|commissioning group|ccg|icb|integrated care board|primary care trust|pct|nhs england|health authority)\b/,
    'nhs-commissioner',
  ],
  [
    /\b(nhs|hospital|ambulance|mental health|community health|health and care|partnership)\b.*\btrust\b|\bnhs\b/,
    'nhs-trust',
  ],
  [
    /\b(rural community council|volunteer centre|voluntary action|council for voluntary service|cvs)\b/,
    'infrastructure-body',
  ],
  [/\b(parish|town|village|community|neighbourhood) council\b|\bparish\b/, 'parish-council'],
  [/\buniversity\b/, 'university'],
  [/\b(school|academy|college|nursery|sixth form|pupil referral)\b/, 'school-college'],
  [/\b(church|chapel|mosque|temple|synagogue|gurdwara|diocese|faith|interfaith)\b/, 'faith-group'],
  [/\b(police and crime commissioner|pcc)\b/, 'police-crime-commissioner'],
  [/\b(police|constabulary)\b/, 'police'],
  [/\bfire\b/, 'fire-rescue'],
  [/\b(probation|community rehabilitation company)\b/, 'probation'],
  [
    /\b(housing association|housing trust|housing co-?operative|registered (social )?(provider|landlord)|almo)\b/,
    'housing-association',
  ],
  [
    /\b(chamber|trade association|traders|business improvement district|farmers'? union|federation of small businesses)\b/,
    'business-association',
  ],
  [/\b(local enterprise partnership|lep)\b/, 'government-agency'],
  [/\b(charity|charitable|trust|foundation|appeal|hospice)\b/, 'charity'],
  [/\b(group|forum|association|club|network|circle|residents|tenants|friends of|society|panel)\b/, 'community-group'],
  [
    /\b(company|ltd|limited|plc|firm|operator|enterprise|business|employer|developer|retailer|supermarket|utility)\b/,
    'business',
  ],
  [/\b(agency|department|government|authority|inspectorate|commission|executive|office)\b/, 'government-agency'],
];

/** An organisation type no word of which says what kind of body it is, by its organisations' sector. */
const ORGANISATION_KIND_BY_SECTOR: Readonly<Record<string, string>> = {
  public: 'government-agency',
  voluntary: 'charity',
  community: 'community-group',
  private: 'business',
};

/** What else is known of a value's rows: for an organisation type, the sector its organisations are in (other columns have none). */
export interface ValueHint {
  sector?: string;
}

type Suggestion = { code: string; label: string; why: 'exact' | 'synonym' | 'similar' | 'sector' };

/**
 * The code a value most likely means, with why: a known synonym, for an organisation type the
 * kind of body its words name, the nearest label or code (shared words, or spelling within a few
 * letters), or for an organisation type the commonest kind of body in its organisations' sector.
 * Undefined when nothing is near enough.
 */
export function suggestCode(
  column: string,
  value: string,
  book: CodeBook,
  levenshtein: (a: string, b: string) => number,
  hint?: ValueHint,
): Suggestion | undefined {
  const items = book.get(column) ?? [];
  const exact = resolveCode(column, value, book);
  const found = (code: string | undefined) => items.find((i) => i.code === code);
  if (found(exact)) return { ...found(exact)!, why: 'exact' };
  const key = value.trim().toLowerCase();
  const synonym = found(SYNONYMS[column]?.[key] ?? (column === 'org_type' ? organisationKind(key) : undefined));
  if (synonym) return { ...synonym, why: 'synonym' };
  let best: { item: CodeItem; score: number } | undefined;
  for (const item of items) {
    const score = Math.max(likeness(value, item.label, levenshtein), likeness(value, item.code, levenshtein));
    if (!best || score > best.score) best = { item, score };
  }
  // More than half: one shared word of two ("sports council", "parish council") is the kind of body, not which.
  if (best && best.score > 0.5) return { ...best.item, why: 'similar' };
  const bySector = column === 'org_type' && hint?.sector ? found(ORGANISATION_KIND_BY_SECTOR[hint.sector]) : undefined;
  return bySector ? { ...bySector, why: 'sector' } : undefined;
}

function organisationKind(value: string): string | undefined {
  return ORGANISATION_KINDS.find(([words]) => words.test(value))?.[1];
}

/**
 * For each organisation type a register uses (lower case), the sector most of its organisations
 * are in, as our code: what a suggestion falls back on when the type's words say nothing.
 */
export function valueHints(sheets: RawSheet[], mapping: Mapping, book: CodeBook): Map<string, ValueHint> {
  const counts = new Map<string, Map<string, number>>();
  for (const sheet of sheets) {
    const columns = findSheetMapping(mapping, sheet.name)?.columns ?? {};
    const typeAt = sheet.header.findIndex((h) => columns[h] === 'org_type');
    const sectorAt = sheet.header.findIndex((h) => columns[h] === 'sector');
    if (typeAt < 0 || sectorAt < 0) continue;
    for (const record of sheet.records) {
      const type = (record.values[typeAt] ?? '').trim().toLowerCase();
      const written = record.values[sectorAt] ?? '';
      const sector = resolveCode('sector', written, book, mapping) ?? SYNONYMS.sector?.[written.trim().toLowerCase()];
      if (!type || !sector) continue;
      const bySector = counts.get(type) ?? new Map<string, number>();
      bySector.set(sector, (bySector.get(sector) ?? 0) + 1);
      counts.set(type, bySector);
    }
  }
  return new Map(
    [...counts].map(([type, bySector]) => [type, { sector: [...bySector].sort((a, b) => b[1] - a[1])[0]![0] }]),
  );
}

// --- columns ------------------------------------------------------------------------------------

/** Headings councils use for our columns (after normalising: lower case, words joined by _). */
const HEADING_SYNONYMS: Record<Kind, Record<string, string[]>> = {
  organisations: {
    identifier: ['org_id_guide', 'orgid', 'org_identifier', 'organisation_identifier', 'identifier', 'charity_number'],
    local_reference: ['id', 'ref', 'reference', 'code', 'local_id', 'local_ref', 'org_ref', 'org_code', 'org_id'],
    name: ['name', 'organisation', 'organisation_name', 'org_name', 'body', 'partner'],
    sector: ['sector'],
    org_type: ['type', 'org_type', 'organisation_type', 'kind', 'category'],
    website: ['website', 'web', 'url', 'web_address'],
  },
  partnerships: {
    reference: ['ref', 'reference', 'id', 'code', 'partnership_ref', 'partnership_id', 'partnership_reference'],
    name: ['name', 'title', 'partnership', 'partnership_name', 'board', 'board_name', 'group'],
    purpose: ['purpose', 'objective', 'objectives', 'aim', 'aims', 'description', 'remit', 'what_it_is_for'],
    themes: ['themes', 'theme', 'topic', 'topics'],
    basis: ['basis', 'why', 'origin', 'why_it_exists', 'reason'],
    legal_form: ['legal_form', 'legal_status', 'status_legal', 'constitution'],
    layer: ['layer', 'level', 'tier'],
    parent_reference: ['parent', 'parent_ref', 'parent_reference', 'reports_to'],
    lead_organisation: ['lead_org', 'lead_organisation', 'lead', 'lead_body', 'lead_partner', 'lead_agency'],
    accountable_body: ['accountable_body'],
    meetings_per_year: [
      'meetings_per_year',
      'meetings_a_year',
      'meetings',
      'frequency',
      'meetings_pa',
      'meets_a_year',
      'meets_per_year',
    ],
    meeting_minutes: ['meeting_minutes', 'meeting_length', 'duration', 'meeting_hours', 'hours', 'length'],
    typical_attendance: ['attendance', 'typical_attendance', 'attendees'],
    annual_budget: ['annual_budget', 'budget', 'annual_budget_gbp', 'budget_gbp', 'budget_k', 'annual_budget_k'],
    established_on: ['established', 'established_on', 'start_date', 'set_up', 'date_established'],
    review_date: ['review_date', 'review', 'next_review'],
    chair: ['chair', 'chairman', 'chairperson'],
    lead_officer: ['lead_officer', 'officer', 'contact'],
  },
  memberships: {
    partnership_reference: [
      'partnership_ref',
      'partnership',
      'partnership_reference',
      'partnership_id',
      'ref',
      'board_ref',
      'board',
    ],
    organisation: [
      'organisation',
      'org',
      'org_id',
      'organisation_id',
      'member',
      'body',
      'org_ref',
      'member_organisation',
      'partner',
      'partner_organisation',
      'agency',
    ],
    role: ['role', 'position', 'capacity'],
    representative: ['representative', 'rep', 'person', 'named_representative'],
    started_on: ['started_on', 'start', 'from', 'joined'],
    ended_on: ['ended_on', 'end', 'to', 'left'],
  },
};

const ORG_ID = /^[A-Z]{2}-[A-Z0-9]{2,10}-[A-Za-z0-9./-]+$/;

/** The unit a heading names: "meeting_hours" is in hours, "budget £k" in thousands. */
function unitOf(heading: string, target: string): string | undefined {
  const h = heading.toLowerCase();
  if (target === 'meeting_minutes') return /hour|hrs?\b/.test(h) ? 'hours' : 'minutes';
  if (target === 'annual_budget') return /£k|\bk\b|_k$|thousand|000s/.test(h) ? 'thousands' : 'pounds';
  return undefined;
}

/** Which of our columns a heading most likely is, using the heading and, failing that, sample values. */
export function suggestColumn(kind: Kind, heading: string, samples: string[]): string {
  const h = normaliseHeading(heading.replace(/\(s\)/gi, 's'))
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_');
  const known = new Set(COLUMNS[kind].map((c) => c.name));
  if (known.has(h)) return h;
  for (const [target, synonyms] of Object.entries(HEADING_SYNONYMS[kind])) if (synonyms.includes(h)) return target;
  // "Meeting length (hours)" holds "meeting length": the longest synonym whose words it contains.
  const words = new Set(h.split('_').filter(Boolean));
  let best: { target: string; size: number } | undefined;
  for (const [target, synonyms] of Object.entries(HEADING_SYNONYMS[kind]))
    for (const synonym of synonyms) {
      const parts = synonym.split('_');
      if (parts.length > 1 && parts.every((p) => words.has(p)) && parts.length > (best?.size ?? 0))
        best = { target, size: parts.length };
    }
  if (best) return best.target;
  // "Member organisation": the one column its words' one-word synonyms all point to.
  const single = new Set(
    Object.entries(HEADING_SYNONYMS[kind]).flatMap(([target, synonyms]) =>
      synonyms.some((synonym) => !synonym.includes('_') && words.has(synonym)) ? [target] : [],
    ),
  );
  if (single.size === 1) return [...single][0]!;
  const filled = samples.map((s) => s.trim()).filter(Boolean);
  if (kind === 'organisations' && filled.length && filled.every((v) => ORG_ID.test(v))) return 'identifier';
  return '';
}

/** Words in a file's or sheet's name that say what it holds. */
const KIND_NAMES: Record<Kind, RegExp> = {
  organisations: /organi[sz]ation|\borgs?\b|bodies|agencies/i,
  partnerships: /partnerships?\b|boards|groups|register/i,
  memberships: /membership|members|seats/i,
};

/** Which kind a sheet holds: by how many of its headings fit each kind, and what its name says. */
export function suggestKind(sheet: RawSheet): Kind {
  const score = (kind: Kind) =>
    sheet.header.filter((h) => suggestColumn(kind, h, []) !== '').length + (KIND_NAMES[kind].test(sheet.name) ? 3 : 0);
  return [...KINDS].sort((a, b) => score(b) - score(a))[0] as Kind;
}

/**
 * A first mapping for some files, for a person to confirm or change: each sheet's kind, its
 * columns by heading (and by sample values), units by heading, and each coded value mapped to
 * the code it most likely means (values with no likely code are left for the person).
 */
export function suggestMapping(
  sheets: RawSheet[],
  book: CodeBook,
  levenshtein: (a: string, b: string) => number,
  base?: Mapping,
): Mapping {
  const mapping: Mapping = {
    joinedUpMapping: 1,
    name: base?.name,
    sheets: [],
    values: structuredClone(base?.values ?? {}),
    newItems: structuredClone(base?.newItems ?? {}),
    defaults: { ...(base?.defaults ?? {}) },
  };
  for (const sheet of sheets) {
    const saved = base && findSheetMapping(base, sheet.name);
    const kind = saved?.kind ?? suggestKind(sheet);
    const columns: Record<string, string> = {};
    const units: Record<string, string> = {};
    const taken = new Set<string>();
    sheet.header.forEach((heading, index) => {
      if (heading.trim() === '' || heading in columns) return;
      const samples = sheet.records.slice(0, 50).map((r) => r.values[index] ?? '');
      let target = saved?.columns[heading] ?? suggestColumn(kind, heading, samples);
      if (!saved && taken.has(target) && !isListColumn(kind, target)) target = '';
      columns[heading] = target;
      taken.add(target);
      const unit = saved?.units[heading] ?? unitOf(heading, target);
      if (unit && isUnitColumn(target)) units[heading] = unit;
    });
    mapping.sheets.push({ source: sheet.name, kind, columns, units });
  }
  const hints = valueHints(sheets, mapping, book);
  for (const [column, values] of distinctCodedValues(sheets, mapping)) {
    for (const value of values) {
      const key = value.toLowerCase();
      if (mapping.values[column]?.[key] !== undefined || mapping.newItems[column]?.[key]) continue;
      if (resolveCode(column, value, book) !== undefined) continue;
      const suggestion = suggestCode(column, value, book, levenshtein, hints.get(key));
      if (suggestion) (mapping.values[column] ??= {})[key] = suggestion.code;
    }
  }
  mapping.defaults = { ...gapDefaults(sheets, mapping, book), ...mapping.defaults };
  return mapping;
}

/** What an import writes where a register leaves out something ours needs. */
export const NOT_RECORDED = 'Not recorded in the source register';

/**
 * Defaults for what ours needs and a register often leaves out: a purpose, the fund or plan
 * behind a partnership, which statutory partnership it is, its legal form and layer, a member's
 * role. Registers kept for years have gaps, and the whole register should still come in (the
 * overlap engine reads a "not recorded" purpose as no evidence either way); each default is the
 * commonest case or says it was not recorded, and is shown with the mapping for the person to change.
 */
const GAP_DEFAULTS: Readonly<Partial<Record<Kind, Readonly<Record<string, string>>>>> = {
  partnerships: {
    purpose: NOT_RECORDED,
    basis: 'voluntary',
    basis_detail: NOT_RECORDED,
    statutory_type: 'other',
    legal_form: 'unincorporated',
    layer: 'operational',
  },
  memberships: { role: 'member' },
};

/** The gap defaults a register needs: for a column it lacks or leaves empty on a row that needs it. */
function gapDefaults(sheets: RawSheet[], mapping: Mapping, book: CodeBook): Record<string, string> {
  const needed: Record<string, string> = {};
  for (const sheet of sheets) {
    const sheetMap = findSheetMapping(mapping, sheet.name);
    if (!sheetMap) continue;
    // Each column's places in the sheet, and each basis as written, worked out once: the rows are many.
    const places = new Map<string, number[]>();
    sheet.header.forEach((heading, index) => {
      const column = sheetMap.columns[heading];
      if (column) places.set(column, [...(places.get(column) ?? []), index]);
    });
    const bases = new Map<string, string>();
    const cell = (record: RawRecord, column: string) => {
      for (const index of places.get(column) ?? []) {
        const value = (record.values[index] ?? '').trim();
        if (value) return value;
      }
      return '';
    };
    for (const [column, value] of Object.entries(GAP_DEFAULTS[sheetMap.kind] ?? {})) {
      const applies = DEFAULT_APPLIES[column] ?? (() => true);
      const basis = (record: RawRecord) => {
        const written = cell(record, 'basis');
        let code = bases.get(written);
        if (code === undefined) bases.set(written, (code = resolveCode('basis', written, book, mapping) ?? written));
        return code;
      };
      const wanting = (record: RawRecord) => cell(record, column) === '' && applies({ basis: basis(record) });
      if (sheet.records.some(wanting)) needed[column] = value;
    }
  }
  return needed;
}

function isListColumn(kind: Kind, column: string): boolean {
  return COLUMNS[kind].find((c) => c.name === column)?.list === true;
}

export function findSheetMapping(mapping: Mapping, sheetName: string): SheetMapping | undefined {
  const name = sheetName.toLowerCase();
  const base = name.replace(/^.*[\\/]/, '');
  return (
    mapping.sheets.find((s) => s.source.toLowerCase() === name || s.source.toLowerCase() === base) ??
    mapping.sheets.find((s) => stem(s.source) === stem(base))
  );
}

/** "E07000001-partnerships.csv" and "partnerships" are the same source. */
const stem = (name: string) =>
  name
    .toLowerCase()
    .replace(/\.(csv|xlsx)$/, '')
    .replace(/^[a-z]\d{8}[-_ ]/, '');

/** Every distinct value of every coded column in the sheets, by our column (lists split). */
export function distinctCodedValues(sheets: RawSheet[], mapping: Mapping): Map<string, string[]> {
  const found = new Map<string, Map<string, string>>();
  for (const sheet of sheets) {
    const sheetMap = findSheetMapping(mapping, sheet.name);
    if (!sheetMap) continue;
    sheet.header.forEach((heading, index) => {
      const column = sheetMap.columns[heading] ?? '';
      if (!CODE_COLUMNS.has(column)) return;
      const seen = found.get(column) ?? new Map<string, string>();
      for (const record of sheet.records)
        for (const value of splitCell(column, record.values[index] ?? '')) seen.set(value.toLowerCase(), value);
      found.set(column, seen);
    });
  }
  return new Map([...found].map(([column, values]) => [column, [...values.values()].sort()]));
}

function splitCell(column: string, value: string): string[] {
  const parts = column === 'themes' ? value.split(/[;,|]/) : [value];
  return parts.map((v) => v.trim()).filter(Boolean);
}

// --- applying a mapping -------------------------------------------------------------------------

/** A sheet in our layout: our column names and converted values, with the source heading of each column. */
export interface MappedSheet extends RawSheet {
  kind: Kind;
  /** Our column → the heading it came from in the source, for messages. */
  sourceColumns: Record<string, string>;
}

/**
 * Where a default fills an empty cell: some columns are only wanted on some rows (a statutory
 * type only on statutory partnerships, a fund or plan only on funded or plan-driven ones).
 */
const DEFAULT_APPLIES: Record<string, (cells: Record<string, string>) => boolean> = {
  statutory_type: (cells) => cells.basis === 'statutory',
  basis_detail: (cells) => cells.basis === 'funding' || cells.basis === 'plan',
};

const RECORDS_BETWEEN_PAUSES = 5_000;

/**
 * Turns sheets in their own layout into sheets in ours: columns renamed (several columns may
 * fill one list column), numbers converted to our units, coded values translated, defaults
 * filled. Problems with the mapping itself (a sheet or column it does not cover, a number in
 * the wrong form) are returned by file, line and column, with the value.
 */
export async function applyMapping(
  sheets: RawSheet[],
  mapping: Mapping,
  book: CodeBook,
): Promise<{ sheets: MappedSheet[]; issues: ImportIssue[] }> {
  const issues: ImportIssue[] = [];
  const mapped: MappedSheet[] = [];
  for (const sheet of sheets) {
    const sheetMap = findSheetMapping(mapping, sheet.name);
    const problem = (line: number, column: string, message: string, value?: string) =>
      issues.push({ sheet: sheet.name, line, column, message, ...(value !== undefined ? { value } : {}) });
    if (!sheetMap) {
      problem(1, '', `The mapping does not say what “${sheet.name}” holds: map it, or leave the file out`);
      continue;
    }
    const seen = new Set<string>();
    const targets: string[] = [];
    const sourceColumns: Record<string, string> = {};
    sheet.header.forEach((heading, index) => {
      const h = heading.trim();
      if (h === '') {
        const filled = sheet.records.some((r) => (r.values[index] ?? '').trim() !== '');
        if (filled) problem(1, '', `Column ${index + 1} has values but no heading: give it one, or delete it`);
        targets.push('');
        return;
      }
      if (seen.has(h.toLowerCase())) problem(1, h, `The heading “${h}” appears more than once: rename one of them`);
      seen.add(h.toLowerCase());
      const target = sheetMap.columns[heading] ?? sheetMap.columns[h];
      if (target === undefined)
        problem(1, h, `The column “${h}” is not in the mapping: map it to one of ours, or leave it out`);
      const chosen = target ?? '';
      if (chosen && targets.includes(chosen) && !isListColumn(sheetMap.kind, chosen))
        problem(1, h, `Both “${sourceColumns[chosen]}” and “${h}” are mapped to ${chosen}: map one of them elsewhere`);
      if (chosen && !sourceColumns[chosen]) sourceColumns[chosen] = h;
      targets.push(chosen);
    });
    const header = [...new Set(targets.filter(Boolean))];
    const defaults = Object.entries(mapping.defaults).filter(([column, value]) => {
      const known = COLUMNS[sheetMap.kind].some((c) => c.name === column);
      return known && value.trim() !== '';
    });
    for (const [column] of defaults) if (!header.includes(column)) header.push(column);
    const records: RawRecord[] = [];
    for (const record of sheet.records) {
      // A long sheet is a long loop: let the server's other requests in now and then.
      if (records.length > 0 && records.length % RECORDS_BETWEEN_PAUSES === 0) await giveWay();
      const cells: Record<string, string> = {};
      targets.forEach((target, index) => {
        if (!target) return;
        let value = (record.values[index] ?? '').trim();
        const unit = sheetMap.units[sheet.header[index] ?? ''];
        if (value !== '' && unit) {
          const converted = convertUnit(target, unit, value);
          if (converted === undefined) {
            problem(record.line, sheet.header[index] ?? target, unitMessage(unit), value);
            value = '';
          } else value = converted;
        }
        if (CODE_COLUMNS.has(target))
          value = splitCell(target, value)
            .map((v) => resolveCode(target, v, book, mapping) ?? v)
            .join(LIST_SEPARATOR);
        cells[target] = cells[target] && value ? `${cells[target]}${LIST_SEPARATOR}${value}` : cells[target] || value;
      });
      for (const [column, value] of defaults) {
        const applies = DEFAULT_APPLIES[column] ?? (() => true);
        if (!cells[column] && applies(cells))
          cells[column] = CODE_COLUMNS.has(column) ? (resolveCode(column, value, book, mapping) ?? value) : value;
      }
      records.push({ line: record.line, values: header.map((column) => cells[column] ?? '') });
    }
    mapped.push({ name: sheet.name, kind: sheetMap.kind, header, records, sourceColumns });
  }
  return { sheets: mapped, issues };
}

/** A number in our unit, as text; undefined when the value is not a number. */
function convertUnit(column: string, unit: string, value: string): string | undefined {
  const cleaned = value.replace(/[£,\s]/g, '').replace(/k$/i, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const n = Number(cleaned);
  if (column === 'meeting_minutes') return String(Math.round(unit === 'hours' ? n * 60 : n));
  if (column === 'annual_budget') return String(unit === 'thousands' ? n * 1000 : n);
  return value;
}

function unitMessage(unit: string): string {
  return {
    hours: 'Enter the meeting length as a number of hours, such as 2 or 1.5',
    minutes: 'Enter the meeting length as a whole number of minutes, such as 90',
    pounds: 'Enter the budget in pounds, such as 12000 or £12,000.50',
    thousands: 'Enter the budget in thousands of pounds, such as 12 or 12.5',
  }[unit] as string;
}
