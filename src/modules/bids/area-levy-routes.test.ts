import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../core/actor.js';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { backends } from '../../../test/helpers/database.js';
import { type Person, type TestContext, createTestContext } from '../../../test/helpers/context.js';
import { FormSession } from '../../../test/helpers/forms.js';
import { seedDemo } from './demo.js';
import { DEMO_AREA_GEOJSON } from './fixtures.js';
import { LEAFLET_CSS_URL, LEAFLET_URL } from './routes.js';

const CODE = 'E07000045';
const BASE = `/localities/${CODE}/bids`;
const TODAY = '2026-06-01';

describe.each(backends)('BID area, collection and report pages on %s', (backend) => {
  let ctx: TestContext;
  let admin: Person;
  let session: FormSession;
  let bidUrl: string;
  let draftUrl: string;

  beforeAll(async () => {
    ctx = await createTestContext(backend);
    const { register, bids } = ctx.services;
    const locality = await register.createLocality(SYSTEM, {
      gssCode: CODE,
      name: 'Mapford',
      kind: 'district',
      region: 'East Midlands',
    });
    const board = await register.createPartnership(SYSTEM, CODE, {
      name: 'Brackenfield BID Steering Group',
      purpose: 'Steers the BID',
      basis: 'voluntary',
      legalForm: 'company-limited-by-guarantee',
      layer: 'operational',
    });
    await ctx.database.db.transaction().execute((trx) => seedDemo(ctx.services, locality, trx, TODAY));
    bidUrl = `${BASE}/${(await bids.overview(SYSTEM, CODE)).bids[0]!.id}`;
    const draft = await bids.create(SYSTEM, CODE, {
      name: 'Draft BID',
      partnershipId: board.id,
      proposer: 'council',
      summary: 'x',
      termStart: '2027-04-01',
      termYears: 5,
      areaStreets: 'High Street',
      levyRatePercent: 1,
    });
    draftUrl = `${BASE}/${draft.id}`;
    bids.clock = () => new Date(`${TODAY}T12:00:00Z`);
    admin = await ctx.person([{ role: 'locality-admin', localityCode: CODE }]);
    session = new FormSession(ctx.app);
    await session.signIn(admin.email, admin.password);
  }, 180_000);
  afterAll(() => ctx?.close());

  it('the area page: the map over a table of hereditaments in and out, Leaflet served by the app, no tiles by default', async () => {
    const page = await session.get(`${bidUrl}/area`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The area is drawn on the map: 1 part with 8 corners');
    expect(page.body).toContain(`src="${LEAFLET_URL}"`);
    expect(page.body).not.toContain('data-tiles');
    expect(page.body).toMatch(/\d+ of 300 hereditaments are inside the area/);
    expect(page.body).toContain('is outside the area drawn on the map');
    // The published area, without the rating list, for the public.
    const open = await ctx.app.inject({ method: 'GET', url: `${bidUrl}/area` });
    expect(open.statusCode).toBe(200);
    expect(open.body).not.toContain('area-hereditaments');
    const features = await ctx.app.inject({ method: 'GET', url: `${bidUrl}/area.geojson` });
    expect(features.headers['content-type']).toContain('application/geo+json');
    expect(features.json()).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: DEMO_AREA_GEOJSON,
          properties: { kind: 'area', name: 'Brackenfield Town Centre BID' },
        },
      ],
    });
    const leaflet = await ctx.app.inject({ method: 'GET', url: LEAFLET_URL });
    expect(leaflet.statusCode).toBe(200);
    expect(leaflet.headers['content-type']).toContain('javascript');
    expect((await ctx.app.inject({ method: 'GET', url: LEAFLET_CSS_URL })).headers['content-type']).toContain(
      'text/css',
    );
    // The images Leaflet may use are allowed from this origin only.
    expect(open.headers['content-security-policy']).toContain("img-src 'self' data:;");
  });

  it('with base tiles configured, the page names them and the policy lets their images in', async () => {
    const config = {
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      mapTiles: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example contributors' },
    };
    const app = await createApp({ config, database: ctx.database, services: ctx.services, logger: false });
    try {
      const page = await app.inject({ method: 'GET', url: `${bidUrl}/area` });
      expect(page.body).toContain('data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"');
      expect(page.body).toContain('data-attribution="© Example contributors"');
      expect(page.headers['content-security-policy']).toContain("img-src 'self' data: https://tiles.example.org");
    } finally {
      await app.close();
    }
    expect(() => loadConfig({ MAP_TILES_URL: 'tiles.example.org' })).toThrow('MAP_TILES_URL');
  });

  it('draws the area by pasting or uploading GeoJSON; a bad one is refused with each problem named', async () => {
    const pasted = await session.submit(`${draftUrl}/area`, `${draftUrl}/area`, {
      areaGeoJson: '{"type": "LineString", "coordinates": [[-1.2, 52.6], [-1.1, 52.6]]}',
    });
    expect(pasted.statusCode).toBe(422);
    expect(pasted.body).toContain('govuk-error-summary');
    expect(pasted.body).toContain('must be a Polygon or MultiPolygon (an outline, not a point or a line)');
    // What was typed is kept.
    expect(pasted.body).toContain('LineString');
    const saved = await session.submit(`${draftUrl}/area`, `${draftUrl}/area`, {
      areaGeoJson: JSON.stringify(DEMO_AREA_GEOJSON),
    });
    expect(saved.statusCode).toBe(303);
    expect((await session.get(`${draftUrl}/area`)).body).toContain('1 part with 8 corners');

    const page = await session.get(`${draftUrl}/area`);
    const token = decodeURIComponent(/area\/upload\?_csrf=([^"&]+)/.exec(page.body)?.[1] ?? '');
    const upload = (name: string, content: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `${draftUrl}/area/upload?_csrf=${encodeURIComponent(token)}`,
        headers: { cookie: session.cookieHeader(), 'content-type': 'multipart/form-data; boundary=XyZ' },
        payload: `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/geo+json\r\n\r\n${content}\r\n--XyZ--\r\n`,
      });
    const refused = await upload('area.geojson', '{"type": "Polygon", "coordinates": [[[458000, 302000]]]}');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(
      'area.geojson: The area, outer ring, position 1 (458000, 302000) looks like eastings',
    );
    const square = [
      [-1.21, 52.6],
      [-1.19, 52.6],
      [-1.19, 52.62],
      [-1.21, 52.62],
      [-1.21, 52.6],
    ];
    const uploaded = await upload(
      'square.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }],
      }),
    );
    expect(uploaded.statusCode).toBe(303);
    expect((await session.get(`${draftUrl}/area`)).body).toContain('1 part with 4 corners');

    // The API: problem details naming the field; then the area drawn.
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${CODE}/bids/${draftUrl.split('/').at(-1)}/area`,
      headers: admin.headers,
      payload: { type: 'Polygon', coordinates: [square.slice(0, 4)] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0]).toMatchObject({ field: 'areaGeoJson' });
    expect(bad.json().errors[0].detail).toContain('is not closed');
    const good = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/localities/${CODE}/bids/${draftUrl.split('/').at(-1)}/area`,
      headers: admin.headers,
      payload: DEMO_AREA_GEOJSON,
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().areaDrawn).toBe(true);
  });

  it('records a payment through the page, refusing a bad one with the form kept, and shows the report', async () => {
    const page = await session.get(`${bidUrl}/collections`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Levy payers');
    const arrears = await session.get(`${bidUrl}/collections?show=arrears`);
    const reference = /<td class="govuk-table__cell">(BF\d+)<br>/.exec(arrears.body)?.[1] ?? '';
    expect(reference).toMatch(/^BF\d+$/);
    const bad = await session.submit(`${bidUrl}/collections`, `${bidUrl}/collections`, {
      year: '1',
      reference,
      amountPounds: '999999',
      'receivedOn-day': '20',
      'receivedOn-month': '5',
      'receivedOn-year': '2026',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain(`outstanding on ${reference} for year 1`);
    expect(bad.body).toContain('value="999999"');
    const good = await session.submit(`${bidUrl}/collections`, `${bidUrl}/collections`, {
      year: '1',
      reference,
      amountPounds: '1.50',
      'receivedOn-day': '20',
      'receivedOn-month': '5',
      'receivedOn-year': '2026',
      note: 'BACS 1234',
    });
    expect(good.statusCode).toBe(303);
    const after = await session.get(good.headers.location as string);
    expect(after.body).toContain('£1.50 is recorded in the BID revenue account');
    expect(after.body).toContain('£1.50 on 20 May 2026 (BACS 1234)');

    // A file of payments through the upload form: a bad line refuses it all, named by line.
    const token = decodeURIComponent(/collections\/import\?_csrf=([^"&]+)/.exec(after.body)?.[1] ?? '');
    const upload = (content: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `${bidUrl}/collections/import?_csrf=${encodeURIComponent(token)}`,
        headers: { cookie: session.cookieHeader(), 'content-type': 'multipart/form-data; boundary=XyZ' },
        payload: `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="payments.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--XyZ--\r\n`,
      });
    const head = 'billing_reference,year,amount,received_on,payment_reference\n';
    const badFile = await upload(`${head}${reference},1,0.01,2026-05-20,\nNOPE,1,1.00,2026-05-20,\n`);
    expect(badFile.statusCode).toBe(422);
    expect(badFile.body).toMatch(
      /<td class="govuk-table__cell govuk-table__cell--numeric">3<\/td><td class="govuk-table__cell">billing_reference<\/td>/,
    );
    const goodFile = await upload(`${head}${reference},1,0.01,2026-05-20,BACS 9\n`);
    expect(goodFile.statusCode).toBe(303);
    const recorded = await session.get(goodFile.headers.location as string);
    expect(recorded.body).toContain('£0.01 on 20 May 2026 (BACS 9)');
    expect((await ctx.app.inject({ method: 'GET', url: '/bids/levy-payments-template.csv' })).body).toContain(
      'billing_reference,year,amount,received_on,payment_reference',
    );

    // The report is public; the CSV and PDF download.
    const report = await ctx.app.inject({ method: 'GET', url: `${bidUrl}/report` });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Report to levy payers, year 1');
    expect(report.body).toContain('Street rangers');
    expect(report.body).not.toContain(reference);
    const pdf = await ctx.app.inject({ method: 'GET', url: `${bidUrl}/report.pdf?year=1` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await ctx.app.inject({ method: 'GET', url: `${bidUrl}/report.csv?year=1` });
    expect(csv.body).toContain('spent_pence,Street rangers,420000');
    const api = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${CODE}/bids/${bidUrl.split('/').at(-1)}/report?year=1`,
    });
    expect(api.json()).toMatchObject({ year: 1, spentPence: 185_000 + 420_000 + 132_050 + 260_000 });
    // The public cannot see anyone's account.
    expect((await ctx.app.inject({ method: 'GET', url: `${bidUrl}/collections` })).statusCode).not.toBe(200);

    // The BID body's spending through the report page.
    const spent = await session.submit(`${bidUrl}/report`, `${bidUrl}/spending`, {
      year: '1',
      heading: 'Marketing',
      amountPounds: '250',
      'spentOn-day': '31',
      'spentOn-month': '5',
      'spentOn-year': '2026',
    });
    expect(spent.statusCode).toBe(303);
    expect((await session.get(spent.headers.location as string)).body).toContain('Marketing');
  });
});
