import os from 'node:os';
import path from 'node:path';

/** Where a test run keeps its seeded demo folder (server.ts copies it for each journey's server). */
export function demoTemplateFolder(run: string): string {
  return path.join(os.tmpdir(), `joinedup-demo-template-${run}`);
}
