import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { apiRoute } from '../../web/api.js';
import { type JobOutput, jobListQuery, jobOutput } from './schema.js';

const STATE_TAGS: Record<JobOutput['state'], { text: string; classes: string }> = {
  queued: { text: 'Waiting', classes: 'govuk-tag--grey' },
  running: { text: 'In progress', classes: 'govuk-tag--blue' },
  succeeded: { text: 'Finished', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

/** How often a page without script reloads while its job runs, in seconds. */
const REFRESH_SECONDS = 3;

const idParams = z.object({ id: z.string().meta({ description: 'The job’s id' }) });

/** The jobs pages (a list, and each job's progress) and API. */
export function jobRoutes(app: FastifyInstance, { jobs }: Services): void {
  app.get('/jobs', { config: { access: 'signed-in' } }, async (request, reply) => {
    const list = await jobs.list(request.principal, request.query);
    return reply.view('jobs/views/jobs.njk', {
      title: 'Background jobs',
      section: 'jobs',
      ...list,
      items: list.items.map(withTag),
    });
  });

  app.get('/jobs/:id', { config: { access: 'signed-in' } }, async (request: FastifyRequest, reply) => {
    const job = await jobs.get(request.principal, (request.params as { id: string }).id);
    const finished = job.state === 'succeeded' || job.state === 'failed';
    const refreshOff = (request.query as { refresh?: string }).refresh === 'off';
    return reply.view('jobs/views/job.njk', {
      title: job.title,
      section: 'jobs',
      job: withTag(job),
      finished,
      refreshSeconds: finished || refreshOff ? 0 : REFRESH_SECONDS,
      refreshOff,
      breadcrumbs: [{ text: 'Background jobs', href: '/jobs' }],
    });
  });

  const tag = 'Jobs';
  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/jobs',
    operationId: 'listJobs',
    summary: 'Background jobs you may see: yours, and those of localities whose restricted records you may read',
    tag,
    access: 'signed-in',
    query: jobListQuery,
    response: z.object({ items: z.array(jobOutput), total: z.number().int(), page: z.number().int() }),
    handler: async (request) => {
      const list = await jobs.list(request.principal, request.query);
      return { items: list.items, total: list.total, page: list.page };
    },
  });

  apiRoute(app, {
    method: 'GET',
    url: '/api/v1/jobs/:id',
    operationId: 'getJob',
    summary: 'One background job: its state, progress, and its result or errors once finished',
    tag,
    access: 'signed-in',
    params: idParams,
    response: jobOutput,
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return jobs.get(request.principal, (request.params as { id: string }).id);
    },
  });
}

function withTag(job: JobOutput) {
  return { ...job, tag: STATE_TAGS[job.state] };
}
