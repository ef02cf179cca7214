import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { WORK_KIND_LABELS } from './service.js';

const pageOf = (request: FastifyRequest) =>
  Math.max(1, Number.parseInt(String((request.query as { page?: string }).page ?? '1'), 10) || 1);

/** The in-app inbox: what proposals, plans and decisions need the signed-in person's attention. */
export function notificationRoutes(app: FastifyInstance, { notifications }: Services): void {
  app.get('/inbox', { config: { access: 'signed-in' } }, async (request, reply) => {
    const inbox = await notifications.inbox(request.principal, pageOf(request));
    return reply.view('notifications/views/inbox.njk', {
      title: 'Inbox',
      section: 'inbox',
      unread: request.unreadNotifications ?? 0,
      workLabels: WORK_KIND_LABELS,
      ...inbox,
    });
  });
  app.post('/inbox/:id/open', { config: { access: 'signed-in' } }, async (request, reply) => {
    const link = await notifications.open(request.principal, (request.params as { id: string }).id);
    return reply.redirect(link, 303);
  });
  app.post('/inbox/read-all', { config: { access: 'signed-in' } }, async (request, reply) => {
    const n = await notifications.markAllRead(request.principal);
    return reply.redirectWithFlash(
      '/inbox',
      n === 1 ? 'Marked 1 notification as read' : `Marked ${n} notifications as read`,
    );
  });
}
