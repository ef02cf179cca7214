import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * JSON responses kept by a version key: a key that changes whenever the response could (for the
 * register, `RegisterService.registerStamp` with the query), so a kept response is never stale.
 * The key also makes the ETag: a client that sends it back in If-None-Match gets 304 Not
 * Modified without the response being built or sent.
 *
 * Kept as UTF-8 bytes, newest used last, within a byte budget: a locality's map is about 1 MB
 * on a national set, and memory is bounded whatever the number of localities and queries.
 */
export class VersionedResponses {
  private readonly kept = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    build: () => Promise<unknown>,
  ): Promise<FastifyReply> {
    const etag = `W/"${crypto.createHash('sha1').update(key).digest('base64url')}"`;
    // Checked again by the client each time, since the register can change at any moment.
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    let body = this.get(key);
    if (!body) {
      body = Buffer.from(JSON.stringify(await build()));
      this.set(key, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  }

  private get(key: string): Buffer | undefined {
    const body = this.kept.get(key);
    if (body) {
      this.kept.delete(key);
      this.kept.set(key, body);
    }
    return body;
  }

  private set(key: string, body: Buffer): void {
    if (body.length > this.maxBytes / 4) return;
    this.kept.set(key, body);
    this.bytes += body.length;
    for (const [oldest, kept] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(oldest);
      this.bytes -= kept.length;
    }
  }
}

/** If-None-Match holds a list of ETags, or `*`; a weak comparison, as for GET (RFC 9110 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}
