/**
 * A migrated empty database, made once by the build, that a first start on a fresh PGlite data
 * folder loads instead of running initdb and every migration: loading it took 0.7–0.9 s against
 * 2.8–3.1 s for initdb and the migrations (measured with `npm run bench:startup`).
 *
 * The template is used only when it was made by the PGlite in node_modules and holds exactly the
 * migrations this code has; otherwise the folder is made from empty as before. Any migration
 * still runs after loading, so the result is the same database either way (`template.test.ts`).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { migrationNames } from './migrations.js';

/** Its file name in dist/, beside main.js. */
export const TEMPLATE_NAME = 'db-template.tar';

export interface TemplateLabel {
  pglite: string;
  migrations: string[];
}

/** What this code would put in a template: the PGlite version and the migrations it has. */
export function currentTemplateLabel(): TemplateLabel {
  return { pglite: pgliteVersion(), migrations: migrationNames() };
}

/** The installed PGlite's version, from its package.json (which its exports do not list). */
function pgliteVersion(): string {
  let folder = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(folder, 'package.json');
    if (fs.existsSync(file)) {
      const { name, version } = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite') return version ?? '';
    }
    const parent = path.dirname(folder);
    if (parent === folder) return '';
    folder = parent;
  }
}

const labelFile = (templateFile: string) => `${templateFile}.json`;

/** Writes the dump of a migrated empty database and the label saying what made it. */
export function writeTemplate(templateFile: string, dump: Uint8Array): void {
  fs.writeFileSync(templateFile, dump);
  fs.writeFileSync(labelFile(templateFile), `${JSON.stringify(currentTemplateLabel())}\n`);
}

/** A PGlite data folder with no database in it yet (initdb writes PG_VERSION first). */
export function isFreshFolder(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * The template to load into a fresh folder, when there is one that this code and this PGlite
 * made; else undefined (and the folder is made from empty). The file is read as PGlite loads
 * it, not held in memory first (it is tens of megabytes).
 */
export async function usableTemplate(templateFile: string | undefined): Promise<Blob | undefined> {
  if (!templateFile) return undefined;
  let label: TemplateLabel;
  try {
    label = JSON.parse(fs.readFileSync(labelFile(templateFile), 'utf8')) as TemplateLabel;
  } catch {
    return undefined;
  }
  const current = currentTemplateLabel();
  const sameMigrations =
    label.migrations?.length === current.migrations.length &&
    label.migrations.every((name, i) => name === current.migrations[i]);
  if (label.pglite !== current.pglite || !sameMigrations) return undefined;
  try {
    return await fs.openAsBlob(templateFile);
  } catch {
    return undefined;
  }
}
