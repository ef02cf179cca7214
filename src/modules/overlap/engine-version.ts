import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let fingerprint: string | undefined;

/**
 * A short hash of the overlap engine's and the shipped thesaurus's own code, as this process
 * runs it. Kept analyses carry it in their version, so after an upgrade that changes how
 * partnerships are read or scored, nothing computed by the older code is used again.
 */
export function engineFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = crypto.createHash('sha256');
  for (const dir of [
    here,
    path.join(here, 'catalogue'),
    path.join(here, '../thesaurus'),
    path.join(here, '../thesaurus/default'),
  ]) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/\.(ts|js)$/.test(name) || /\.test\.(ts|js)$/.test(name)) continue;
      hash.update(name).update(fs.readFileSync(path.join(dir, name)));
    }
  }
  return (fingerprint = hash.digest('hex').slice(0, 16));
}
