import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Values kept by a version key: a key that changes whenever the value could (for the register,
 * `RegisterService.registerStamp` with the query), so a kept value is never stale. Newest used
 * last, within a budget of bytes, so memory is bounded whatever the number of localities and
 * queries; a value over a quarter of the budget is not kept.
 */
export class KeptByVersion<V> {
  private readonly kept = new Map<string, V>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value kept for the key, or `build`'s, then kept. */
  async get(key: string, build: () => Promise<V>): Promise<V> {
    const found = this.kept.get(key);
    if (found !== undefined) {
      this.kept.delete(key);
      this.kept.set(key, found);
      return found;
    }
    const value = await build();
    this.set(key, value);
    return value;
  }

  private set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.maxBytes / 4 || this.kept.has(key)) return;
    this.kept.set(key, value);
    this.bytes += size;
    for (const [oldest, kept] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(oldest);
      this.bytes -= this.sizeOf(kept);
    }
  }
}

/**
 * JSON responses kept by version (see KeptByVersion). The key also makes the ETag: a client
 * that sends it back in If-None-Match gets 304 Not Modified without the response being built
 * or sent. Kept as UTF-8 bytes: a locality's map is about 1 MB on a national set.
 */
export class VersionedResponses {
  private readonly kept: KeptByVersion<Buffer>;

  constructor(maxBytes = 32 * 1024 * 1024) {
    this.kept = new KeptByVersion(maxBytes, (body) => body.length);
  }

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
    const body = await this.kept.get(key, async () => Buffer.from(JSON.stringify(await build())));
    return reply.type('application/json; charset=utf-8').send(body);
  }
}

/** If-None-Match holds a list of ETags, or `*`; a weak comparison, as for GET (RFC 9110 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}
