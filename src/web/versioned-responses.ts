import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
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
    reply.header('vary', 'accept-encoding');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    const whole = () => this.kept.get(key, async () => Buffer.from(JSON.stringify(await build())));
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    reply.type('application/json; charset=utf-8');
    if (!encoding || (await whole()).length < COMPRESS_FROM) return reply.send(await whole());
    // Compressed once per version and encoding, off the event loop: compressing a national
    // map (1 MB to 69 KB) on every request cost about 14 ms of the server's one thread.
    const body = await this.kept.get(`${key}|${encoding}`, async () => COMPRESS[encoding](await whole()));
    return reply.header('content-encoding', encoding).send(body);
  }
}

const COMPRESS_FROM = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESS = {
  br: (body: Buffer) => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (body: Buffer) => gzip(body),
};

/** br or gzip, as the client's Accept-Encoding allows (a q of 0 refuses), br when both are equal. */
function preferredEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

/** If-None-Match holds a list of ETags, or `*`; a weak comparison, as for GET (RFC 9110 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}
