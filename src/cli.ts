import fs from 'node:fs';
import { Command } from 'commander';
import { exchangeCommands } from './modules/exchange/cli.js';
import { accountCommands } from './modules/accounts/cli.js';
import { nationalCommands } from './modules/national/cli.js';

// Only commander and the commands' declarations load here: `joinedup --help` and `--version`
// import no app, database or service. Each action imports what it needs when it runs.

/** The version in package.json (one folder up from src/ and from dist/ alike). */
function version(): string {
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The operator's command line: `joinedup --help`. Every command calls the same services as the web. */
export function buildCli(): Command {
  const program = new Command();
  program
    .name('joinedup')
    .description('Joined Up: the register of local public-service partnerships')
    .version(version(), '-V, --version', 'print the version')
    .showHelpAfterError();

  program
    .command('start')
    .description('serve the web pages and API (PORT, HOST, JOINEDUP_DATA_DIR, DATABASE_URL)')
    .option('--no-demo', 'do not create the demo locality on a first start')
    .action(async (options: { demo: boolean }) => {
      const started = Date.now();
      const [{ loadConfig }, { start }] = await Promise.all([import('./config.js'), import('./main.js')]);
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
      const [{ loadConfig }, { openConfiguredDatabase }, { latestMigration }] = await Promise.all([
        import('./config.js'),
        import('./main.js'),
        import('./db/migrations.js'),
      ]);
      const database = await openConfiguredDatabase(loadConfig());
      await database.close();
      console.log(`Database is at migration ${latestMigration()} (${database.kind}: ${database.location}).`);
    });

  program
    .command('seed-demo')
    .description('create the demo locality (fictional) if it is not there yet')
    .action(async () => {
      const [{ loadConfig }, { openConfiguredDatabase }, { createServices }, { seedDemoUsers }] = await Promise.all([
        import('./config.js'),
        import('./main.js'),
        import('./services.js'),
        import('./modules/accounts/demo-users.js'),
      ]);
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
    const { DataFolderLockedError } = await import('./db/lock.js');
    if (error instanceof DataFolderLockedError) {
      console.error(`joinedup: ${error.message}`);
      process.exit(3);
    }
    console.error(`joinedup: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
