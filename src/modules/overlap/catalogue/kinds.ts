/**
 * The catalogue of kinds of partnership work: what each is called and what it says it does, in
 * several independent phrasings, the way different councils write it. Two partnerships of one
 * kind in one locality do the same work; the generator plants such pairs on purpose and records
 * them, and never puts two of a kind in a locality's background by accident (except facility
 * kinds, which are per ward: two children's centre boards in two wards are not duplication).
 *
 * Each theme file holds its kinds as text, one kind a block:
 *
 *   @id | tier | themes | family | word | specialists | options
 *   O Official name :: official purpose
 *   E Everyday name :: everyday purpose
 *   T Terse name :: terse purpose
 *   P Programme name :: purpose naming a programme or fund
 *
 * - tier: `lsp` (the apex), `statutory`, `thematic` (a theme's umbrella board, which may have
 *   sub-groups), `topic` (one piece of work) or `facility` (one per ward: names use `{ward}`).
 * - themes: theme codes, the first the main one. family: kinds that are neighbours (different
 *   work in the same field, such as school admissions and exclusions) share a family.
 * - word: the one word a register might leave as the whole purpose.
 * - specialists: keys of `organisations.ts` that characteristically sit on such a board.
 * - options: `stat=<statutory-type code>`, `unitary` (only where the council is unitary),
 *   `replaces=<kind>` (the other kind is left out where this one is present), `era=ccg,icb`.
 * - `{place}` is the locality's name, `{ward}` a ward's.
 */
import { THEMES } from '../generate-vocabulary.js';
import { BODY_PATTERNS, ERAS, type Era } from './organisations.js';
import { CARE } from './care.js';
import { CHILDREN } from './children.js';
import { COMMUNITIES } from './communities.js';
import { ECONOMY } from './economy.js';
import { ENVIRONMENT } from './environment.js';
import { HEALTH } from './health.js';
import { HOUSING } from './housing.js';
import { LEARNING } from './learning.js';
import { LOCAL } from './local.js';
import { SAFETY } from './safety.js';

export type Tier = 'lsp' | 'statutory' | 'thematic' | 'topic' | 'facility';
export type Style = 'official' | 'everyday' | 'terse' | 'programme';

export interface Phrasing {
  style: Style;
  name: string;
  purpose: string;
}

export interface WorkKind {
  id: string;
  tier: Tier;
  themes: string[];
  family: string;
  word: string;
  specialists: string[];
  statutoryType: string | null;
  unitaryOnly: boolean;
  replaces: string | null;
  eras: readonly Era[];
  phrasings: Phrasing[];
}

const STYLES: Record<string, Style> = { O: 'official', E: 'everyday', T: 'terse', P: 'programme' };
const TIERS = new Set<Tier>(['lsp', 'statutory', 'thematic', 'topic', 'facility']);
const THEME_SET = new Set(THEMES);

function header(line: string): WorkKind {
  const [id, tier, themes, family, word, specialists, options] = line
    .slice(1)
    .split('|')
    .map((s) => s.trim());
  const fail = (why: string) => new Error(`Catalogue kind ${id ?? line}: ${why}`);
  if (!id || !tier || !themes || !family || !word) throw fail('needs id, tier, themes, family and word');
  if (!TIERS.has(tier as Tier)) throw fail(`unknown tier ${tier}`);
  const kind: WorkKind = {
    id,
    tier: tier as Tier,
    themes: themes.split(/\s+/),
    family,
    word,
    specialists: specialists ? specialists.split(/[,\s]+/).filter(Boolean) : [],
    statutoryType: null,
    unitaryOnly: false,
    replaces: null,
    eras: ERAS,
    phrasings: [],
  };
  for (const theme of kind.themes) if (!THEME_SET.has(theme)) throw fail(`unknown theme ${theme}`);
  for (const key of kind.specialists) if (!BODY_PATTERNS.has(key)) throw fail(`unknown organisation ${key}`);
  for (const option of (options ?? '').split(/\s+/).filter(Boolean)) {
    const [name, value] = option.split('=');
    if (name === 'stat' && value) kind.statutoryType = value;
    else if (name === 'unitary') kind.unitaryOnly = true;
    else if (name === 'replaces' && value) kind.replaces = value;
    else if (name === 'era' && value) kind.eras = value.split(',') as Era[];
    else throw fail(`unknown option ${option}`);
  }
  return kind;
}

function phrasing(line: string, kind: WorkKind): Phrasing {
  const style = STYLES[line[0]!];
  const [name, purpose] = line.slice(2).split('::');
  if (!style || !name?.trim() || purpose === undefined) throw new Error(`Catalogue kind ${kind.id}: bad line ${line}`);
  return { style, name: name.trim(), purpose: purpose.trim() };
}

export function parseCatalogue(text: string): WorkKind[] {
  const kinds: WorkKind[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) kinds.push(header(line));
    else if (kinds.length === 0) throw new Error(`Catalogue line before any kind: ${line}`);
    else kinds.at(-1)!.phrasings.push(phrasing(line, kinds.at(-1)!));
  }
  for (const kind of kinds) {
    if (kind.phrasings.length < 4) throw new Error(`Catalogue kind ${kind.id}: fewer than four phrasings`);
    if (!kind.phrasings.some((p) => p.style === 'terse'))
      throw new Error(`Catalogue kind ${kind.id}: no terse phrasing`);
    if (kind.tier === 'facility' && !kind.phrasings.every((p) => p.name.includes('{ward}')))
      throw new Error(`Catalogue kind ${kind.id}: a facility's names must name the {ward}`);
  }
  return kinds;
}

export const WORK_KINDS: readonly WorkKind[] = parseCatalogue(
  [SAFETY, HEALTH, CARE, CHILDREN, LEARNING, ECONOMY, HOUSING, ENVIRONMENT, COMMUNITIES, LOCAL].join('\n'),
);

const byId = new Map(WORK_KINDS.map((k) => [k.id, k]));
if (byId.size !== WORK_KINDS.length) throw new Error('Catalogue: a kind id is used twice');
for (const kind of WORK_KINDS)
  if (kind.replaces && !byId.has(kind.replaces)) throw new Error(`Catalogue kind ${kind.id}: replaces unknown kind`);

export function workKind(id: string): WorkKind {
  const kind = byId.get(id);
  if (!kind) throw new Error(`No kind of work ${id}`);
  return kind;
}
