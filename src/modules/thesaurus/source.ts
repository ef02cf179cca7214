/**
 * Where the overlap engine gets its thesaurus from: the administrator-edited copy in the database
 * (thesaurus service), or a fixed list (tests, benchmarks). The version changes whenever a
 * concept does, so analyses computed with an older thesaurus are recomputed.
 */
import type { Db } from '../../db/database.js';
import { compileThesaurus, type CompiledThesaurus } from './matcher.js';
import type { ConceptDefinition } from './types.js';

export interface ThesaurusSource {
  /** `db` is the caller's transaction, where there is one (PGlite has a single connection). */
  current(db?: Db): Promise<{ thesaurus: CompiledThesaurus; version: string }>;
}

export function fixedThesaurus(concepts: readonly ConceptDefinition[], version: string): ThesaurusSource {
  const compiled = { thesaurus: compileThesaurus(concepts), version };
  return { current: async () => compiled };
}
