import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import type { Services } from '../../services.js';
import { ValidationError } from '../../core/errors.js';
import { SRC_DIR } from '../../web/render.js';
import { NotFoundError } from '../../core/errors.js';
import { formatDate } from '../../core/dates.js';
import { formToInput } from '../../core/validation.js';
import { apiRoute } from '../../web/api.js';
import {
  choices,
  labelled,
  readFileUpload,
  refusedUpload,
  submitForm,
  withDateParts,
  MAX_UPLOAD_MB,
  noFileProblem,
} from '../../web/forms.js';
import { pagination } from '../../web/listing.js';
import { ImportRejected } from '../exchange/issues.js';
import { templateCsv } from '../performance/imports.js';
import { annualReportPdf, papersPdf } from './pdf.js';
import { VETO_GROUND_LABELS, describeAreaStreet, effectiveBallotDay, formatPence, suggestTimetable } from './rules.js';
import {
  type BidRow,
  PROPOSER_LABELS,
  CHALLENGE_KIND_LABELS,
  CHALLENGE_PARTY_LABELS,
  castInput,
  challengeInput,
  consultationInput,
  STANCE_LABELS,
  hereditamentQuery,
  outcomeInput,
  vetoInput,
  paperQuery,
  proposalInput,
  replaceInput,
  returnInput,
  timetableInput,
  collectionInput,
  spendingInput,
  yearQuery,
} from './schema.js';
import {
  type BidService,
  type BidView,
  COLLECTION_FILE_COLUMNS,
  RATING_LIST_COLUMNS,
  proposalValues,
} from './service.js';

type Params = { code: string; id: string; paper: string; challenge: string };
const params = (request: FastifyRequest) => request.params as Params;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const home = (code: string) => `/localities/${encodeURIComponent(code)}/bids`;
const bidHome = (view: { locality: { gss_code: string }; bid: { id: string } }) =>
  `${home(view.locality.gss_code)}/${view.bid.id}`;
const PAGE_SIZE = 50;
const SPREADSHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

export const STATUS_LABELS: Record<string, string> = {
  proposal: 'Proposal',
  ballot: 'Ballot under way',
  declared: 'Result declared',
  vetoed: 'Vetoed by the council',
};
export const PAPER_STATUS_LABELS: Record<string, string> = {
  issued: 'Issued, not returned',
  returned: 'Returned: counted',
  spoilt: 'Spoilt',
  late: 'Late: not counted',
  replaced: 'Cancelled: replaced',
};

/**
 * Business Improvement District pages and API. Their own plugin scope takes CSV and XLSX
 * bodies for the rating list import through the API.
 */
export function bidRoutes(app: FastifyInstance, services: Services, config: Pick<Config, 'mapTiles'>): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(SPREADSHEET_TYPES, { parseAs: 'buffer' }, (_request, payload, done) =>
      done(null, payload),
    );
    scope.addContentTypeParser('application/geo+json', { parseAs: 'string' }, (_request, payload, done) =>
      done(null, payload),
    );
    pageRoutes(scope, services.bids);
    areaRoutes(scope, services.bids, config);
    moneyRoutes(scope, services.bids);
    voteRoutes(scope, services.bids);
    apiRoutes(scope, services.bids);
  });
}

/** What every page about one BID shows. */
function common(view: BidView) {
  return {
    view,
    bid: view.bid,
    locality: view.locality,
    section: 'bids',
    bidBase: bidHome(view),
    statusLabel: STATUS_LABELS[view.bid.status] ?? view.bid.status,
    proposerLabels: PROPOSER_LABELS,
    areaStreets: view.eligibilityRules.streets.map(describeAreaStreet),
    ballotDay: view.bid.ballot_on
      ? effectiveBallotDay({ ballotOn: view.bid.ballot_on, postponedTo: view.bid.postponed_to })
      : null,
    breadcrumbs: [{ text: 'Business Improvement Districts', href: home(view.locality.gss_code) }],
    pence: formatPence,
    vetoGroundLabels: VETO_GROUND_LABELS,
    challengeKindLabels: CHALLENGE_KIND_LABELS,
    challengePartyLabels: CHALLENGE_PARTY_LABELS,
    stanceLabels: STANCE_LABELS,
  };
}

function pageRoutes(app: FastifyInstance, bids: BidService): void {
  const base = '/localities/:code/bids';

  app.get(base, { config: { access: 'public' } }, async (request, reply) => {
    const overview = await bids.overview(request.principal, params(request).code);
    return reply.view('bids/views/list.njk', {
      title: 'Business Improvement Districts',
      section: 'bids',
      locality: overview.locality,
      overview,
      statusLabels: STATUS_LABELS,
    });
  });

  const proposalForm = async (request: FastifyRequest, values: Record<string, unknown>, view?: BidView) => {
    const { locality, partnerships } = await bids.boardChoices(request.principal, params(request).code);
    return {
      title: view ? `Change the proposals: ${view.bid.name}` : 'Draft a BID proposal',
      section: 'bids',
      locality,
      bidBase: view ? bidHome(view) : undefined,
      boardItems: choices(
        partnerships.map((p) => ({ value: p.id, text: p.name })),
        values.partnershipId,
        'Choose the BID’s board',
      ),
      proposerItems: choices(labelled(PROPOSER_LABELS), values.proposer),
      renewsItems: choices(
        (await bids.renewable(request.principal, params(request).code))
          .filter((b) => b.id !== view?.bid.id)
          .map((b) => ({ value: b.id, text: `${b.name} (${b.term_years} years from ${formatDate(b.term_start)})` })),
        values.renewsId,
        'No: a new BID',
      ),
      onlineItems: choices(
        [{ value: 'true', text: 'Voters may also vote online with the code on their paper' }],
        values.onlineVoting ? 'true' : undefined,
      ),
      breadcrumbs: [
        { text: 'Business Improvement Districts', href: home(locality.gss_code) },
        ...(view ? [{ text: view.bid.name, href: bidHome(view) }] : []),
      ],
    };
  };

  app.get(`${base}/new`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = withDateParts({ termYears: 5, threshold: 10000, levyRatePercent: 1.5 }, ['termStart']);
    return reply.view('bids/views/proposal-form.njk', { ...(await proposalForm(request, values)), values });
  });
  app.post(base, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'bids/views/proposal-form.njk', context: () => proposalForm(request, values), values },
      async () => {
        const bid = await bids.create(request.principal, params(request).code, formToInput(proposalInput, values));
        return {
          redirect: `${home(params(request).code)}/${bid.id}`,
          flash: `The proposals for ${bid.name} are drafted. Next, the ballot holder imports the rating list.`,
        };
      },
    );
  });

  app.get(`${base}/:id`, { config: { access: 'public' } }, async (request, reply) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return reply.view('bids/views/bid.njk', {
      ...common(view),
      title: view.bid.name,
      breadcrumbs: common(view).breadcrumbs,
    });
  });

  app.get(`${base}/:id/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    const values = withDateParts(proposalValues(view.bid), ['termStart']);
    return reply.view('bids/views/proposal-form.njk', { ...(await proposalForm(request, values, view)), values });
  });
  app.post(`${base}/:id/edit`, { config: { access: 'register-editor' } }, async (request, reply) => {
    const values = body(request);
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return submitForm(
      reply,
      { template: 'bids/views/proposal-form.njk', context: () => proposalForm(request, values, view), values },
      async () => {
        const bid = await bids.update(
          request.principal,
          params(request).code,
          view.bid.id,
          formToInput(proposalInput, values),
        );
        return { redirect: bidHome(view), flash: `The proposals for ${bid.name} were changed` };
      },
    );
  });

  // --- the rating list and eligibility ---------------------------------------------------------

  app.get('/bids/rating-list-template.csv', { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="rating-list-template.csv"')
      .send(templateCsv(RATING_LIST_COLUMNS)),
  );

  const importPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return reply.code(status).view('bids/views/rating-list.njk', {
      ...common(view),
      title: `Import the rating list: ${view.bid.name}`,
      columns: RATING_LIST_COLUMNS,
      maxUploadMb: MAX_UPLOAD_MB,
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
      ...extra,
    });
  };
  app.get(`${base}/:id/rating-list`, { config: { access: 'signed-in' } }, async (request, reply) =>
    importPage(request, reply),
  );
  app.post(`${base}/:id/rating-list`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const upload = await readFileUpload(request);
    if (!upload.file)
      return importPage(
        request,
        reply,
        {
          errors: [noFileProblem(upload)],
        },
        422,
      );
    try {
      const result = await bids.importRatingList(
        request.principal,
        params(request).code,
        params(request).id,
        upload.file,
      );
      return reply.redirectWithFlash(
        `${home(params(request).code)}/${params(request).id}/hereditaments`,
        `${result.imported} hereditaments were imported from ${upload.file.name}: ${result.eligible} are eligible to vote`,
      );
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      return importPage(request, reply, refusedUpload(upload.file.name, error.issues), 422);
    }
  });

  app.get(`${base}/:id/hereditaments`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const { view, rows } = await bids.hereditaments(request.principal, params(request).code, params(request).id);
    const query = hereditamentQuery.safeParse(request.query ?? {}).data ?? {};
    const q = (query.q ?? '').toLowerCase();
    const show = query.show ?? 'all';
    const filtered = rows.filter(
      (r) =>
        (show === 'all' || (show === 'eligible') === r.eligibility.eligible) &&
        (!q ||
          [r.row.reference, r.row.address, r.row.ratepayer ?? '', r.row.owner ?? ''].some((t) =>
            t.toLowerCase().includes(q),
          )),
    );
    const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
    const page = Math.min(query.page ?? 1, pages);
    const at = (n: number) => {
      const search = new URLSearchParams({
        ...(query.q ? { q: query.q } : {}),
        ...(show !== 'all' ? { show } : {}),
        ...(n > 1 ? { page: String(n) } : {}),
      });
      const text = search.toString();
      return `${bidHome(view)}/hereditaments${text ? `?${text}` : ''}`;
    };
    const eligible = rows.filter((r) => r.eligibility.eligible);
    return reply.view('bids/views/hereditaments.njk', {
      ...common(view),
      title: `Rating list and eligibility: ${view.bid.name}`,
      rows: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      total: rows.length,
      shown: filtered.length,
      eligibleCount: eligible.length,
      eligibleValue: eligible.reduce((s, r) => s + r.row.value, 0),
      levyTotal: eligible.reduce((s, r) => s + (r.levy?.levyPence ?? 0), 0),
      query: { q: query.q ?? '', show },
      showItems: choices(
        [
          { value: 'all', text: 'All hereditaments' },
          { value: 'eligible', text: 'Eligible only' },
          { value: 'ineligible', text: 'Not eligible only' },
        ],
        show,
      ),
      pagination: pages > 1 ? pagination(page, pages, at) : null,
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    });
  });

  // --- the timetable --------------------------------------------------------------------------

  const timetableContext = (view: BidView) => ({
    ...common(view),
    title: `Ballot timetable: ${view.bid.name}`,
    breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
  });
  app.get(`${base}/:id/timetable`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    const suggested = view.bid.ballot_on
      ? {
          noticeOn: view.bid.notice_on,
          papersOn: view.bid.papers_on,
          ballotOn: view.bid.ballot_on,
          postponedTo: view.bid.postponed_to ?? undefined,
          postponementReason: view.bid.postponement_reason ?? undefined,
        }
      : {};
    const values = withDateParts(suggested, ['noticeOn', 'papersOn', 'ballotOn', 'postponedTo']);
    return reply.view('bids/views/timetable.njk', { ...timetableContext(view), values });
  });
  app.post(`${base}/:id/timetable`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return submitForm(
      reply,
      { template: 'bids/views/timetable.njk', context: () => timetableContext(view), values },
      async () => {
        const bid = await bids.setTimetable(
          request.principal,
          view.locality.gss_code,
          view.bid.id,
          formToInput(timetableInput, values),
        );
        return {
          redirect: bidHome(view),
          flash: `The timetable is set: ballot day is ${formatDate(effectiveBallotDay({ ballotOn: bid.ballot_on as string, postponedTo: bid.postponed_to }))}, closing at 5pm`,
        };
      },
    );
  });

  // --- papers and returns ---------------------------------------------------------------------

  const papersContext = async (request: FastifyRequest) => {
    const { view, papers } = await bids.papers(request.principal, params(request).code, params(request).id);
    const query = paperQuery.safeParse(request.query ?? {}).data ?? {};
    const q = (query.q ?? '').toLowerCase().replace(/[\s-]/g, '');
    const filtered = papers.filter(
      (p) =>
        (!query.status || p.paper.status === query.status) &&
        (!q ||
          [p.paper.reference, p.paper.address, p.paper.voter, p.paper.code].some((t) =>
            t.toLowerCase().replace(/[\s-]/g, '').includes(q),
          )),
    );
    const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
    const page = Math.min(query.page ?? 1, pages);
    const at = (n: number) => {
      const search = new URLSearchParams({
        ...(query.q ? { q: query.q } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(n > 1 ? { page: String(n) } : {}),
      });
      const text = search.toString();
      return `${bidHome(view)}/papers${text ? `?${text}` : ''}`;
    };
    return {
      ...common(view),
      title: `Ballot papers: ${view.bid.name}`,
      papers: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      total: papers.length,
      shown: filtered.length,
      query: { q: query.q ?? '', status: query.status ?? '' },
      statusItems: choices(labelled(PAPER_STATUS_LABELS), query.status, 'Any state'),
      paperStatusLabels: PAPER_STATUS_LABELS,
      pagination: pages > 1 ? pagination(page, pages, at) : null,
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    };
  };
  app.get(`${base}/:id/papers`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('bids/views/papers.njk', await papersContext(request)),
  );
  app.get(`${base}/:id/papers/issue`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    const { rows } = await bids.hereditaments(request.principal, params(request).code, params(request).id);
    return reply.view('bids/views/issue.njk', {
      ...common(view),
      title: `Issue the ballot papers: ${view.bid.name}`,
      eligibleCount: rows.filter((r) => r.eligibility.eligible).length,
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    });
  });
  app.post(`${base}/:id/papers`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return submitForm(
      reply,
      {
        template: 'bids/views/issue.njk',
        context: async () => ({
          ...common(view),
          title: `Issue the ballot papers: ${view.bid.name}`,
          breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
        }),
        values: {},
      },
      async () => {
        const count = await bids.issuePapers(request.principal, view.locality.gss_code, view.bid.id);
        return {
          redirect: `${bidHome(view)}/papers`,
          flash: `${count} ballot papers were issued, one per eligible hereditament. Print them (PDF) or download the mail-merge file.`,
        };
      },
    );
  });
  app.get(`${base}/:id/papers.csv`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const { view, papers } = await bids.papers(request.principal, params(request).code, params(request).id);
    const quote = (v: string) => {
      const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const live = papers.filter((p) => p.paper.status !== 'replaced');
    const lines = live.map((p) =>
      [p.paper.reference, p.paper.voter, p.paper.address, String(p.paper.value), p.paper.code].map(quote).join(','),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ballot-papers-${view.bid.id}.csv"`)
      .send(`\uFEFFreference,voter,address,rateable_value,code\r\n${lines.map((l) => `${l}\r\n`).join('')}`);
  });
  app.get(`${base}/:id/papers.pdf`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const { view, papers } = await bids.papers(request.principal, params(request).code, params(request).id);
    const closes = view.bid.ballot_on
      ? formatDate(effectiveBallotDay({ ballotOn: view.bid.ballot_on, postponedTo: view.bid.postponed_to }))
      : '';
    const pdf = await papersPdf(view.bid, view.locality.name, papers, { closes, votingAddress: '/vote' });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="ballot-papers-${view.bid.id}.pdf"`)
      .send(pdf);
  });

  const returnContext = async (request: FastifyRequest) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return {
      ...common(view),
      title: `Record a returned paper: ${view.bid.name}`,
      outcomeItems: [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
        {
          value: 'spoilt',
          text: 'Spoilt',
          hint: { text: 'Both boxes marked, neither marked, or the voter cannot be told' },
        },
      ],
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    };
  };
  app.get(`${base}/:id/returns`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const context = await returnContext(request);
    if (!context.view.isOfficer) throw new NotFoundError('BID');
    return reply.view('bids/views/return.njk', { ...context, values: {} });
  });
  app.post(`${base}/:id/returns`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      {
        template: 'bids/views/return.njk',
        context: async () => {
          const context = await returnContext(request);
          const outcome = String(values.outcome ?? '');
          return {
            ...context,
            outcomeItems: context.outcomeItems.map((i) => ({ ...i, checked: i.value === outcome })),
          };
        },
        values,
      },
      async () => {
        const paper = await bids.recordReturn(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(returnInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${params(request).id}/returns`,
          flash:
            paper.status === 'late'
              ? `Paper ${paper.code} was recorded as late: it arrived after 5pm on ballot day and is not counted`
              : paper.status === 'spoilt'
                ? `Paper ${paper.code} was recorded as spoilt. The voter may ask for a replacement.`
                : `Paper ${paper.code} was recorded. Votes are not shown until the ballot closes.`,
        };
      },
    );
  });

  const replaceContext = async (request: FastifyRequest) => {
    const { view, papers } = await bids.papers(request.principal, params(request).code, params(request).id);
    const paper = papers.find((p) => p.paper.id === params(request).paper);
    if (!paper) throw new NotFoundError('Ballot paper');
    return {
      ...common(view),
      paper: paper.paper,
      paperStatusLabels: PAPER_STATUS_LABELS,
      title: `Issue a replacement paper for ${paper.paper.reference}`,
      breadcrumbs: [
        ...common(view).breadcrumbs,
        { text: view.bid.name, href: bidHome(view) },
        { text: 'Ballot papers', href: `${bidHome(view)}/papers` },
      ],
    };
  };
  app.get(`${base}/:id/papers/:paper/replace`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('bids/views/replace.njk', { ...(await replaceContext(request)), values: {} }),
  );
  app.post(`${base}/:id/papers/:paper/replace`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'bids/views/replace.njk', context: () => replaceContext(request), values },
      async () => {
        const created = await bids.replacePaper(
          request.principal,
          params(request).code,
          params(request).id,
          params(request).paper,
          formToInput(replaceInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${params(request).id}/papers?q=${encodeURIComponent(created.code)}`,
          flash: `Replacement paper ${created.code} was issued; the original paper is cancelled and cannot be counted`,
        };
      },
    );
  });

  // --- the declaration and the levy -----------------------------------------------------------

  const declareContext = async (request: FastifyRequest) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return {
      ...common(view),
      title: `Declare the result: ${view.bid.name}`,
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    };
  };
  app.get(`${base}/:id/declare`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('bids/views/declare.njk', { ...(await declareContext(request)), values: {} }),
  );
  app.post(`${base}/:id/declaration`, { config: { access: 'signed-in' } }, async (request, reply) =>
    submitForm(
      reply,
      { template: 'bids/views/declare.njk', context: () => declareContext(request), values: {} },
      async () => {
        const result = await bids.declare(request.principal, params(request).code, params(request).id);
        return {
          redirect: `${home(params(request).code)}/${params(request).id}/declaration`,
          flash: `The result is declared and published: the proposals are ${result.passed ? 'approved' : 'not approved'}`,
        };
      },
    ),
  );
  app.get(`${base}/:id/declaration`, { config: { access: 'public' } }, async (request, reply) => {
    const view = await bids.declaration(request.principal, params(request).code, params(request).id);
    return reply.view('bids/views/declaration.njk', {
      ...common(view),
      result: view.declaration,
      title: `Declaration of the ballot result: ${view.bid.name}`,
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    });
  });

  app.get(`${base}/:id/levy.csv`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const year = Number((request.query as { year?: string }).year ?? 1);
    const { csv } = await bids.levyCsv(request.principal, params(request).code, params(request).id, year);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bid-levy-${params(request).id}-year-${year}.csv"`)
      .send(csv);
  });
  app.get(`${base}/:id/levy.xlsx`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const year = Number((request.query as { year?: string }).year ?? 1);
    const workbook = await bids.levyXlsx(request.principal, params(request).code, params(request).id, year);
    return reply
      .type(SPREADSHEET_TYPES[1] as string)
      .header('content-disposition', `attachment; filename="bid-levy-${params(request).id}-year-${year}.xlsx"`)
      .send(workbook);
  });
  app.get(`${base}/:id/levy`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const year = Number((request.query as { year?: string }).year ?? 1);
    const levy = await bids.levy(
      request.principal,
      params(request).code,
      params(request).id,
      Number.isInteger(year) ? year : 1,
    );
    return reply.view('bids/views/levy.njk', {
      ...common(levy.view),
      levy,
      years: Array.from({ length: levy.view.bid.term_years }, (_, i) => i + 1),
      title: `Levy, year ${levy.year}: ${levy.view.bid.name}`,
      breadcrumbs: [...common(levy.view).breadcrumbs, { text: levy.view.bid.name, href: bidHome(levy.view) }],
    });
  });

  const consultationContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return {
      ...common(view),
      title: `Record a consultation response: ${view.bid.name}`,
      stanceItems: choices(labelled(STANCE_LABELS), values.stance),
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    };
  };
  app.get(`${base}/:id/consultation/new`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('bids/views/consultation.njk', { ...(await consultationContext(request, {})), values: {} }),
  );
  app.post(`${base}/:id/consultation`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'bids/views/consultation.njk', context: () => consultationContext(request, values), values },
      async () => {
        await bids.recordConsultation(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(consultationInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${params(request).id}#consultation`,
          flash: 'The consultation response is recorded',
        };
      },
    );
  });

  // --- veto and challenges --------------------------------------------------------------------

  const vetoContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return {
      ...common(view),
      title: `Veto the proposals: ${view.bid.name}`,
      groundItems: choices(labelled(VETO_GROUND_LABELS), values.grounds),
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    };
  };
  app.get(`${base}/:id/veto`, { config: { access: 'locality-admin' } }, async (request, reply) =>
    reply.view('bids/views/veto.njk', { ...(await vetoContext(request, {})), values: {} }),
  );
  app.post(`${base}/:id/veto`, { config: { access: 'locality-admin' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'bids/views/veto.njk', context: () => vetoContext(request, values), values },
      async () => {
        const bid = await bids.veto(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(vetoInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${bid.id}`,
          flash: `The council’s veto of ${bid.name} is recorded`,
        };
      },
    );
  });

  const challengeContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    return {
      ...common(view),
      title: `Record a challenge: ${view.bid.name}`,
      kindItems: choices(labelled(CHALLENGE_KIND_LABELS), values.kind),
      byItems: choices(labelled(CHALLENGE_PARTY_LABELS), values.by),
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    };
  };
  app.get(`${base}/:id/challenges/new`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('bids/views/challenge.njk', { ...(await challengeContext(request, {})), values: {} }),
  );
  app.post(`${base}/:id/challenges`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'bids/views/challenge.njk', context: () => challengeContext(request, values), values },
      async () => {
        await bids.recordChallenge(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(challengeInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${params(request).id}#challenges`,
          flash: 'The challenge is recorded',
        };
      },
    );
  });
  const outcomeContext = async (request: FastifyRequest, values: Record<string, unknown>) => {
    const view = await bids.get(request.principal, params(request).code, params(request).id);
    const challenge = view.challenges.find((c) => c.id === params(request).challenge);
    if (!challenge) throw new NotFoundError('Challenge');
    return {
      ...common(view),
      challenge,
      kindLabels: CHALLENGE_KIND_LABELS,
      partyLabels: CHALLENGE_PARTY_LABELS,
      outcomeItems: choices(
        [
          { value: 'upheld', text: 'Upheld' },
          { value: 'dismissed', text: 'Dismissed' },
        ],
        values.outcome,
      ),
      title: `Record the decision on a challenge: ${view.bid.name}`,
      breadcrumbs: [...common(view).breadcrumbs, { text: view.bid.name, href: bidHome(view) }],
    };
  };
  app.get(`${base}/:id/challenges/:challenge`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('bids/views/outcome.njk', { ...(await outcomeContext(request, {})), values: {} }),
  );
  app.post(`${base}/:id/challenges/:challenge`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'bids/views/outcome.njk', context: () => outcomeContext(request, values), values },
      async () => {
        await bids.recordOutcome(
          request.principal,
          params(request).code,
          params(request).id,
          params(request).challenge,
          formToInput(outcomeInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${params(request).id}#challenges`,
          flash: 'The decision is recorded',
        };
      },
    );
  });
}

/** Online voting with the code on a paper: anyone holding a code may use it, once. */
/** Posts to the voting page allowed from one address. */
export const VOTE_RATE_LIMIT = { max: 30, timeWindow: '15 minutes' } as const;

function voteRoutes(app: FastifyInstance, bids: BidService): void {
  const context = { title: 'Vote in a Business Improvement District ballot' };
  app.get('/vote', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('bids/views/vote.njk', { ...context, values: {} }),
  );
  // Codes are 80 random bits, but guessing is still throttled: a voter needs two posts, not thirty.
  app.post('/vote', { config: { access: 'public', rateLimit: VOTE_RATE_LIMIT } }, async (request, reply) => {
    const values = body(request);
    if (values.step !== 'vote') {
      // The first step: the code, to show which BID and hereditament the paper is for.
      try {
        const paper = await bids.paperForVoter({ code: values.code });
        return reply.view('bids/views/vote.njk', {
          ...context,
          paper,
          values: { code: paper.code },
          voteItems: [
            { value: 'yes', text: 'Yes, I am in favour of the proposal' },
            { value: 'no', text: 'No, I am not in favour of the proposal' },
          ],
        });
      } catch (error) {
        return submitForm(reply, { template: 'bids/views/vote.njk', context: () => context, values }, async () => {
          throw error;
        });
      }
    }
    return submitForm(
      reply,
      {
        template: 'bids/views/vote.njk',
        context: async () => {
          const paper = await bids.paperForVoter({ code: values.code }).catch(() => undefined);
          return {
            ...context,
            paper,
            voteItems: [
              { value: 'yes', text: 'Yes, I am in favour of the proposal', checked: values.vote === 'yes' },
              { value: 'no', text: 'No, I am not in favour of the proposal', checked: values.vote === 'no' },
            ],
          };
        },
        values,
      },
      async () => {
        const cast = await bids.cast(request.principal, formToInput(castInput, values));
        return { redirect: '/vote/thanks', flash: `Your vote in the ${cast.bidName} ballot was recorded. Thank you.` };
      },
    );
  });
  app.get('/vote/thanks', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('bids/views/vote-thanks.njk', { title: 'Your vote was recorded' }),
  );
}

// --- API -------------------------------------------------------------------------------------

const localityParams = z.object({ code: z.string().meta({ description: 'ONS GSS code of the locality' }) });
const bidParams = localityParams.extend({ id: z.uuid() });

const testOutput = z.object({
  key: z.string(),
  name: z.string(),
  requirement: z.string(),
  achieved: z.string(),
  passed: z.boolean(),
});
const declarationOutput = z.object({
  nation: z.string(),
  passed: z.boolean(),
  reason: z.string(),
  tests: z.array(testOutput),
  turnoutByNumberPercent: z.number(),
  turnoutByValuePercent: z.number(),
  tally: z.object({
    eligibleCount: z.number(),
    eligibleValue: z.number(),
    yesCount: z.number(),
    noCount: z.number(),
    yesValue: z.number(),
    noValue: z.number(),
    spoiltCount: z.number().optional(),
    lateCount: z.number().optional(),
  }),
});
const bidOutput = z.object({
  id: z.string(),
  name: z.string(),
  partnershipId: z.string(),
  nation: z.string(),
  status: z.enum(['proposal', 'ballot', 'declared', 'vetoed']),
  proposer: z.string(),
  summary: z.string(),
  termStart: z.string(),
  termYears: z.number().int(),
  areaStreets: z.array(z.string()),
  areaDrawn: z.boolean().meta({ description: 'Whether the area is also drawn as a GeoJSON polygon' }),
  threshold: z.number().int(),
  levyRatePercent: z.number(),
  onlineVoting: z.boolean(),
  timetable: z
    .object({
      noticeOn: z.string().nullable(),
      papersOn: z.string().nullable(),
      ballotOn: z.string(),
      postponedTo: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
});

function bidJson(bid: BidRow) {
  return {
    id: bid.id,
    name: bid.name,
    partnershipId: bid.partnership_id,
    nation: bid.nation,
    status: bid.status as 'proposal' | 'ballot' | 'declared' | 'vetoed',
    proposer: bid.proposer,
    summary: bid.summary,
    termStart: bid.term_start,
    termYears: bid.term_years,
    areaStreets: bid.area_streets.split('\n').filter(Boolean),
    areaDrawn: bid.area_geojson !== null,
    threshold: bid.threshold,
    levyRatePercent: bid.levy_rate_bp / 100,
    onlineVoting: bid.online_voting,
    timetable: bid.ballot_on
      ? { noticeOn: bid.notice_on, papersOn: bid.papers_on, ballotOn: bid.ballot_on, postponedTo: bid.postponed_to }
      : null,
    version: bid.version,
  };
}

function apiRoutes(app: FastifyInstance, bids: BidService): void {
  const tag = 'Business Improvement Districts';
  const base = '/api/v1/localities/:code/bids';
  apiRoute(app, {
    method: 'GET',
    url: base,
    operationId: 'listBids',
    summary: 'The BIDs of a locality the caller may see (drafts only for its readers)',
    tag,
    access: 'public',
    params: localityParams,
    response: z.object({ items: z.array(bidOutput) }),
    handler: async (request) => ({
      items: (await bids.overview(request.principal, params(request).code)).bids.map(bidJson),
    }),
  });
  apiRoute(app, {
    method: 'POST',
    url: base,
    operationId: 'createBid',
    summary: 'Draft BID proposals, with the partnership that is its board',
    tag,
    access: 'register-editor',
    params: localityParams,
    body: proposalInput,
    response: bidOutput,
    responseStatus: 201,
    handler: async (request, reply) =>
      reply.code(201).send(bidJson(await bids.create(request.principal, params(request).code, request.body))),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:id`,
    operationId: 'getBid',
    summary: 'One BID: its proposals and timetable (never a vote)',
    tag,
    access: 'public',
    params: bidParams,
    response: bidOutput,
    handler: async (request) =>
      bidJson((await bids.get(request.principal, params(request).code, params(request).id)).bid),
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/:id/rating-list`,
    operationId: 'importBidRatingList',
    summary:
      'Replace the rating list extract from a CSV or XLSX file, all or nothing; each problem named by line and column',
    tag,
    access: 'signed-in',
    params: bidParams,
    bodyContentType: SPREADSHEET_TYPES,
    response: z.object({ imported: z.number().int(), eligible: z.number().int() }),
    handler: async (request, reply) => {
      try {
        return await bids.importRatingList(request.principal, params(request).code, params(request).id, {
          name: 'upload',
          content: Buffer.isBuffer(request.body)
            ? request.body
            : Buffer.from(typeof request.body === 'string' ? request.body : ''),
        });
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        return reply
          .code(422)
          .type('application/problem+json')
          .send({
            type: '/api/docs#problem-422',
            title: 'Nothing was imported',
            status: 422,
            detail: error.message,
            errors: error.issues.map((i) => ({
              field: i.column || 'file',
              pointer: `/${i.column}`,
              detail: i.message,
              sheet: i.sheet,
              line: i.line,
            })),
          });
      }
    },
  });
  apiRoute(app, {
    method: 'PUT',
    url: `${base}/:id/timetable`,
    operationId: 'setBidTimetable',
    summary: 'Set the ballot timetable; a date that breaks a rule is refused with the rule named',
    tag,
    access: 'signed-in',
    params: bidParams,
    body: timetableInput,
    response: bidOutput,
    handler: async (request) =>
      bidJson(await bids.setTimetable(request.principal, params(request).code, params(request).id, request.body)),
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:id/returns`,
    operationId: 'recordBidReturn',
    summary:
      'Record a returned paper by its code (ballot holder or scrutineer): yes, no or spoilt; late after the close',
    tag,
    access: 'signed-in',
    params: bidParams,
    body: returnInput,
    response: z.object({ id: z.string(), status: z.string() }),
    handler: async (request) => {
      const paper = await bids.recordReturn(request.principal, params(request).code, params(request).id, request.body);
      return { id: paper.id, status: paper.status };
    },
  });
  apiRoute(app, {
    method: 'POST',
    url: `${base}/:id/declaration`,
    operationId: 'declareBidResult',
    summary: 'Count and declare the result after the close, under the nation’s tests; it is published',
    tag,
    access: 'signed-in',
    params: bidParams,
    response: declarationOutput,
    handler: async (request) => bids.declare(request.principal, params(request).code, params(request).id),
  });
  apiRoute(app, {
    method: 'GET',
    url: `${base}/:id/declaration`,
    operationId: 'getBidDeclaration',
    summary: 'The published declaration: each test, turnout, counts and values, and why it passed or failed',
    tag,
    access: 'public',
    params: bidParams,
    response: declarationOutput,
    handler: async (request) =>
      (await bids.declaration(request.principal, params(request).code, params(request).id)).declaration,
  });
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/bid-votes',
    operationId: 'castBidVote',
    summary: 'Cast a vote online with the code on a ballot paper, where the proposals allow it; a code works once',
    tag,
    access: 'public',
    body: castInput,
    response: z.object({ recorded: z.boolean() }),
    handler: async (request) => {
      await bids.cast(request.principal, request.body);
      return { recorded: true };
    },
  });
}

export { suggestTimetable };

// --- the area on a map ----------------------------------------------------------------------------

const LEAFLET_DIR = path.resolve(SRC_DIR, '../node_modules/leaflet/dist');
export const LEAFLET_URL = '/assets/vendor/leaflet/leaflet.js';
export const LEAFLET_CSS_URL = '/assets/vendor/leaflet/leaflet.css';
const GEOJSON_TYPES = '.geojson,.json,application/geo+json,application/json';

/**
 * The area page: the outline drawn with Leaflet (served with the app from its package, no CDN;
 * base tiles only when configured) over the same facts as tables, and the forms that draw it.
 */
function areaRoutes(app: FastifyInstance, bids: BidService, config: Pick<Config, 'mapTiles'>): void {
  const base = '/localities/:code/bids';
  const vendor = new Map<string, Promise<Buffer>>();
  const serve = (file: string, type: string) => async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!vendor.has(file)) vendor.set(file, fs.readFile(path.join(LEAFLET_DIR, file)));
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=86400')
      .send(await vendor.get(file));
  };
  app.get(LEAFLET_URL, { config: { access: 'public' } }, serve('leaflet.js', 'text/javascript; charset=utf-8'));
  app.get(LEAFLET_CSS_URL, { config: { access: 'public' } }, serve('leaflet.css', 'text/css; charset=utf-8'));

  const areaContext = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const area = await bids.area(request.principal, params(request).code, params(request).id);
    const inside = area.hereditaments.filter((h) => h.inside);
    return {
      ...common(area.view),
      title: `The area: ${area.view.bid.name}`,
      area,
      insideCount: inside.length,
      tiles: config.mapTiles ?? null,
      leafletUrl: LEAFLET_URL,
      leafletCssUrl: LEAFLET_CSS_URL,
      geojsonTypes: GEOJSON_TYPES,
      breadcrumbs: [...common(area.view).breadcrumbs, { text: area.view.bid.name, href: bidHome(area.view) }],
      values: {},
      ...extra,
    };
  };
  app.get(`${base}/:id/area`, { config: { access: 'public' } }, async (request, reply) =>
    reply.view('bids/views/area.njk', await areaContext(request)),
  );
  app.get(`${base}/:id/area.geojson`, { config: { access: 'public' } }, async (request, reply) => {
    const features = await bids.areaFeatures(request.principal, params(request).code, params(request).id);
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('content-disposition', `inline; filename="bid-area-${params(request).id}.geojson"`)
      .send(JSON.stringify(features));
  });
  app.post(`${base}/:id/area`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    return submitForm(
      reply,
      { template: 'bids/views/area.njk', context: () => areaContext(request, { values }), values },
      async () => {
        const bid = await bids.setArea(
          request.principal,
          params(request).code,
          params(request).id,
          String(values.areaGeoJson ?? ''),
        );
        return {
          redirect: `${home(params(request).code)}/${bid.id}/area`,
          flash: bid.area_geojson
            ? 'The area is drawn: hereditaments with a location are in or out by it'
            : 'The drawn area is removed: the streets listed decide who is inside',
        };
      },
    );
  });
  app.post(`${base}/:id/area/upload`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const upload = await readFileUpload(request);
    const refuse = async (messages: string[]) =>
      reply
        .code(422)
        .view(
          'bids/views/area.njk',
          await areaContext(request, { errors: messages.map((message) => ({ field: 'file', message })) }),
        );
    if (!upload.file) return refuse([noFileProblem(upload, 'Choose a GeoJSON file').message]);
    try {
      await bids.setArea(
        request.principal,
        params(request).code,
        params(request).id,
        upload.file.content.toString('utf8'),
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return refuse(error.errors.map((e) => `${upload.file?.name}: ${e.message}`));
    }
    return reply.redirectWithFlash(
      `${home(params(request).code)}/${params(request).id}/area`,
      `The area is drawn from ${upload.file.name}: hereditaments with a location are in or out by it`,
    );
  });

  apiRoute(app, {
    method: 'PUT',
    url: '/api/v1/localities/:code/bids/:id/area',
    operationId: 'setBidArea',
    summary:
      'Draw the area as GeoJSON (a Polygon or MultiPolygon in longitude and latitude, a Feature or a FeatureCollection); each problem named',
    tag: 'Business Improvement Districts',
    access: 'signed-in',
    params: bidParams,
    body: z.looseObject({
      type: z.enum(['Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection']),
    }),
    response: bidOutput,
    handler: async (request) =>
      bidJson(
        await bids.setArea(
          request.principal,
          params(request).code,
          params(request).id,
          typeof request.body === 'string' ? request.body : (request.body ?? {}),
        ),
      ),
  });
}

// --- levy collection and the report to levy payers ---------------------------------------------------

function moneyRoutes(app: FastifyInstance, bids: BidService): void {
  const base = '/localities/:code/bids';
  const yearOf = (request: FastifyRequest) => {
    const query = yearQuery.safeParse(request.query ?? {});
    return { year: query.data?.year ?? 1, query: query.data ?? {} };
  };
  const years = (view: BidView) => Array.from({ length: view.bid.term_years }, (_, i) => i + 1);

  const collectionsContext = async (request: FastifyRequest, extra: Record<string, unknown> = {}, asked?: number) => {
    const { year: shown, query } = yearOf(request);
    const year = asked ?? shown;
    const account = await bids.collections(request.principal, params(request).code, params(request).id, year);
    const show = query.show ?? 'all';
    const q = (query.q ?? '').toLowerCase();
    const filtered = account.lines.filter(
      (l) =>
        (show === 'all' || (show === 'arrears') === l.arrearsPence > 0) &&
        (!q || [l.row.reference, l.row.address, l.liable ?? ''].some((t) => t.toLowerCase().includes(q))),
    );
    const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
    const page = Math.min(query.page ?? 1, pages);
    const at = (n: number) => {
      const search = new URLSearchParams({
        year: String(year),
        ...(query.q ? { q: query.q } : {}),
        ...(show !== 'all' ? { show } : {}),
        ...(n > 1 ? { page: String(n) } : {}),
      });
      return `${bidHome(account.view)}/collections?${search.toString()}`;
    };
    return {
      ...common(account.view),
      title: `Levy collected, year ${year}: ${account.view.bid.name}`,
      account,
      year,
      years: years(account.view),
      lines: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      shown: filtered.length,
      query: { q: query.q ?? '', show },
      showItems: choices(
        [
          { value: 'all', text: 'All levy payers' },
          { value: 'arrears', text: 'In arrears' },
          { value: 'paid', text: 'Paid in full' },
        ],
        show,
      ),
      pagination: pages > 1 ? pagination(page, pages, at) : null,
      values: { year: String(year) },
      maxUploadMb: MAX_UPLOAD_MB,
      breadcrumbs: [...common(account.view).breadcrumbs, { text: account.view.bid.name, href: bidHome(account.view) }],
      ...extra,
    };
  };
  app.get(`${base}/:id/collections`, { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view('bids/views/collections.njk', await collectionsContext(request)),
  );
  app.post(`${base}/:id/collections`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    const year = Number(values.year) || 1;
    return submitForm(
      reply,
      {
        template: 'bids/views/collections.njk',
        context: () => collectionsContext(request, { values }, year),
        values,
      },
      async () => {
        const row = await bids.recordCollection(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(collectionInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${params(request).id}/collections?year=${row.year}`,
          flash: `${formatPence(row.amount_pence)} is recorded in the BID revenue account against ${String(
            values.reference ?? '',
          )
            .trim()
            .toUpperCase()}`,
        };
      },
    );
  });

  app.get('/bids/levy-payments-template.csv', { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="levy-payments-template.csv"')
      .send(templateCsv(COLLECTION_FILE_COLUMNS)),
  );
  app.post(`${base}/:id/collections/import`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const upload = await readFileUpload(request);
    if (!upload.file)
      return reply.code(422).view(
        'bids/views/collections.njk',
        await collectionsContext(request, {
          errors: [noFileProblem(upload, 'Choose a file of payments')],
        }),
      );
    try {
      const result = await bids.importCollections(
        request.principal,
        params(request).code,
        params(request).id,
        upload.file,
      );
      return reply.redirectWithFlash(
        `${home(params(request).code)}/${params(request).id}/collections`,
        `${result.payments === 1 ? '1 payment' : `${result.payments} payments`} totalling ${formatPence(result.totalPence)} recorded from ${upload.file.name}`,
      );
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      return reply
        .code(422)
        .view(
          'bids/views/collections.njk',
          await collectionsContext(request, refusedUpload(upload.file.name, error.issues)),
        );
    }
  });

  const reportContext = async (request: FastifyRequest, extra: Record<string, unknown> = {}, asked?: number) => {
    const year = asked ?? yearOf(request).year;
    const report = await bids.annualReport(request.principal, params(request).code, params(request).id, year);
    return {
      ...common(report.view),
      title: `Report to levy payers, year ${year}: ${report.view.bid.name}`,
      report,
      year,
      years: years(report.view),
      values: { year: String(year) },
      breadcrumbs: [...common(report.view).breadcrumbs, { text: report.view.bid.name, href: bidHome(report.view) }],
      ...extra,
    };
  };
  app.get(`${base}/:id/report`, { config: { access: 'public' } }, async (request, reply) =>
    reply.view('bids/views/report.njk', await reportContext(request)),
  );
  app.get(`${base}/:id/report.csv`, { config: { access: 'public' } }, async (request, reply) => {
    const { year } = yearOf(request);
    const csv = await bids.annualReportCsv(request.principal, params(request).code, params(request).id, year);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bid-report-${params(request).id}-year-${year}.csv"`)
      .send(csv);
  });
  app.get(`${base}/:id/report.pdf`, { config: { access: 'public' } }, async (request, reply) => {
    const { year } = yearOf(request);
    const report = await bids.annualReport(request.principal, params(request).code, params(request).id, year);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="bid-report-${params(request).id}-year-${year}.pdf"`)
      .send(await annualReportPdf(report));
  });
  app.post(`${base}/:id/spending`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const values = body(request);
    const year = Number(values.year) || 1;
    return submitForm(
      reply,
      {
        template: 'bids/views/report.njk',
        context: () => reportContext(request, { values }, year),
        values,
      },
      async () => {
        const row = await bids.recordSpending(
          request.principal,
          params(request).code,
          params(request).id,
          formToInput(spendingInput, values),
        );
        return {
          redirect: `${home(params(request).code)}/${params(request).id}/report?year=${row.year}#spending`,
          flash: `${formatPence(row.amount_pence)} spent on ${row.heading} is recorded`,
        };
      },
    );
  });

  const tag = 'Business Improvement Districts';
  apiRoute(app, {
    method: 'POST',
    url: '/api/v1/localities/:code/bids/:id/collections',
    operationId: 'recordBidLevyCollection',
    summary:
      'Record levy collected into the BID revenue account against a hereditament’s levy for a year (the council); never more than is outstanding',
    tag,
    access: 'signed-in',
    params: bidParams,
    body: collectionInput,
    response: z.object({ id: z.string(), year: z.number().int(), amountPence: z.number().int() }),
    responseStatus: 201,
    handler: async (request, reply) => {
      const row = await bids.recordCollection(
        request.principal,
        params(request).code,
        params(request).id,
        request.body,
      );
      return reply.code(201).send({ id: row.id, year: row.year, amountPence: row.amount_pence });
    },
  });
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/localities/:code/bids/:id/report',
    operationId: 'getBidAnnualReport',
    summary: 'The BID body’s yearly report to levy payers: levy billed, collected and in arrears, spending, balance',
    tag,
    access: 'public',
    params: bidParams,
    query: z.object({ year: z.coerce.number().int().min(1).max(5).optional() }),
    response: z.object({
      year: z.number().int(),
      payers: z.number().int(),
      billedPence: z.number().int(),
      collectedPence: z.number().int(),
      arrearsPence: z.number().int(),
      spending: z.array(z.object({ heading: z.string(), amountPence: z.number().int() })),
      spentPence: z.number().int(),
      broughtForwardPence: z.number().int(),
      carriedForwardPence: z.number().int(),
    }),
    handler: async (request) => {
      const r = await bids.annualReport(
        request.principal,
        params(request).code,
        params(request).id,
        yearOf(request).year,
      );
      return {
        year: r.year,
        payers: r.totals.payers,
        billedPence: r.totals.billedPence,
        collectedPence: r.totals.collectedPence,
        arrearsPence: r.totals.arrearsPence,
        spending: r.spending,
        spentPence: r.spentPence,
        broughtForwardPence: r.broughtForwardPence,
        carriedForwardPence: r.carriedForwardPence,
      };
    },
  });
}
