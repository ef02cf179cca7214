import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { backends } from '../../../test/helpers/database.js';
import { SYSTEM } from '../../core/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';
import { ACCREDITATION_CODE, HEALTH_CHECK_CODE } from './checklists.js';
import { safeFileName, sniffEvidence } from './evidence.js';
import { SCALE_OPTIONS } from './rules.js';

/**
 * Documents kept as evidence, the assurance API, the partnership chair and local stakeholders
 * in accreditation, on one small locality (and one other, which must see nothing of it).
 */
const A = 'E07000041';
const B = 'E07000042';
const REGION = 'South West';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A ZIP of stored (uncompressed) entries: enough of one for the reader of office files. */
function zip(entries: Array<[string, string]>): Buffer {
  return Buffer.concat(
    entries.map(([name, body]) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt32LE(Buffer.byteLength(body), 18);
      header.writeUInt32LE(Buffer.byteLength(body), 22);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      return Buffer.concat([header, Buffer.from(name), Buffer.from(body)]);
    }),
  );
}

/** An Office file's list of parts, naming its main part's type as Word and Excel write it. */
const contentTypes = (kind: string) =>
  `<Types><Override PartName="/main.xml" ContentType="application/vnd.openxmlformats-officedocument.${kind}.main+xml"/></Types>`;

function multipart(fileName: string, content: Buffer, claimed = 'application/pdf') {
  return {
    'content-type': 'multipart/form-data; boundary=XyZ',
    payload: Buffer.concat([
      Buffer.from(
        `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${claimed}\r\n\r\n`,
      ),
      content,
      Buffer.from('\r\n--XyZ--\r\n'),
    ]),
  };
}

describe('what a file is, from its bytes', () => {
  it('knows each kind taken, whatever the name says, and refuses the rest', async () => {
    const kindOf = async (name: string, content: Buffer) => (await sniffEvidence(name, content))?.extension ?? null;
    expect(await kindOf('minutes.txt', PDF)).toBe('pdf');
    const onePixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    expect(await kindOf('a', Buffer.from(onePixel, 'base64'))).toBe('png');
    expect(await kindOf('a', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    const docx = zip([
      ['[Content_Types].xml', contentTypes('wordprocessingml.document')],
      ['word/document.xml', '<w:document/>'],
    ]);
    expect(await kindOf('terms.pdf', docx)).toBe('docx');
    const xlsx = zip([
      ['[Content_Types].xml', contentTypes('spreadsheetml.sheet')],
      ['xl/workbook.xml', '<workbook/>'],
    ]);
    expect(await kindOf('x', xlsx)).toBe('xlsx');
    expect(await kindOf('x', zip([['mimetype', 'application/vnd.oasis.opendocument.text']]))).toBe('odt');
    // A spreadsheet in OpenDocument, an archive of anything else, a page and a program are refused.
    expect(await kindOf('x.ods', zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]))).toBeNull();
    expect(await kindOf('x.zip', zip([['evil.exe', 'MZ']]))).toBeNull();
    expect(await kindOf('page.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(await kindOf('setup.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull();
    // An old Word file and an old workbook share one signature: only a .doc name is taken.
    const compound = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(compound);
    expect(await kindOf('minutes.doc', compound)).toBe('doc');
    expect(await kindOf('budget.xls', compound)).toBeNull();
    // CSV has no signature: plain text named .csv is taken, binary named .csv is not.
    expect(await kindOf('seats.csv', Buffer.from('name,seats\nCouncil,3\n'))).toBe('csv');
    expect(await kindOf('seats.csv', Buffer.from([0x00, 0x01, 0x02]))).toBeNull();
  });

  it('keeps a safe name, ending in the kind the bytes showed', async () => {
    const pdf = await sniffEvidence('x', PDF);
    if (!pdf) throw new Error('not read as a PDF');
    expect(safeFileName('..\\..\\etc/Terms of réference<script>.exe', pdf)).toBe('Terms of reference_script_.pdf');
    expect(safeFileName('"; filename=evil.html', pdf)).toBe('_ filename_evil.pdf');
    expect(safeFileName('...', pdf)).toBe('evidence.pdf');
  });
});

describe.each(backends)('assurance: evidence, API, chairs and stakeholders, on %s', (backend) => {
  let ctx: TestContext;
  let ids: { lsp: string; other: string; organisation: string; otherOrganisation: string };

  let admin: Person;
  let secretary: Person;
  let representative: Person;
  let adminElsewhere: Person;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register } = ctx.services;
    await register.createLocality(SYSTEM, { gssCode: A, name: 'Evidenceford', kind: 'district', region: REGION });
    await register.createLocality(SYSTEM, { gssCode: B, name: 'Elsewhere', kind: 'district', region: REGION });
    const base = { purpose: 'Joining up services', basis: 'voluntary', legalForm: 'unincorporated' };
    const organisation = await register.createOrganisation(SYSTEM, A, {
      name: 'Evidenceford Council for Voluntary Service',
      sector: 'voluntary',
      orgType: 'charity',
    });
    const otherOrganisation = await register.createOrganisation(SYSTEM, B, {
      name: 'Elsewhere Residents',
      sector: 'community',
      orgType: 'charity',
    });
    ids = {
      lsp: (await register.createPartnership(SYSTEM, A, { ...base, name: 'Evidenceford LSP', layer: 'strategic' })).id,
      other: (await register.createPartnership(SYSTEM, A, { ...base, name: 'Youth board', layer: 'executive' })).id,
      organisation: organisation.id,
      otherOrganisation: otherOrganisation.id,
    };

    admin = await ctx.person([{ role: 'locality-admin', localityCode: A }]);
    secretary = await ctx.person([{ role: 'partnership-secretary', localityCode: A, partnershipId: ids.lsp }]);
    representative = await ctx.person([
      { role: 'partner-representative', localityCode: A, organisationId: ids.organisation },
    ]);
    adminElsewhere = await ctx.person([{ role: 'locality-admin', localityCode: B }]);
  }, 120_000);
  afterAll(() => ctx?.close());

  const start = (who: Person, code = HEALTH_CHECK_CODE, partnershipId = ids.lsp) =>
    ctx.services.assurance.startAssessment(who.principal, A, { partnershipId, checklistCode: code });

  /** Answers every question well, with a link where evidence is required, except those named. */
  async function answerAll(who: Person, id: string, except: string[] = []) {
    const { assurance } = ctx.services;
    const view = await assurance.assessment(who.principal, A, id);
    for (const q of view.assessment.definition.sections.flatMap((s) => s.questions)) {
      if (except.includes(q.key) || q.scale === 'text') continue;
      await assurance.saveAnswer(who.principal, A, id, q.key, {
        value: SCALE_OPTIONS[q.scale][0]?.value,
        ...(q.evidenceRequired ? { evidenceKind: 'link', evidence: 'https://example.org/minutes' } : {}),
      });
    }
  }

  describe('documents as evidence', () => {
    it('keeps an uploaded document for its answer, refuses the wrong kind and the too big, and only the partnership answers', async () => {
      const { assurance } = ctx.services;
      const assessment = await start(secretary);
      // Evidence is required here: a document satisfies it as a link would.
      await answerAll(secretary, assessment.id, ['terms-of-reference']);
      await assurance.saveAnswer(secretary.principal, A, assessment.id, 'terms-of-reference', { value: 'yes' });
      expect((await assurance.assessment(secretary.principal, A, assessment.id)).problems).toEqual([
        'Give evidence for “Has the partnership agreed terms of reference?”',
      ]);
      const kept = await assurance.addDocument(secretary.principal, A, assessment.id, 'terms-of-reference', {
        name: 'C:\\Users\\me\\Terms <final>.pdf',
        content: PDF,
      });
      expect(kept).toMatchObject({ file_name: 'Terms _final_.pdf', content_type: 'application/pdf' });
      const view = await assurance.assessment(secretary.principal, A, assessment.id);
      expect(view.problems).toEqual([]);
      expect(view.documents.get('terms-of-reference')?.map((d) => d.file_name)).toEqual(['Terms _final_.pdf']);

      const refusal = async (file: { name: string; content: Buffer }) => {
        const error = await assurance
          .addDocument(secretary.principal, A, assessment.id, 'terms-of-reference', file)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).errors;
      };
      expect(await refusal({ name: 'report.pdf', content: Buffer.from('<html>not a pdf</html>') })).toEqual([
        {
          field: 'file',
          message: 'The file must be a PDF, Word (DOCX or DOC), OpenDocument text (ODT), XLSX, CSV, PNG or JPEG file',
        },
      ]);
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      expect(await refusal({ name: 'big.pdf', content: big })).toEqual([
        { field: 'file', message: 'The file must be 10 MB or smaller' },
      ]);

      // Someone who reads the locality but does not answer for the partnership, and another locality's administrator.
      const file = { name: 'x.pdf', content: PDF };
      await expect(
        assurance.addDocument(representative.principal, A, assessment.id, 'terms-of-reference', file),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        assurance.addDocument(adminElsewhere.principal, A, assessment.id, 'terms-of-reference', file),
      ).rejects.toBeInstanceOf(NotFoundError);

      // Once submitted the evidence stands: no more documents, none removed.
      await assurance.submitAssessment(secretary.principal, A, assessment.id, view.assessment.version);
      await expect(
        assurance.addDocument(secretary.principal, A, assessment.id, 'terms-of-reference', file),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(assurance.removeDocument(secretary.principal, A, assessment.id, kept.id)).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it('uploads through the page, downloads only as an attachment of the sniffed type, to the locality only, and removes with its audit', async () => {
      const assessment = await start(secretary);
      const url = `/localities/${A}/assurance/assessments/${assessment.id}`;
      const upload = (fileName: string, content: Buffer, claimed?: string) => {
        const { payload, ...headers } = multipart(fileName, content, claimed);
        return ctx.app.inject({
          method: 'POST',
          url: `${url}/answers/purpose-clear/documents`,
          headers: { ...secretary.headers, ...headers },
          payload,
        });
      };
      const wrong = await upload('minutes.pdf', Buffer.from('MZ\x90\x00 a program'));
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain('govuk-error-summary');
      expect(wrong.body).toContain('The file must be a PDF, Word');
      const empty = await upload('nothing.pdf', Buffer.alloc(0));
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain('Choose a file to upload');

      // The browser claims a web page; the bytes say PDF, and a PDF it is.
      const saved = await upload('../board <minutes>.html', PDF, 'text/html');
      expect(saved.statusCode).toBe(303);
      const page = await ctx.app.inject({ method: 'GET', url, headers: secretary.headers });
      const link = new RegExp(`${url}/documents/([0-9a-f-]{36})"`).exec(page.body);
      expect(page.body).toContain('board _minutes_.pdf');
      const documentUrl = `${url}/documents/${link?.[1]}`;

      const download = await ctx.app.inject({ method: 'GET', url: documentUrl, headers: representative.headers });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="board _minutes_.pdf"/);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(
        (await ctx.app.inject({ method: 'GET', url: documentUrl, headers: adminElsewhere.headers })).statusCode,
      ).toBe(404);
      expect((await ctx.app.inject({ method: 'GET', url: documentUrl })).statusCode).not.toBe(200);

      // Removing asks first; a reader who does not answer for the partnership may not.
      const confirm = await ctx.app.inject({ method: 'GET', url: `${documentUrl}/remove`, headers: secretary.headers });
      expect(confirm.body).toContain('Yes, remove it');
      const refused = await ctx.app.inject({
        method: 'POST',
        url: `${documentUrl}/remove`,
        headers: representative.headers,
        payload: {},
      });
      expect(refused.statusCode).toBe(403);
      const removed = await ctx.app.inject({
        method: 'POST',
        url: `${documentUrl}/remove`,
        headers: secretary.headers,
        payload: {},
      });
      expect(removed.statusCode).toBe(303);
      expect((await ctx.app.inject({ method: 'GET', url: documentUrl, headers: secretary.headers })).statusCode).toBe(
        404,
      );
      const trail = await ctx.database.db
        .selectFrom('audit_events')
        .select('summary')
        .where('entity_id', '=', assessment.id)
        .orderBy('id')
        .execute();
      expect(trail.map((t) => t.summary)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Added board _minutes_.pdf \(PDF, .*\) as evidence for/),
          'Removed the evidence board _minutes_.pdf',
        ]),
      );
    });
  });

  describe('the API', () => {
    const api = (method: 'GET' | 'PUT' | 'POST', url: string, who?: Person, payload?: unknown) =>
      ctx.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: who?.headers ?? {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    it('lists the checklists to anyone signed in', async () => {
      const response = await api('GET', '/assurance/checklists', representative);
      expect(response.statusCode).toBe(200);
      const health = response.json().find((c: { code: string }) => c.code === HEALTH_CHECK_CODE);
      expect(health.sections[0].questions[0]).toMatchObject({ key: 'purpose-clear', scale: 'yes-partly-no' });
      expect((await api('GET', '/assurance/checklists')).statusCode).toBe(401);
      const doc = (await api('GET', '/openapi.json')).json();
      const answer = doc.paths['/api/v1/localities/{code}/assessments/{id}/answers/{key}'].put;
      expect(answer.requestBody.content['application/json'].schema.required).toEqual(['version']);
      expect(answer.tags).toEqual(['Governance assurance']);
    });

    it('answers at a version, submits, and reads the scores by section, the actions, significance and reviews', async () => {
      const assessment = await start(secretary);
      await answerAll(secretary, assessment.id, ['purpose-clear']);
      const read = await api('GET', `/localities/${A}/partnerships/${ids.lsp}/assessments`, representative);
      expect(read.statusCode).toBe(200);
      const listed = read.json().find((a: { id: string }) => a.id === assessment.id);
      expect(listed).toMatchObject({ state: 'in-progress', checklist: { code: HEALTH_CHECK_CODE } });
      expect(listed.sections.length).toBeGreaterThan(3);

      const answerUrl = `/localities/${A}/assessments/${assessment.id}/answers/purpose-clear`;
      const answered = await api('PUT', answerUrl, secretary, { value: 'no', version: listed.version });
      expect(answered.statusCode).toBe(200);
      expect(answered.json().version).toBe(listed.version + 1);
      expect(answered.json().sections[0]).toMatchObject({ key: 'rationale' });
      // The same reading again is out of date: refused, nothing written over.
      const stale = await api('PUT', answerUrl, secretary, { value: 'yes', version: listed.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      const bad = await api('PUT', answerUrl, secretary, { value: 'perhaps' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['version']);
      const wrongValue = await api('PUT', answerUrl, secretary, { value: 'perhaps', version: listed.version + 1 });
      expect(wrongValue.json().errors).toEqual([expect.objectContaining({ field: 'value' })]);
      // A reader who does not answer for the partnership, and another locality.
      const body = { value: 'yes', version: listed.version + 1 };
      expect((await api('PUT', answerUrl, representative, body)).statusCode).toBe(403);
      expect((await api('PUT', answerUrl, adminElsewhere, body)).statusCode).toBe(404);
      expect(
        (await api('GET', `/localities/${A}/partnerships/${ids.lsp}/assessments`, adminElsewhere)).statusCode,
      ).toBe(404);

      const submitted = await api('POST', `/localities/${A}/assessments/${assessment.id}/submit`, secretary, {
        version: listed.version + 1,
      });
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json()).toMatchObject({ state: 'submitted' });
      expect(submitted.json().score).toBeLessThan(100);
      const actions = await api('GET', `/localities/${A}/assurance/actions?state=open`, representative);
      expect(actions.json()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ assessmentId: assessment.id, questionKey: 'purpose-clear', state: 'open' }),
        ]),
      );
      expect((await api('GET', `/localities/${A}/assurance/actions?state=later`, representative)).statusCode).toBe(422);

      // Significance with its reasons; the annual review of what is significant, with its returns.
      await ctx.services.assurance.setOverride(admin.principal, A, ids.lsp, {
        significant: 'yes',
        reason: 'The council relies on it',
      });
      const significance = (await api('GET', `/localities/${A}/assurance/significance`, representative)).json();
      expect(significance.rule).toMatchObject({ required: 3, isDefault: true });
      const lsp = significance.partnerships.find((p: { id: string }) => p.id === ids.lsp);
      expect(lsp).toMatchObject({ significant: true, override: { reason: 'The council relies on it' } });
      expect(lsp.reasons).toHaveLength(5);
      expect(lsp.why).toContain('The council relies on it');
      await ctx.services.assurance.startReview(admin.principal, A, { year: 2026, deadline: '2027-06-30' });
      const reviews = (await api('GET', `/localities/${A}/assurance/reviews`, representative)).json();
      expect(reviews[0]).toMatchObject({ financialYear: 2026, deadline: '2027-06-30', state: 'open' });
      expect(reviews[0].returns).toEqual([
        expect.objectContaining({ partnershipId: ids.lsp, partnershipName: 'Evidenceford LSP', state: 'sent' }),
      ]);
      expect((await api('GET', `/localities/${A}/assurance/reviews`, adminElsewhere)).statusCode).toBe(404);
    });
  });

  describe('a partnership’s chair', () => {
    it('is invited for one partnership, answers, documents and submits its assessments and returns its annual review, and nothing more', async () => {
      const { assurance, accounts, register } = ctx.services;
      const invite = { email: 'chair@evidenceford.example', name: 'Pat Chair', role: 'partnership-chair' };
      await expect(accounts.invite(admin.principal, A, invite)).rejects.toMatchObject({
        errors: [{ field: 'partnershipId', message: 'Choose the partnership they chair' }],
      });
      await accounts.invite(admin.principal, A, { ...invite, partnershipId: ids.lsp });
      const chair = await ctx.person([{ role: 'partnership-chair', localityCode: A, partnershipId: ids.lsp }]);

      const assessment = await start(chair);
      await answerAll(chair, assessment.id);
      // Through the page, as a chair would.
      const page = await ctx.app.inject({
        method: 'POST',
        url: `/localities/${A}/assurance/assessments/${assessment.id}/answers/purpose-clear`,
        headers: chair.headers,
        payload: { value: 'partly' },
      });
      expect(page.statusCode).toBe(303);
      await assurance.addDocument(chair.principal, A, assessment.id, 'purpose-clear', { name: 'a.pdf', content: PDF });
      const view = await assurance.assessment(chair.principal, A, assessment.id);
      expect(view.canAnswer).toBe(true);
      const submitted = await assurance.submitAssessment(chair.principal, A, assessment.id, view.assessment.version);
      expect(submitted.actions.map((a) => a.question_key)).toEqual(['purpose-clear']);

      const [review] = await assurance.reviewsWithReturns(chair.principal, A);
      const ret = review?.returns.find((r) => r.partnership_id === ids.lsp);
      expect(ret?.canReturn).toBe(true);
      await assurance.submitReturn(chair.principal, A, review?.review.id ?? '', ret?.id ?? '', {
        achievements: 'A joint plan',
        performance: 'Most targets met',
        risks: 'Funding',
        resources: 'Officer time',
        future: 'continue',
        version: ret?.version,
      });

      // Not another partnership, not the register, not accreditation, not significance.
      await expect(start(chair, HEALTH_CHECK_CODE, ids.other)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        register.updatePartnership(chair.principal, A, ids.lsp, {
          name: 'Renamed',
          purpose: 'Joining up services',
          basis: 'voluntary',
          legalForm: 'unincorporated',
          layer: 'strategic',
          version: 1,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const accreditation = await start(secretary, ACCREDITATION_CODE);
      await answerAll(secretary, accreditation.id);
      const ready = await assurance.assessment(secretary.principal, A, accreditation.id);
      await assurance.submitAssessment(secretary.principal, A, accreditation.id, ready.assessment.version);
      await expect(
        assurance.submitAccreditation(chair.principal, A, { assessmentId: accreditation.id }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        assurance.setOverride(chair.principal, A, ids.lsp, { significant: 'no', reason: 'Chair says so' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('local stakeholders in accreditation', () => {
    it('read the submitted self-assessment of their own locality only and give a view the adviser sees when deciding', async () => {
      const { assurance, accounts, register } = ctx.services;
      const invite = { email: 'cvs@evidenceford.example', name: 'Sam Voluntary', role: 'local-stakeholder' };
      await expect(accounts.invite(admin.principal, A, invite)).rejects.toMatchObject({
        errors: [{ field: 'organisationId' }],
      });
      await accounts.invite(admin.principal, A, { ...invite, organisationId: ids.organisation });
      const stakeholder = await ctx.person([
        { role: 'local-stakeholder', localityCode: A, organisationId: ids.organisation },
      ]);
      const stakeholderElsewhere = await ctx.person([
        { role: 'local-stakeholder', localityCode: B, organisationId: ids.otherOrganisation },
      ]);
      const locality = await register.locality(A);
      const adviser = await ctx.person([{ role: 'go-adviser', region: locality.region }]);

      const self = await start(secretary, ACCREDITATION_CODE);
      await answerAll(secretary, self.id);
      const evidence = await assurance.addDocument(secretary.principal, A, self.id, 'lsp-statement', {
        name: 'statement.pdf',
        content: PDF,
      });
      const answered = await assurance.assessment(secretary.principal, A, self.id);
      await assurance.submitAssessment(secretary.principal, A, self.id, answered.assessment.version);
      const accreditation = await assurance.submitAccreditation(secretary.principal, A, { assessmentId: self.id });
      const url = `/localities/${A}/assurance/accreditation/${accreditation.id}`;
      const get = (path: string, who: Person) => ctx.app.inject({ method: 'GET', url: path, headers: who.headers });

      // Told in the inbox; the page shows the self-assessment answer by answer, with its documents.
      const work = await assurance.workFor(stakeholder.principal, new Date());
      expect(work.map((w) => w.link)).toContain(url);
      const page = await get(url, stakeholder);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('The self-assessment, answer by answer');
      expect(page.body).toContain('statement.pdf');
      expect(page.body).toContain('Record your view');
      const documentUrl = `/localities/${A}/assurance/assessments/${self.id}/documents/${evidence.id}`;
      expect((await get(documentUrl, stakeholder)).statusCode).toBe(200);
      // Nothing else of the locality's assurance, and nothing at all of another locality.
      expect((await get(`/localities/${A}/assurance/assessments/${self.id}`, stakeholder)).statusCode).toBe(404);
      expect((await get(`/localities/${A}/assurance`, stakeholder)).statusCode).toBe(404);
      expect((await get(`/api/v1/localities/${A}/assurance/significance`, stakeholder)).statusCode).toBe(404);
      expect((await get(url, stakeholderElsewhere)).statusCode).toBe(404);
      expect((await get(documentUrl, stakeholderElsewhere)).statusCode).toBe(404);
      await expect(
        assurance.recordView(stakeholderElsewhere.principal, A, accreditation.id, { stance: 'concerns', comment: 'x' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      // Only stakeholders give views; they do not comment among the locality or decide.
      await expect(
        assurance.recordView(representative.principal, A, accreditation.id, { stance: 'support', comment: 'x' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(assurance.comment(stakeholder.principal, A, accreditation.id, { body: 'x' })).rejects.toBeInstanceOf(
        NotFoundError,
      );

      const given = await ctx.app.inject({
        method: 'POST',
        url: `${url}/view`,
        headers: stakeholder.headers,
        payload: { stance: 'concerns', comment: 'Community groups were not asked about the plan' },
      });
      expect(given.statusCode).toBe(303);
      const missing = await ctx.app.inject({
        method: 'POST',
        url: `${url}/view`,
        headers: stakeholder.headers,
        payload: {},
      });
      expect(missing.statusCode).toBe(422);
      expect(missing.body).toContain('Choose whether you support accreditation or have concerns');
      // Changing it needs the version read; the old reading is refused.
      await expect(
        assurance.recordView(stakeholder.principal, A, accreditation.id, { stance: 'support', comment: 'Now asked' }),
      ).rejects.toBeInstanceOf(ConflictError);
      await assurance.recordView(stakeholder.principal, A, accreditation.id, {
        stance: 'support',
        comment: 'Community groups are now on the board',
        version: 1,
      });

      const seen = await get(url, adviser);
      expect(seen.body).toContain('Supports accreditation</strong>: Community groups are now on the board');
      expect(seen.body).toContain('Evidenceford Council for Voluntary Service');
      await assurance.decide(adviser.principal, A, accreditation.id, {
        decision: 'accredited',
        reasons: 'Strong structures, and the voluntary sector supports it',
        version: accreditation.version,
      });
      await expect(
        assurance.recordView(stakeholder.principal, A, accreditation.id, {
          stance: 'concerns',
          comment: 'Too late',
          version: 2,
        }),
      ).rejects.toBeInstanceOf(ConflictError);
    });
  });
});
