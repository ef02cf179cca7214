/**
 * A server-like process for the job tests: opens the database named by its environment, queues
 * an import of many rows as a background job and runs it, printing "progress N" lines as the job
 * reports progress, so a test can kill it mid-way.
 */
import { loadConfig } from '../../src/config.js';
import { SYSTEM } from '../../src/core/actor.js';
import { openConfiguredDatabase } from '../../src/main.js';
import { createServices } from '../../src/services.js';

const code = process.env.IMPORT_LOCALITY ?? 'E07000901';
const rows = Number(process.env.IMPORT_ROWS ?? '4000');
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const services = createServices(database, config);
await services.reference.ensureSeeded();
await services.register.createLocality(SYSTEM, {
  gssCode: code,
  name: 'Killed Vale',
  kind: 'district',
  region: 'East Midlands',
});
const text = ['name,sector,org_type', ...Array.from({ length: rows }, (_, i) => `Org ${i},public,charity`)].join('\n');
const upload = await services.exchange.startUpload(SYSTEM, code, [
  { name: 'organisations.csv', content: Buffer.from(text) },
]);
const job = await services.exchange.startImport(SYSTEM, code, upload.id);
console.log(`job ${job.id}`);
let finished = false;
setInterval(() => {
  const progress = services.jobs.liveProgress(job.id);
  if (progress) console.log(`progress ${progress.done}`);
  else if (!finished)
    // The job ran to its end without being killed: say so and stop, so the test fails at once.
    void services.jobs.get(SYSTEM, job.id).then(({ state }) => {
      if (state !== 'succeeded' && state !== 'failed') return;
      finished = true;
      console.log(`finished ${state}`);
      process.exit(0);
    });
}, 50);
await services.jobs.start();
