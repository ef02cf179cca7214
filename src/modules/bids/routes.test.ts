import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { DEMO_AREA_STREETS, demoRatingList, ratingListCsv } from './fixtures.js';
import { VOTE_RATE_LIMIT } from './routes.js';

const CODE = 'E07000042';
const BASE = `/localities/${CODE}/bids`;

describe.each(backends)('BID pages and API on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let reader: Person;
  let session: FormSession;
  let board: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    await ctx.services.register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Pageford',
      kind: 'district',
      region: 'East Midlands',
    });
    board = (
      await ctx.services.register.createPartnership(SYSTEM, CODE, {
        name: 'Pageford BID Board',
        purpose: 'Runs the BID',
        basis: 'voluntary',
        legalForm: 'company-limited-by-guarantee',
        layer: 'operational',
      })
    ).id;
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    reader = await ctx.person([{ role: 'scrutiny-member', localityCode: CODE }]);
    session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('drafts, imports, schedules, issues, records and declares through the pages, keeping votes secret', async () => {
    ctx.services.bids.clock = () => new Date('2026-04-01T09:00:00Z');
    // A bad form keeps what was typed and names each problem.
    const bad = await session.submit(`${BASE}/new`, BASE, {
      name: 'Pageford BID',
      termYears: '7',
      partnershipId: board,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('The term may be at most 5 years');
    expect(bad.body).toContain('value="Pageford BID"');

    const created = await session.submit(`${BASE}/new`, BASE, {
      name: 'Pageford BID',
      partnershipId: board,
      proposer: 'council',
      summary: 'Events and clean streets',
      'termStart-day': '1',
      'termStart-month': '4',
      'termStart-year': '2027',
      termYears: '5',
      areaStreets: DEMO_AREA_STREETS.join('\n'),
      threshold: '10000',
      levyRatePercent: '1.5',
      onlineVoting: 'true',
    });
    expect(created.statusCode).toBe(303);
    const bidUrl = created.headers.location as string;
    const id = bidUrl.split('/').at(-1) as string;
    const response = await session.submit(`${bidUrl}/consultation/new`, `${bidUrl}/consultation`, {
      'receivedOn-day': '20',
      'receivedOn-month': '3',
      'receivedOn-year': '2026',
      respondent: 'Jo Baker',
      organisation: 'Pageford Bakery',
      stance: 'support',
      summary: 'Wants the market day cleansing',
    });
    expect(response.statusCode).toBe(303);
    expect((await session.get(bidUrl)).body).toContain('Wants the market day cleansing');
    // A draft is not public.
    expect((await ctx.app.inject({ method: 'GET', url: bidUrl })).statusCode).toBe(404);

    // The rating list through the upload form: a bad file is refused line by line.
    const page = await session.get(`${bidUrl}/rating-list`);
    const csrf = /name="_csrf" value="([^"]+)"|_csrf=([^"&]+)/.exec(page.body);
    const token = decodeURIComponent(csrf?.[1] ?? csrf?.[2] ?? '');
    const upload = (content: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `${bidUrl}/rating-list?_csrf=${encodeURIComponent(token)}`,
        headers: { cookie: session.cookieHeader(), 'content-type': 'multipart/form-data; boundary=XyZ' },
        payload: `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--XyZ--\r\n`,
      });
    const rows = demoRatingList(120);
    const refused = await upload(ratingListCsv([...rows.slice(0, 5), { ...rows[5]!, rateable_value: 'n/a' }]));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatch(
      /<td class="govuk-table__cell govuk-table__cell--numeric">7<\/td><td class="govuk-table__cell">rateable_value<\/td>/,
    );
    expect((await upload(ratingListCsv(rows))).statusCode).toBe(303);
    const list = await session.get(`${bidUrl}/hereditaments?show=ineligible`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Below the threshold');

    // A timetable date that breaks a rule is refused with the rule named.
    const date = (name: string, iso: string) => {
      const [y, m, d] = iso.split('-');
      return {
        [`${name}-day`]: String(Number(d)),
        [`${name}-month`]: String(Number(m)),
        [`${name}-year`]: y as string,
      };
    };
    const tooLate = await session.submit(`${bidUrl}/timetable`, `${bidUrl}/timetable`, {
      ...date('noticeOn', '2026-05-08'),
      ...date('papersOn', '2026-05-21'),
      ...date('ballotOn', '2026-06-18'),
    });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.body).toContain('rule: Notice at least 42 days before ballot day');
    expect(
      (
        await session.submit(`${bidUrl}/timetable`, `${bidUrl}/timetable`, {
          ...date('noticeOn', '2026-05-07'),
          ...date('papersOn', '2026-05-21'),
          ...date('ballotOn', '2026-06-18'),
        })
      ).statusCode,
    ).toBe(303);
    expect((await session.submit(`${bidUrl}/papers/issue`, `${bidUrl}/papers`, {})).statusCode).toBe(303);

    ctx.services.bids.clock = () => new Date('2026-06-10T10:00:00Z');
    const papers = (await ctx.services.bids.papers(admin.principal, CODE, id)).papers;
    const recorded = await session.submit(`${bidUrl}/returns`, `${bidUrl}/returns`, {
      code: papers[0]!.paper.code,
      outcome: 'yes',
    });
    expect(recorded.statusCode).toBe(303);
    // Online, with the code: the first step shows the hereditament, the second casts.
    const visitor = new FormSession(ctx.app);
    const step1 = await visitor.submit('/vote', '/vote', { code: papers[1]!.paper.code });
    expect(step1.body).toContain(papers[1]!.paper.address);
    const cast = await visitor.submit('/vote', '/vote', { code: papers[1]!.paper.code, step: 'vote', vote: 'yes' });
    expect(cast.statusCode).toBe(303);
    const again = await visitor.submit('/vote', '/vote', { code: papers[1]!.paper.code });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('already been used');

    // Before the close nobody sees a vote; other people never reach the papers at all.
    const open = await session.get(`${bidUrl}/papers`);
    expect(open.statusCode).toBe(200);
    expect(open.body).not.toContain('<th scope="col" class="govuk-table__header">Vote</th>');
    for (const headers of [reader.headers, {}]) {
      const response = await ctx.app.inject({ method: 'GET', url: `${bidUrl}/papers`, headers });
      expect([303, 403, 404]).toContain(response.statusCode);
    }
    const api = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/bids/${id}`,
      headers: reader.headers,
    });
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toMatch(/"vote"|"code"/);

    ctx.services.bids.clock = () => new Date('2026-06-18T16:00:01Z');
    const declared = await session.submit(`${bidUrl}/declare`, `${bidUrl}/declaration`, {});
    expect(declared.statusCode).toBe(303);
    const declaration = await ctx.app.inject({ method: 'GET', url: `${bidUrl}/declaration` });
    expect(declaration.statusCode).toBe(200);
    expect(declaration.body).toContain('The proposals are approved');
    expect(declaration.body).toContain('Aggregate rateable value');
    const closed = await session.get(`${bidUrl}/papers`);
    expect(closed.body).toContain('<th scope="col" class="govuk-table__header">Vote</th>');
    const json = await ctx.app.inject({ method: 'GET', url: `/api/v1/localities/${CODE}/bids/${id}/declaration` });
    expect(json.json()).toMatchObject({ passed: true, tally: { yesCount: 2, noCount: 0 } });

    const levy = await session.get(`${bidUrl}/levy.csv`);
    expect(levy.statusCode).toBe(200);
    expect(levy.body.split('\r\n')[0]).toBe(
      '\uFEFFbid_reference,billing_reference,address,postcode,liable_party,rateable_value,levy_rate_percent,year,gross_levy_pence,relief_percent,capped,levy_pence,levy_pounds',
    );
    // The veto form, during the window: every missing matter is named, the ground kept.
    const vetoPage = await session.get(bidUrl);
    expect(vetoPage.body).toContain('Record a veto');
    const veto = await session.submit(`${bidUrl}/veto`, `${bidUrl}/veto`, { grounds: 'policy-conflict' });
    expect(veto.statusCode).toBe(422);
    for (const message of ['Give the council’s reasons', 'Say how the council weighed the costs', 'Enter the date'])
      expect(veto.body).toContain(message);
    expect(veto.body).toMatch(/value="policy-conflict" checked/);
    const challenge = await session.submit(`${bidUrl}/challenges/new`, `${bidUrl}/challenges`, {
      kind: 'irregularity',
      'madeOn-day': '18',
      'madeOn-month': '6',
      'madeOn-year': '2026',
      by: 'proposer',
      grounds: 'A paper was sent to a closed shop',
    });
    expect(challenge.statusCode).toBe(303);
    expect((await session.get(bidUrl)).body).toContain('A paper was sent to a closed shop');
    const pdf = await session.get(`${bidUrl}/papers.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('the API refuses a bad timetable naming the field and the rule, as problem details', async () => {
    ctx.services.bids.clock = () => new Date('2026-04-01T09:00:00Z');
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${CODE}/bids`,
      headers: admin.headers,
      payload: {
        name: 'API BID',
        partnershipId: board,
        proposer: 'business-group',
        summary: 'x',
        termStart: '2027-04-01',
        termYears: 5,
        areaStreets: 'High Street',
        levyRatePercent: 1,
      },
    });
    expect(created.statusCode).toBe(201);
    const response = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${CODE}/bids/${created.json().id}/timetable`,
      headers: admin.headers,
      payload: { noticeOn: '2026-03-01', papersOn: '2026-05-21', ballotOn: '2026-06-18' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors[0]).toMatchObject({ field: 'ballotOn' });
    expect(response.json().errors[0].detail).toContain('Ballot day no more than 90 days after the notice');
  });

  it('throttles guessing at the voting page: past the limit from one address, posts are refused', async () => {
    const guesser = new FormSession(ctx.app);
    const statuses: number[] = [];
    let refused = '';
    for (let attempt = 0; attempt <= VOTE_RATE_LIMIT.max; attempt++) {
      const response = await guesser.submit('/vote', '/vote', { code: `NOT-A-CODE-${attempt}` });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        refused = response.body;
        break;
      }
    }
    // Wrong codes are told as such until the limit; then the page says to wait.
    expect(statuses.slice(0, -1).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(refused).toContain('Too many attempts');
  });
});
