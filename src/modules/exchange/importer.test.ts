import { describe, expect, it } from 'vitest';
import { cliActor } from '../../core/actor.js';
import { ValidationError } from '../../core/errors.js';
import type { Db } from '../../db/database.js';
import type { Locality } from '../../db/tables.js';
import type { RegisterService } from '../register/service.js';
import { RegisterImport } from './importer.js';
import { ImportRejected } from './issues.js';
import { readCsv } from './csv.js';

const locality = {
  id: 'locality-1',
  gss_code: 'E07000001',
  name: 'Stub',
  kind: 'district',
  region: 'East Midlands',
} as Locality;

/** A register whose createOrganisation answers from a script, to see how the import reacts. */
function scriptedRegister(outcomes: Array<'ok' | 'invalid' | 'database'>): {
  register: RegisterService;
  calls: string[];
} {
  const calls: string[] = [];
  const stub = {
    // Nothing is in the register yet, so every row creates.
    organisations: { idByIdentifierOrName: async () => undefined },
    async createOrganisation(_actor: unknown, _code: string, input: { name: string }) {
      calls.push(input.name);
      const outcome = outcomes[calls.length - 1] ?? 'ok';
      if (outcome === 'invalid') throw ValidationError.of('orgType', 'Unknown organisation type: x');
      if (outcome === 'database') throw new Error('duplicate key value violates unique constraint');
      return { id: `org-${calls.length}`, name: input.name, identifier: null, local_reference: null };
    },
  };
  // Only the methods this import reaches are needed; the stub stands in for the whole service.
  return { register: stub as unknown as RegisterService, calls };
}

const organisations = (count: number) => {
  const rows = Array.from({ length: count }, (_, i) => `Org ${i + 1},public,district-council`);
  const result = readCsv('organisations', 'organisations.csv', ['name,sector,org_type', ...rows].join('\n'));
  if (!result.table) throw new Error('fixture did not parse');
  return [result.table];
};

describe('RegisterImport', () => {
  it('carries on past rows the service refuses, then refuses the whole import', async () => {
    const { register, calls } = scriptedRegister(['ok', 'invalid', 'ok', 'invalid']);
    const error = await new RegisterImport({} as Db, register, locality, cliActor('test'))
      .run(organisations(4))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map((i) => `${i.line}:${i.column}`)).toEqual(['3:org_type', '5:org_type']);
    expect(calls).toHaveLength(4);
  });

  it('stops at a database error, reporting it against its row', async () => {
    const { register, calls } = scriptedRegister(['ok', 'database', 'ok']);
    const progress: number[] = [];
    const error = await new RegisterImport({} as Db, register, locality, cliActor('test'), (done) =>
      progress.push(done),
    )
      .run(organisations(3))
      .catch((e: unknown) => e);
    expect((error as ImportRejected).issues).toEqual([
      {
        sheet: 'organisations.csv',
        line: 3,
        column: '',
        message:
          'This row could not be saved, so the import stopped here: duplicate key value violates unique constraint',
      },
    ]);
    expect(calls).toEqual(['Org 1', 'Org 2']);
  });

  it('reports a repeated organisation against the later line, naming the earlier one', async () => {
    const { register, calls } = scriptedRegister([]);
    const table = readCsv(
      'organisations',
      'organisations.csv',
      'identifier,name,sector,org_type\nGB-LAE-ABC,One,public,district-council\ngb-lae-abc,Two,public,district-council\n,ONE,public,district-council',
    ).table;
    const error = await new RegisterImport({} as Db, register, locality, cliActor('test'))
      .run(table ? [table] : [])
      .catch((e: unknown) => e);
    expect((error as ImportRejected).issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'identifier', 'gb-lae-abc is also on line 2: each organisation appears once'],
      [4, 'name', 'ONE is also on line 2: each organisation appears once'],
    ]);
    expect(calls).toEqual(['One']);
  });
});
