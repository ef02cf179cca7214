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

/**
 * JSON with object keys sorted at every level: jsonb does not keep key order. Written with
 * loops rather than entries/filter/map: it runs for every audit entry, and an import writes one
 * per record.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `${out}}`;
}

export function chainHash(previousHash: string | null, content: ChainedContent): string {
  return crypto
    .createHash('sha256')
    .update(previousHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}
