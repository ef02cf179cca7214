import crypto from 'node:crypto';

/**
 * The audit trail is tamper-evident: each entry's hash covers its content and the previous
 * entry's hash, so editing or deleting any entry breaks every link after it.
 */
export interface ChainedContent {
  occurredAt: string;
  localityId: string | null;
  actor: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  partnershipId: string | null;
  organisationId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(previousHash: string | null, content: ChainedContent): string {
  return crypto
    .createHash('sha256')
    .update(previousHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}
