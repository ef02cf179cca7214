import { Command } from 'commander';
import { loadConfig } from './config.js';
import { DataFolderLockedError } from './db/lock.js';
import { latestMigration } from './db/migrations.js';
import { openConfiguredDatabase, start } from './main.js';
import { createServices } from './services.js';
import { exchangeCommands } from './modules/exchange/cli.js';
import { accountCommands } from './modules/accounts/cli.js';
import { nationalCommands } from './modules/national/cli.js';
import { seedDemoUsers } from './modules/accounts/demo-users.js';

/** The operator's command line: `joinedup --help`. Every command calls the same services as the web. */
export function buildCli(): Command {
  const program = new Command();
  program
    .name('joinedup')
    .description('Joined Up: the register of local public-service partnerships')
    .showHelpAfterError();

  program
    .command('start')
    .description('serve the web pages and API (PORT, HOST, JOINEDUP_DATA_DIR, DATABASE_URL)')
    .option('--no-demo', 'do not create the demo locality on a first start')
    .action(async (options: { demo: boolean }) => {
      const started = Date.now();
      const running = await start(loadConfig(), { seedDemo: options.demo });
      console.log(
        `Joined Up is ready at ${running.address} (${running.database.kind}: ${running.database.location}; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      const shutdown = (signal: string) => {
        console.log(`${signal} received: finishing requests in progress, then closing the database.`);
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const database = await openConfiguredDatabase(loadConfig());
      await database.close();
      console.log(`Database is at migration ${latestMigration()} (${database.kind}: ${database.location}).`);
    });

  program
    .command('seed-demo')
    .description('create the demo locality (fictional) if it is not there yet')
    .action(async () => {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      try {
        const services = createServices(database, config);
        await services.reference.ensureSeeded();
        const { seedDemoLocality } = await import('./modules/demo/seed.js');
        const summary = await seedDemoLocality(services);
        const users = await seedDemoUsers(services, summary.locality.gss_code, config.env);
        console.log(
          `Demo locality ${summary.locality.name} (${summary.locality.gss_code}): ${summary.partnerships} partnerships, ${summary.organisations} organisations, ${summary.memberships} memberships, ${users} demo accounts.`,
        );
      } finally {
        await database.close();
      }
    });

  exchangeCommands(program);
  accountCommands(program);
  nationalCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      console.error(`joinedup: ${error.message}`);
      process.exit(3);
    }
    console.error(`joinedup: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
