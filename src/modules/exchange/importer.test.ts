import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/helpers/database.js';
import { type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { cliActor } from '../../core/actor.js';
import { RegisterImport } from './importer.js';
import { ImportRejected } from './issues.js';
import { readCsv } from './csv.js';

const actor = cliActor('test');
let next = 1;

async function table(text: string) {
  const result = await readCsv('organisations', 'organisations.csv', text);
  if (!result.table) throw new Error('fixture did not parse');
  return [result.table];
}

describe.each(backends)('RegisterImport (%s)', (backend) => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext(backend);
  });
  afterAll(async () => context?.close());

  /** Runs an import in its own transaction, rolled back when the import is refused, as the exchange service does. */
  async function importInto(text: string) {
    const { register } = context.services;
    const gssCode = `E07${String(800000 + next++).padStart(6, '0')}`;
    const locality = await register.createLocality(actor, {
      gssCode,
      name: `Import ${gssCode}`,
      kind: 'district',
      region: 'East Midlands',
    });
    const progress: number[] = [];
    const tables = await table(text);
    const error = await context.database.db
      .transaction()
      .execute((trx) => new RegisterImport(trx, register, locality, actor, (done) => progress.push(done)).run(tables))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const written = await register.listOrganisations(actor, gssCode, {});
    return { error, written: written.items.map((o) => ({ id: o.id, name: o.name, gssCode })), progress };
  }

  it('carries on past rows the register refuses, reports each, then writes nothing at all', async () => {
    const rows = [
      'Org 1,public,district-council',
      'Org 2,public,nonsense',
      'Org 3,public,district-council',
      'Org 4,public,nonsense',
    ];
    const { error, written, progress } = await importInto(['name,sector,org_type', ...rows].join('\n'));
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map((i) => `${i.line}:${i.column}:${i.message}`)).toEqual([
      '3:org_type:Unknown organisation type: nonsense',
      '5:org_type:Unknown organisation type: nonsense',
    ]);
    expect(written).toHaveLength(0);
    expect(progress.at(-1)).toBe(4);
  });

  it('reports a repeated organisation against the later line, naming the earlier one', async () => {
    const { error, written } = await importInto(
      'identifier,name,sector,org_type\nGB-LAE-ABC,One,public,district-council\ngb-lae-abc,Two,public,district-council\n,ONE,public,district-council',
    );
    expect((error as ImportRejected).issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'identifier', 'gb-lae-abc is also on line 2: each organisation appears once'],
      [4, 'name', 'ONE is also on line 2: each organisation appears once'],
    ]);
    expect(written).toHaveLength(0);
  });

  it('writes every row of a good file, each with its audit entry', async () => {
    const { error, written } = await importInto(
      'name,sector,org_type\nAlpha,public,district-council\nBeta,voluntary,charity',
    );
    expect(error).toBeUndefined();
    expect(written.map((o) => o.name)).toEqual(['Alpha', 'Beta']);
    for (const organisation of written) {
      const history = await context.services.register.history(actor, organisation.gssCode, {
        organisationId: organisation.id,
      });
      expect(history.events.map((e) => e.summary)).toEqual([`Created organisation ${organisation.name}`]);
    }
  });
});
