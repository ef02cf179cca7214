import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { ForbiddenError, ValidationError } from '../../core/errors.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { DEFAULT_THESAURUS, DEFAULT_THESAURUS_VERSION } from './default/index.js';
import { ThesaurusService } from './service.js';
import { draftProposal } from '../overlap/test-records.js';

/**
 * The thesaurus as reference data: any signed-in person reads it, a system administrator edits
 * it, and an edit changes what the overlap engine sees at once.
 */
const CODE = 'E07000061';
/** A made-up everyday phrase no shipped label uses, so only an administrator's edit can teach it. */
const PHRASE = 'snorkelwick mums';

describe.each(backends)('the thesaurus as reference data on %s', (backend) => {
  let ctx: TestContext;
  let sysadmin: Person;
  let officer: Person;
  let aId: string;
  let bId: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: CODE, name: 'Wordhampton', kind: 'district', region: 'London' });
    const base = { basis: 'voluntary', legalForm: 'unincorporated', layer: 'operational' };
    aId = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: 'Teenage pregnancy board',
        purpose: 'Reducing teenage pregnancy across the district',
      })
    ).id;
    bId = (
      await register.createPartnership(SYSTEM, CODE, {
        ...base,
        name: 'Young families forum',
        purpose: `Fewer ${PHRASE} in every ward`,
      })
    ).id;
    // Other work around them, as in any register, so that what the two share is rare in it.
    for (const work of ['Recycling', 'Libraries', 'Road safety', 'Allotments', 'Museums', 'Parking'])
      await register.createPartnership(SYSTEM, CODE, { ...base, name: `${work} group`, purpose: `About ${work}` });
    sysadmin = await ctx.person([{ role: 'system-admin' }]);
    officer = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
  }, 120_000);
  afterAll(() => ctx.close());

  const conceptsShared = async () =>
    (await ctx.services.overlap.pair(officer.principal, CODE, aId, bId)).explanation.sharedFeatures
      .filter((f) => f.kind === 'concept')
      .map((f) => f.label);

  /** Why the pre-check of a proposal in the official words finds the forum, if it does. */
  const precheckReasons = async () => {
    const locality = await ctx.services.register.locality(CODE);
    const check = await ctx.services.overlap.checkProposal(
      locality,
      draftProposal(locality.id, 'Teenage pregnancy partnership', 'Fewer teenage pregnancies in every ward'),
      { national: false },
    );
    return check.local.find((m) => m.partnershipId === bId)?.reasons.join(' ') ?? '';
  };

  it('an alternative label an administrator adds makes two partnerships’ explanation and a pre-check show the concept', async () => {
    expect(await conceptsShared()).not.toContain('Teenage pregnancy');
    expect(await precheckReasons()).not.toContain(PHRASE);
    const before = await ctx.services.thesaurus.current();

    const session = new FormSession(ctx.app);
    await session.signIn(sysadmin.email, sysadmin.password);
    const added = await session.submit(
      '/thesaurus/concepts/teenage-pregnancy',
      '/thesaurus/concepts/teenage-pregnancy/labels',
      {
        label: PHRASE,
      },
    );
    expect(added.statusCode).toBe(303);
    const page = await session.get('/thesaurus/concepts/teenage-pregnancy');
    expect(page.body).toContain(PHRASE);
    expect(page.body).toContain('was added to Teenage pregnancy');

    const after = await ctx.services.thesaurus.current();
    expect(after.version).not.toBe(before.version);
    expect(await conceptsShared()).toContain('Teenage pregnancy');
    const pairPage = await session.get(
      `/localities/${CODE}/overlap/pairs/${aId < bId ? `${aId}/${bId}` : `${bId}/${aId}`}`,
    );
    expect(pairPage.body).toMatch(/Teenage pregnancy<\/th>[\s\S]*?The same idea in the thesaurus/);

    // A proposal in the official words is now checked against the forum that writes the everyday phrase.
    const reasons = await precheckReasons();
    expect(reasons).toMatch(new RegExp(`‘teenage pregnancy[^’]*’ ~ ‘${PHRASE}’ \\(thesaurus: teenage pregnancy\\)`));

    // Taking the label away again takes the match away.
    await ctx.services.thesaurus.removeAltLabel(sysadmin.principal, 'teenage-pregnancy', { label: PHRASE });
    expect(await conceptsShared()).not.toContain('Teenage pregnancy');
    await ctx.services.thesaurus.addAltLabel(sysadmin.principal, 'teenage-pregnancy', { label: PHRASE });
  });

  it('compiles the edition once in a transaction that asks for it again and again (an import, a seed)', async () => {
    // A service that has read nothing outside a transaction yet, as at a first start.
    const fresh = new ThesaurusService(
      ctx.database.db,
      ctx.services.audit,
      DEFAULT_THESAURUS,
      DEFAULT_THESAURUS_VERSION,
      {
        publicUrl: 'http://localhost',
      },
    );
    const [first, second] = await ctx.database.db
      .transaction()
      .execute(async (trx) => [await fresh.current(trx), await fresh.current(trx)]);
    expect(second?.thesaurus).toBe(first?.thesaurus);
    expect(second?.version).toBe((await ctx.services.thesaurus.current()).version);
  });

  it('refuses a non-administrator in the service and on the page and API routes', async () => {
    await expect(
      ctx.services.thesaurus.addAltLabel(officer.principal, 'teenage-pregnancy', { label: 'pram gangs' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const api = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/thesaurus/concepts/teenage-pregnancy/alt-labels',
      headers: officer.headers,
      payload: { label: 'pram gangs' },
    });
    expect(api.statusCode).toBe(403);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const session = new FormSession(ctx.app);
    await session.signIn(officer.email, officer.password);
    const page = await session.get('/thesaurus/concepts/teenage-pregnancy');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add an alternative label');
    const form = await session.submit(
      '/thesaurus/concepts/teenage-pregnancy',
      '/thesaurus/concepts/teenage-pregnancy/labels',
      {
        label: 'pram gangs',
      },
    );
    expect(form.statusCode).toBe(403);
    const { concept } = await ctx.services.thesaurus.concept(officer.principal, 'teenage-pregnancy');
    expect(concept.altLabels).not.toContain('pram gangs');
    // Reading needs no more than signing in; the public is asked to sign in.
    expect((await ctx.app.inject({ method: 'GET', url: '/thesaurus' })).statusCode).toBe(303);
  });

  it('refuses a label that reads the same as another concept’s, naming the field in the error summary', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(sysadmin.email, sysadmin.password);
    // "Sexual health" is another concept's preferred label; "sexual-healths" reads the same.
    const response = await session.submit(
      '/thesaurus/concepts/teenage-pregnancy',
      '/thesaurus/concepts/teenage-pregnancy/labels',
      {
        label: 'Sexual Healths',
      },
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toMatch(/<a href="#label">[^<]*reads the same as[^<]*Sexual health/);
    expect(response.body).toContain('value="Sexual Healths"');
    const api = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/thesaurus/concepts/teenage-pregnancy/alt-labels',
      headers: sysadmin.headers,
      payload: { label: 'x'.repeat(101) },
    });
    expect(api.statusCode).toBe(422);
    expect(api.json().errors[0].field).toBe('label');
    await expect(
      ctx.services.thesaurus.addAltLabel(sysadmin.principal, 'teenage-pregnancy', { label: 'bad\u0000label' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('adds a concept under a known broader one, refuses an unknown broader, and retires only concepts added here', async () => {
    const { thesaurus } = ctx.services;
    await expect(
      thesaurus.addConcept(sysadmin.principal, {
        id: 'pram-walks',
        label: 'Pram walks',
        field: 'health',
        broader: ['no-such-concept'],
      }),
    ).rejects.toThrow(/no-such-concept/);
    const concept = await thesaurus.addConcept(sysadmin.principal, {
      id: 'pram-walks',
      label: 'Pram walks',
      field: 'health',
      broader: ['teenage-pregnancy'],
    });
    expect(concept.broader).toEqual(['teenage-pregnancy']);
    const parent = await thesaurus.concept(officer.principal, 'teenage-pregnancy');
    expect(parent.narrower.map((n) => n.id)).toContain('pram-walks');
    await expect(thesaurus.retireConcept(sysadmin.principal, 'teenage-pregnancy')).rejects.toThrow(
      /only concepts added here/,
    );
    await thesaurus.retireConcept(sysadmin.principal, 'pram-walks');
    await expect(thesaurus.concept(officer.principal, 'pram-walks')).rejects.toThrow(/Concept not found/);
    await expect(
      thesaurus.addConcept(sysadmin.principal, { id: 'pram-walks', label: 'Pram strolls', field: 'health' }),
    ).rejects.toThrow(/never reused/);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['actor', 'summary', 'occurred_at'])
      .where('entity_type', '=', 'thesaurus-concept')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        `Added the alternative label “${PHRASE}” to Teenage pregnancy in the thesaurus`,
        'Added the concept Pram walks to the thesaurus',
        'Retired the concept Pram walks from the thesaurus',
      ]),
    );
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([sysadmin.principal.label]));
  });

  it('lists concepts by label and field, searches alternative labels, pages, and answers a clear 404', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(officer.email, officer.password);
    const search = await session.get(`/thesaurus?q=${encodeURIComponent('snorkelwick')}`);
    expect(search.body).toContain('1 concept');
    expect(search.body).toContain('href="/thesaurus/concepts/teenage-pregnancy"');
    const none = await session.get('/thesaurus?q=zzqqxx');
    expect(none.body).toContain('No concepts found');
    const list = await ctx.services.thesaurus.list(officer.principal, { field: 'health', page: 2, pageSize: 10 });
    expect(list.items.every((c) => c.field === 'health')).toBe(true);
    const labels = list.items.map((c) => c.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
    expect(list.page).toBe(2);
    const missing = await session.get('/thesaurus/concepts/no-such-concept');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('We could not find that concept');
    const api = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/thesaurus/concepts/no-such-concept',
      headers: officer.headers,
    });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('downloads the current edition as SKOS Turtle and JSON-LD that parse and carry the added label', async () => {
    const session = new FormSession(ctx.app);
    await session.signIn(officer.email, officer.password);
    const turtle = await session.get('/thesaurus/export?format=turtle');
    expect(turtle.headers['content-type']).toContain('text/turtle');
    expect(turtle.headers['content-disposition']).toMatch(/^attachment; filename="joinedup-thesaurus-[^"]+\.ttl"$/);
    const quads = new Parser().parse(turtle.body);
    const alt = quads.filter(
      (q) =>
        q.predicate.value === 'http://www.w3.org/2004/02/skos/core#altLabel' &&
        q.subject.value.endsWith('/thesaurus/concepts/teenage-pregnancy'),
    );
    expect(alt.map((q) => q.object.value)).toContain(PHRASE);
    const jsonld = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/thesaurus/export?format=jsonld',
      headers: officer.headers,
    });
    expect(jsonld.headers['content-type']).toContain('application/ld+json');
    expect(jsonld.headers['content-disposition']).toMatch(/\.jsonld"$/);
    const graph = (jsonld.json() as { '@graph': Array<Record<string, unknown>> })['@graph'];
    const node = graph.find((n) => String(n['@id']).endsWith('/teenage-pregnancy'));
    expect((node?.['skos:altLabel'] as Array<{ '@value': string }>).map((l) => l['@value'])).toContain(PHRASE);
    const bad = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/thesaurus/export?format=rdfxml',
      headers: officer.headers,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
