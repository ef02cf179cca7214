import type { FastifyInstance } from 'fastify';
import { createApp } from './app.js';
import { type Services, createServices } from './services.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { seedDemoUsers } from './modules/accounts/demo-users.js';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_NAME } from './db/template.js';

export interface Running {
  app: FastifyInstance;
  database: Database;
  services: Services;
  address: string;
  stop(): Promise<void>;
}

/** Opens (and migrates) the configured database: PostgreSQL if DATABASE_URL is set, else PGlite. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  // Beside the compiled code when the build made one (not when running the sources through tsx).
  const templateFile = fileURLToPath(new URL(TEMPLATE_NAME, import.meta.url));
  return openDatabase({ dataDir: config.dataDir, templateFile });
}

/**
 * Starts the service: database, reference data, the demo locality on a first start with an
 * empty database, then the web server. Returns a handle whose stop() drains and closes.
 */
export async function start(config: Config, options: { seedDemo?: boolean } = {}): Promise<Running> {
  const database = await openConfiguredDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    const services = createServices(database, config);
    await services.reference.ensureSeeded();
    if (options.seedDemo !== false && (await services.register.listLocalities()).length === 0) {
      // Loaded only for a first start: the demo's data and builders are not needed to reopen.
      const { seedDemoLocality } = await import('./modules/demo/seed.js');
      const demo = await seedDemoLocality(services);
      const users = await seedDemoUsers(services, demo.locality.gss_code, config.env);
      // The knowledge base's starter library comes with the demo, so no first page waits for it.
      await services.knowledge.ensureStarterLibrary();
      console.log(
        `Created the demo locality ${demo.locality.name}: ${demo.partnerships} partnerships, ${demo.organisations} organisations, ${users} demo accounts (see the README).`,
      );
    }
    app = await createApp({ config, database, services });
    // Agreed rationalisation plans take effect on their effective date: checked at start (so
    // a server that was down on the day catches up) and then every hour. A failure is logged
    // and tried again at the next check.
    const carryOutDue = () =>
      services.rationalisation.carryOutDue().then(
        (result) =>
          void (
            result.carriedOut.length > 0 &&
            app?.log.info(
              { plans: result.carriedOut },
              'carried out agreed rationalisation plans on their effective date',
            )
          ),
        (error: unknown) => app?.log.error({ err: error }, 'could not carry out due rationalisation plans'),
      );
    await carryOutDue();
    // Funding reminders 12 and 6 months before a stream ends: each sent once, checked with the plans.
    const remindFunding = () =>
      services.resources
        .sendFundingReminders()
        .catch((error: unknown) => app?.log.error({ err: error }, 'could not send funding reminders'))
        // Governance actions: a reminder two weeks before each is due, and one when overdue.
        .then(() => services.assurance.sendActionReminders())
        .catch((error: unknown) => app?.log.error({ err: error }, 'could not send action reminders'))
        // Annual review returns still out: a week before the deadline, and once it has passed.
        .then(() => services.assurance.sendReturnReminders())
        .catch((error: unknown) => app?.log.error({ err: error }, 'could not send annual review reminders'));
    await remindFunding();
    await app.listen({ port: config.port, host: config.host });
    // Background jobs (imports and other long work) run in this process once it is serving.
    await services.jobs.start();
    const hourly = setInterval(() => void carryOutDue().then(remindFunding), 60 * 60 * 1000).unref();
    const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
    const address = config.publicUrl.replace(`:${config.port}`, `:${port}`);
    let stopping: Promise<void> | undefined;
    const running: Running = {
      app,
      database,
      services,
      address,
      stop() {
        // Fastify's close stops accepting connections and waits for in-flight requests;
        // only then is the database checkpointed and closed.
        stopping ??= (async () => {
          clearInterval(hourly);
          await running.app.close();
          // A job still running goes back in the queue and starts again at the next start.
          await services.jobs.stop();
          await database.close();
        })();
        return stopping;
      },
    };
    return running;
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}
