import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyReply {
    /** This response's nonce for the page's own script and style elements. */
    cspNonce: { script: string; style: string };
  }
}

/** Stands for the nonce in the headers worked out once; replaced in each response's policy. */
const NONCE = 'nonce-placeholder';

/** The headers helmet sets for these options, worked out by running it once on a stand-in response. */
function headersOf(options: HelmetOptions): Array<[string, string]> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: unknown) => void headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return [...headers];
}

/**
 * Helmet's security headers on every response, with a fresh nonce in the content security policy
 * for the page's script and style elements. The headers are worked out once, at start: the
 * Fastify plugin built helmet anew on every request, about a tenth of an API request's time.
 */
export function installSecurityHeaders(
  app: FastifyInstance,
  options: HelmetOptions & { contentSecurityPolicy: { directives: Record<string, string[] | null> } },
): void {
  const { directives } = options.contentSecurityPolicy;
  const withNonce = (list: string[] | null | undefined) => [...(list ?? ["'self'"]), `'${NONCE}'`];
  const headers = headersOf({
    ...options,
    contentSecurityPolicy: {
      directives: {
        ...directives,
        scriptSrc: withNonce(directives.scriptSrc),
        styleSrc: withNonce(directives.styleSrc),
      },
    },
  });
  // Set on every request by the hook below, before any handler reads it.
  app.decorateReply('cspNonce', null as unknown as FastifyReply['cspNonce']);
  app.addHook('onRequest', (_request, reply, done) => {
    const nonce = crypto.randomBytes(16).toString('hex');
    reply.cspNonce = { script: nonce, style: nonce };
    for (const [name, value] of headers)
      reply.header(name, name === 'content-security-policy' ? value.replaceAll(NONCE, `nonce-${nonce}`) : value);
    done();
  });
}
