import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

/** Compiles the stylesheet; the result is committed so that `npm start` needs no build step. */
const here = path.dirname(fileURLToPath(import.meta.url));
const result = sass.compile(path.join(here, 'styles/app.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ['import'],
});
fs.writeFileSync(path.join(here, 'static/app.css'), `${result.css}\n`);
console.log(`Wrote src/web/static/app.css (${Math.round(result.css.length / 1024)} KiB)`);
