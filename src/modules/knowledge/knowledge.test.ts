import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../core/errors.js';
import { SYSTEM } from '../../core/actor.js';
import { SEED_REFERENCE } from '../reference/data.js';
import { backends, openTestDatabase } from '../../../test/helpers/database.js';
import { loadConfig } from '../../config.js';
import { createServices } from '../../services.js';
import { backupDatabase, restoreDatabase } from '../backup/backup.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { untilListening } from '../../../test/helpers/changes.js';
import { STARTER_LIBRARY } from './starter-library.js';
import { ISSUES, KINDS } from './types.js';

const LOCALITY = 'E07000041';

/** A valid item of the given kind; each test changes what it is about. */
function item(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'how-to',
    title: 'A plain guide',
    summary: 'A summary.',
    body: 'Some text.',
    issues: ['governance'],
    nations: ['england'],
    ...overrides,
  };
}

describe.each(backends)('the knowledge base on %s', (backend) => {
  let ctx: TestContext;
  let author: Person;
  let editor: Person;
  let localEditor: Person;
  let otherEditor: Person;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: LOCALITY,
      name: 'Knowlton',
      kind: 'district',
      region: 'South West',
    });
    author = await ctx.person([{ role: 'partner-representative', localityCode: LOCALITY }]);
    editor = await ctx.person([{ role: 'knowledge-editor' }]);
    localEditor = await ctx.person([{ role: 'knowledge-editor', localityCode: LOCALITY }]);
    otherEditor = await ctx.person([{ role: 'knowledge-editor' }]);
  });
  afterAll(() => ctx.close());

  /** Submits an item as the author and publishes it as the national editor. */
  async function published(overrides: Record<string, unknown>) {
    const { knowledge } = ctx.services;
    const created = await knowledge.create(author.principal, item(overrides), { submit: true });
    return knowledge.moderate(editor.principal, created.id, { action: 'publish' });
  }

  it('ships a starter library of at least 30 items across every kind and every issue, tagged with real themes', async () => {
    const added = await ctx.services.knowledge.ensureStarterLibrary();
    expect(added).toBeGreaterThanOrEqual(30);
    expect(new Set(STARTER_LIBRARY.map((e) => e.kind))).toEqual(new Set(KINDS));
    expect(new Set(STARTER_LIBRARY.flatMap((e) => e.issues))).toEqual(new Set(ISSUES));
    const themes = new Set(SEED_REFERENCE.theme.map((t) => t.code));
    for (const entry of STARTER_LIBRARY) for (const theme of entry.themes) expect(themes).toContain(theme);
    const all = await ctx.services.knowledge.search({});
    expect(all.total).toBe(STARTER_LIBRARY.length);
    // The statutes the issue names are cited.
    const citations = STARTER_LIBRARY.map((e) => e.citation ?? '').join('\n');
    for (const cited of [
      'National Health Service Act 2006, s.75',
      'Local Government Act 2003, Part 4',
      'Crime and Disorder Act 1998',
    ])
      expect(citations).toContain(cited);
    // Seeded once: a second look adds nothing.
    expect(await ctx.services.knowledge.ensureStarterLibrary()).toBe(0);
  });

  it('shows a partnership page guidance published since the page last asked for it', async () => {
    const partnership = {
      themes: ['older-people', 'adult-social-care'],
      basis: 'voluntary',
      statutory_type: null,
      name: 'Knowlton Befriending Group',
      layer: 'operational',
    };
    // Kept once the process hears the database's changes, which starts with the first look.
    await ctx.services.knowledge.relatedTo(partnership);
    await untilListening(ctx.database.changes);
    const before = await ctx.services.knowledge.relatedTo(partnership);
    expect(before.map((r) => r.title)).not.toContain('Befriending older people at home');
    await published(
      item({
        title: 'Befriending older people at home',
        themes: ['older-people', 'adult-social-care'],
        partnershipTypes: ['voluntary'],
      }),
    );
    const after = await ctx.services.knowledge.relatedTo(partnership);
    expect(after[0]?.title).toBe('Befriending older people at home');
  });

  it('ranks a title match above a body match, and finds other forms of a word', async () => {
    await published(item({ title: 'Notes on meetings', body: 'Running a quorate board. Quorate boards decide.' }));
    await published(item({ title: 'Quorate boards in practice', body: 'How to keep enough members present.' }));
    const results = await ctx.services.knowledge.search({ q: 'quorate board' });
    expect(results.hits.map((h) => h.title).slice(0, 2)).toEqual(['Quorate boards in practice', 'Notes on meetings']);
    // Stemming: "winding" and "wound" are not stems of each other, but "pooling" is of "pooled".
    await published(
      item({ title: 'Shared money', body: 'The partners pooled their contributions for a zebrafish study.' }),
    );
    const stemmed = await ctx.services.knowledge.search({ q: 'pooling zebrafish' });
    expect(stemmed.hits.map((h) => h.title)).toContain('Shared money');
    expect(stemmed.hits[0]!.snippetHtml).toContain('<mark>pooled</mark>');
  });

  it('matches a word typed with a star as a prefix, with the other words as typed', async () => {
    await published(item({ title: 'Quokkaship agreements', body: 'Signing the agreement between partners.' }));
    await published(item({ title: 'Quokkas at board meetings', body: 'Nothing about agreements here.' }));
    expect((await ctx.services.knowledge.search({ q: 'quokk' })).total).toBe(0);
    const prefixed = await ctx.services.knowledge.search({ q: 'quokk*' });
    expect(prefixed.hits.map((h) => h.title).sort()).toEqual(['Quokkas at board meetings', 'Quokkaship agreements']);
    const narrowed = await ctx.services.knowledge.search({ q: 'quokk* signing' });
    expect(narrowed.hits.map((h) => h.title)).toEqual(['Quokkaship agreements']);
    // A star on its own, or inside a word, is only punctuation.
    expect((await ctx.services.knowledge.search({ q: '* quokk*x' })).total).toBe(0);
  });

  it('checks the links of published items, asking only the hosts listed for it', async () => {
    // A real server on this machine stands in for a publisher's site: one page answers, one is gone.
    const asked: string[] = [];
    const server = http.createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      response.writeHead(request.url === '/guidance' ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      await published({
        title: 'Linking out',
        body: `See [the guidance](${base}/guidance), [an old page](${base}/withdrawn-page) and https://elsewhere.invalid/page.`,
      });
      const checking = createServices(ctx.database, {
        ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
        linkCheckHosts: ['127.0.0.1'],
      });
      await expect(checking.knowledge.checkLinks(author.principal)).rejects.toBeInstanceOf(ForbiddenError);
      const report = await checking.knowledge.checkLinks(SYSTEM);
      expect(report.checked.map((r) => [r.url, r.status, r.problem])).toEqual([
        [`${base}/withdrawn-page`, 404, 'answered 404 Not Found'],
        [`${base}/guidance`, 200, null],
      ]);
      expect(report.checked[0]!.items.map((i) => i.title)).toEqual(['Linking out']);
      expect(report.notAsked).toBeGreaterThan(0);
      expect(asked.every((line) => line.startsWith('HEAD '))).toBe(true);
      // With no hosts listed, the check is off and asks nobody.
      await expect(ctx.services.knowledge.checkLinks(SYSTEM)).rejects.toBeInstanceOf(ConflictError);
      expect(asked).toHaveLength(2);
      const admin = await ctx.person([{ role: 'system-admin' }]);
      const session = new FormSession(ctx.app);
      await session.signIn(admin.email, admin.password);
      const page = await session.get('/knowledge/links');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('The link check is off');
      const visitor = await ctx.app.inject({ method: 'GET', url: '/knowledge/links' });
      expect(visitor.statusCode).not.toBe(200);
    } finally {
      server.close();
    }
  });

  it('finds a section 75 agreement when someone searches for a pooled budget, through the thesaurus', async () => {
    await published(
      item({
        kind: 'case-study',
        title: 'A section 75 agreement for hospital discharge in Knowlton',
        summary: 'The council and the NHS hosted the money together.',
        body: 'A section 75 agreement between the trust and the council.',
        place: 'Knowlton',
      }),
    );
    const results = await ctx.services.knowledge.search({ q: 'pooled budget', kind: 'case-study' });
    expect(results.hits.map((h) => h.title)).toContain('A section 75 agreement for hospital discharge in Knowlton');
    expect(results.widenedBy).toContain('Pooled and aligned budgets');
    // Without the thesaurus the words alone would not find it: it never says "pool" or "budget".
    const plain = await sql<{ title: string }>`
      select title from knowledge_search where document @@ websearch_to_tsquery('english', 'pooled budget')`.execute(
      ctx.database.db,
    );
    expect(plain.rows.map((r) => r.title)).not.toContain('A section 75 agreement for hospital discharge in Knowlton');
  });

  it('counts each facet with the other filters applied but not its own', async () => {
    await published(
      item({
        kind: 'guidance',
        title: 'Glimmerwick guidance one',
        body: 'glimmerwick',
        publisher: 'Us',
        guidanceStatus: 'current',
        nations: ['wales'],
      }),
    );
    await published(
      item({
        kind: 'guidance',
        title: 'Glimmerwick guidance two',
        body: 'glimmerwick',
        publisher: 'Us',
        guidanceStatus: 'current',
        nations: ['wales', 'scotland'],
      }),
    );
    await published(
      item({
        kind: 'how-to',
        title: 'Glimmerwick how-to',
        body: 'glimmerwick',
        nations: ['scotland'],
        issues: ['finance'],
      }),
    );
    const all = await ctx.services.knowledge.search({ q: 'glimmerwick' });
    expect(all.total).toBe(3);
    const counts = (facet: 'kind' | 'nation' | 'issue', r = all) =>
      Object.fromEntries(r.facets[facet].map((o) => [o.code, o.count]));
    expect(counts('kind')).toEqual({ guidance: 2, 'how-to': 1 });
    expect(counts('nation')).toEqual({ wales: 2, scotland: 2 });
    expect(counts('issue')).toEqual({ governance: 2, finance: 1 });
    const guidance = await ctx.services.knowledge.search({ q: 'glimmerwick', kind: 'guidance' });
    expect(guidance.total).toBe(2);
    expect(counts('kind', guidance)).toEqual({ guidance: 2, 'how-to': 1 }); // its own filter not applied
    expect(counts('nation', guidance)).toEqual({ wales: 2, scotland: 1 }); // the kind filter applied
    const scottishGuidance = await ctx.services.knowledge.search({
      q: 'glimmerwick',
      kind: 'guidance',
      nation: 'scotland',
    });
    expect(scottishGuidance.hits.map((h) => h.title)).toEqual(['Glimmerwick guidance two']);
  });

  it('pages results ten at a time', async () => {
    for (let i = 1; i <= 12; i++) await published(item({ title: `Paging item ${i}`, body: 'quillwort' }));
    const first = await ctx.services.knowledge.search({ q: 'quillwort' });
    const second = await ctx.services.knowledge.search({ q: 'quillwort', page: 2 });
    expect([first.total, first.pages, first.hits.length, second.hits.length]).toEqual([12, 2, 10, 2]);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.slug)).size).toBe(12);
  });

  it('moderates by role: changes asked with a reason, only editors decide, never on their own submission', async () => {
    const { knowledge } = ctx.services;
    const created = await knowledge.create(author.principal, item({ title: 'Moderated guide' }), { submit: true });
    expect(created.state).toBe('submitted');
    // Not yet public, and the author cannot publish it.
    await expect(knowledge.published(author.principal, created.slug)).rejects.toThrow('not found');
    await expect(knowledge.moderate(author.principal, created.id, { action: 'publish' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // A locality's editor moderates only that locality's items; this one is national.
    await expect(knowledge.moderate(localEditor.principal, created.id, { action: 'publish' })).rejects.toThrow(
      'not found',
    );
    await expect(
      knowledge.moderate(editor.principal, created.id, { action: 'request-changes' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const sentBack = await knowledge.moderate(editor.principal, created.id, {
      action: 'request-changes',
      reason: 'Name the Act',
    });
    expect([sentBack.state, sentBack.editor_note]).toEqual(['changes-requested', 'Name the Act']);
    expect((await ctx.services.notifications.work(author.principal)).map((w) => w.title)).toContain(
      'Make the changes an editor asked for: Moderated guide',
    );
    const resubmitted = await knowledge.update(
      author.principal,
      created.id,
      item({
        title: 'Moderated guide',
        body: 'Under the Localism Act 2011, in the quincunx ward.',
        version: sentBack.version,
      }),
      { submit: true },
    );
    expect(resubmitted.state).toBe('submitted');
    const done = await knowledge.moderate(editor.principal, created.id, { action: 'publish' });
    expect(done.state).toBe('published');
    expect((await knowledge.search({ q: 'quincunx' })).hits.map((h) => h.title)).toContain('Moderated guide');

    // An editor's own submission goes to another editor.
    const own = await knowledge.create(editor.principal, item({ title: 'Editor’s own' }), { submit: true });
    await expect(knowledge.moderate(editor.principal, own.id, { action: 'publish' })).rejects.toThrow('another editor');
    const rejected = await knowledge.moderate(otherEditor.principal, own.id, { action: 'reject', reason: 'Duplicate' });
    expect(rejected.state).toBe('rejected');

    // A locality's editor reviews items filed to that locality.
    const local = await knowledge.create(author.principal, item({ title: 'Local guide', scope: LOCALITY }), {
      submit: true,
    });
    expect((await knowledge.reviewQueue(localEditor.principal)).waiting.map((i) => i.title)).toEqual(['Local guide']);
    expect((await knowledge.moderate(localEditor.principal, local.id, { action: 'publish' })).state).toBe('published');
  });

  it('keeps every published version; a revision stays private until it is published', async () => {
    const { knowledge } = ctx.services;
    const first = await published(item({ title: 'Versioned guide', body: 'First words.' }));
    const revising = await knowledge.moderate(author.principal, first.id, { action: 'revise' });
    expect(revising.state).toBe('draft');
    await knowledge.update(author.principal, first.id, item({ title: 'Versioned guide', body: 'Second words.' }), {
      submit: true,
    });
    // The public still reads version 1 while version 2 waits for review.
    const meanwhile = await knowledge.published(author.principal, first.slug);
    expect([meanwhile.version.number, meanwhile.html]).toEqual([1, '<p class="govuk-body">First words.</p>\n']);
    await knowledge.moderate(editor.principal, first.id, { action: 'publish', reason: 'Updated the wording' });
    const now = await knowledge.published(author.principal, first.slug);
    expect(now.version.number).toBe(2);
    expect(now.html).toContain('Second words.');
    expect(now.versions.map((v) => [v.number, v.change_note])).toEqual([
      [2, 'Updated the wording'],
      [1, null],
    ]);
    const old = await knowledge.published(author.principal, first.slug, 1);
    expect(old.html).toContain('First words.');
    expect((await knowledge.search({ q: 'Second words' })).hits.map((h) => h.title)).toContain('Versioned guide');
    expect((await knowledge.search({ q: '"First words"' })).hits.map((h) => h.title)).not.toContain('Versioned guide');
    const page = await ctx.app.inject({ url: `/knowledge/items/${first.slug}/versions/1` });
    expect(page.body).toContain('You are reading version 1 of 2');
  });

  it('flags items past their review date to their editor', async () => {
    const { knowledge } = ctx.services;
    const stale = await published(item({ title: 'Stale guide' }));
    await ctx.database.db
      .updateTable('knowledge_items')
      .set({ review_due_on: '2020-01-01', last_reviewed_on: '2019-01-01' })
      .where('id', '=', stale.id)
      .execute();
    expect((await knowledge.reviewQueue(editor.principal)).overdue.map((i) => i.title)).toContain('Stale guide');
    const work = await ctx.services.notifications.work(editor.principal);
    expect(work.find((w) => w.title === 'Review again: Stale guide')?.overdue).toBe(true);
    expect((await knowledge.reviewQueue(localEditor.principal)).overdue.map((i) => i.title)).not.toContain(
      'Stale guide',
    );
    await knowledge.moderate(editor.principal, stale.id, { action: 'mark-reviewed' });
    expect((await knowledge.reviewQueue(editor.principal)).overdue.map((i) => i.title)).not.toContain('Stale guide');
  });

  it('never lets script, event handlers, javascript: links or SVG from a submission reach the preview or the page', async () => {
    const hostile = [
      '# Hello',
      '<script>alert("s")</script>',
      '<img src=x onerror="alert(1)">',
      '[click](javascript:alert(1))',
      '<svg onload="alert(1)"><script>alert(2)</script></svg>',
      '<a href="https://example.org" onclick="alert(3)">fine link</a>',
    ].join('\n\n');
    const form = await ctx.app.inject({ url: '/knowledge/new', headers: author.headers });
    expect(form.statusCode).toBe(200);
    const preview = await ctx.services.knowledge.preview(author.principal, item({ body: hostile }));
    const made = await published(item({ title: 'Hostile item', body: hostile }));
    const page = await ctx.app.inject({ url: `/knowledge/items/${made.slug}` });
    for (const html of [preview.html, page.body]) {
      const body = html.toLowerCase();
      expect(body).not.toMatch(/<script(?![^>]*nonce)[^>]*>\s*alert|onerror=|onload=|onclick=|javascript:|<svg/);
      expect(body).toContain('fine link');
    }
  });

  it('serves public pages with no sign-in: a stable address, Open Graph tags, the sitemap and the Atom feed', async () => {
    const made = await published(item({ title: 'Public guide', summary: 'Read me & share me.' }));
    const page = await ctx.app.inject({ url: `/knowledge/items/${made.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta property="og:title" content="Public guide">');
    expect(page.body).toContain('<meta property="og:description" content="Read me &amp; share me.">');
    expect(page.body).toContain(`/knowledge/items/${made.slug}">`);
    expect(page.body).toContain('href="/knowledge/knowledge.css"');
    const sitemap = await ctx.app.inject({ url: '/knowledge/sitemap.xml' });
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain(`/knowledge/items/${made.slug}</loc>`);
    const feed = await ctx.app.inject({ url: '/knowledge/feed.atom' });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('Public guide');
    const search = await ctx.app.inject({ url: '/knowledge?q=public+guide&kind=how-to' });
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(`href="/knowledge/items/${made.slug}"`);
    const css = await ctx.app.inject({ url: '/knowledge/knowledge.css' });
    expect(css.body).toContain('@media print');
    // A draft has no public page.
    const draft = await ctx.services.knowledge.create(author.principal, item({ title: 'Hidden draft' }), {
      submit: false,
    });
    expect((await ctx.app.inject({ url: `/knowledge/items/${draft.slug}` })).statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ url: `/knowledge/drafts/${draft.id}`, headers: otherEditor.headers })).statusCode,
    ).toBe(200);
  });

  it('shows related guidance and practice on a partnership page, chosen by its themes and type', async () => {
    const { register } = ctx.services;
    const bid = await register.createPartnership(SYSTEM, LOCALITY, {
      name: 'Knowlton Town Centre BID',
      purpose: 'Improving the town centre for businesses',
      basis: 'voluntary',
      legalForm: 'company-limited-by-guarantee',
      layer: 'operational',
      themes: ['economy-regeneration'],
    });
    const page = await ctx.app.inject({ url: `/localities/${LOCALITY}/partnerships/${bid.id}` });
    expect(page.statusCode).toBe(200);
    const related = page.body.slice(page.body.indexOf('id="related-guidance"'));
    expect(page.body).toContain('Related guidance and practice');
    expect(related).toContain('Business Improvement Districts in England: Local Government Act 2003 Part 4');
    expect(related).toContain('How to run a BID ballot');
    const csp = await register.createPartnership(SYSTEM, LOCALITY, {
      name: 'Knowlton Community Safety Partnership',
      purpose: 'Reducing crime and disorder',
      basis: 'statutory',
      statutoryType: 'community-safety-partnership',
      legalForm: 'unincorporated',
      layer: 'executive',
      themes: ['community-safety'],
    });
    const cspPage = await ctx.app.inject({ url: `/localities/${LOCALITY}/partnerships/${csp.id}` });
    const cspRelated = cspPage.body.slice(cspPage.body.indexOf('id="related-guidance"'));
    expect(cspRelated).toContain('Community Safety Partnerships: the Crime and Disorder Act 1998');
    expect(cspRelated).not.toContain('How to run a BID ballot');
  });

  it('reads every item again with the new thesaurus after an administrator adds a synonym', async () => {
    const sysadmin = await ctx.person([{ role: 'system-admin' }]);
    const made = await published(item({ title: 'Our glorpwick kitty', body: 'Money held together.' }));
    const before = await ctx.services.knowledge.search({ q: 'pooled budget', kind: 'how-to' });
    expect(before.hits.map((h) => h.slug)).not.toContain(made.slug);
    await ctx.services.thesaurus.addAltLabel(sysadmin.principal, 'pooled-budgets', { label: 'glorpwick kitty' });
    const after = await ctx.services.knowledge.search({ q: 'pooled budget', kind: 'how-to' });
    // Named in its title, it ranks with the guides whose titles use the words themselves.
    expect(after.hits.slice(0, 3).map((h) => h.slug)).toContain(made.slug);
  });

  it('survives a backup and restore: the restored library is searched the same way', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'knowledge-backup-'));
    const file = path.join(folder, 'backup.jsonl.gz');
    const target = await openTestDatabase(backend);
    try {
      await backupDatabase(ctx.database, file);
      await restoreDatabase(target, file);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      const restored = createServices(target, config).knowledge;
      const query = { q: 'pooled budget', kind: 'case-study' };
      const [before, after] = [await ctx.services.knowledge.search(query), await restored.search(query)];
      expect(after.hits.map((h) => h.slug)).toEqual(before.hits.map((h) => h.slug));
      expect(after.facets).toEqual(before.facets);
    } finally {
      await target.destroy();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
