/**
 * What Joined Up adds to Fastify's request and reply, and the cookies it sets: shared by the
 * composition root and every module's routes, so that neither imports the other.
 */
import type { Principal } from '../core/actor.js';

export const FLASH_COOKIE = 'joinedup-flash';
export const SESSION_COOKIE = 'joinedup-session';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page template with the layout's common values (CSRF token, nonce, flash). */
    view(template: string, context?: Record<string, unknown>): FastifyReply;
    /**
     * Renders part of a page to a string, with only who-is-asking (`viewer`) added to the
     * context: no CSRF token, nonce or flash, so the part can be kept and shown to others.
     */
    renderFragment(template: string, context?: Record<string, unknown>): string;
    /** Redirects after a successful form, with a message for the next page's banner. */
    redirectWithFlash(url: string, message: string): FastifyReply;
  }
  interface FastifyRequest {
    /** The one-time message left by the previous page, if any. */
    flash?: string;
    /** Who is asking: a visitor, a signed-in user or an API token's owner. */
    principal: Principal;
    /** How the principal was identified; a session cookie calls for a CSRF token on writes. */
    authenticatedBy: 'none' | 'session' | 'token';
    /** The raw session cookie value, for signing out. */
    sessionToken?: string;
    /** For a signed-in person's pages: how many inbox notices they have not read. */
    unreadNotifications?: number;
  }
}
