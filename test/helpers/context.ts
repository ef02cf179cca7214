import type { FastifyInstance } from 'fastify';
import { type Services, createApp, createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type Backend, type TestDatabase, openTestDatabase } from './database.js';

export interface TestContext {
  database: TestDatabase;
  services: Services;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A migrated database with reference data, its services and an app to inject requests into. */
export async function createTestContext(backend: Backend): Promise<TestContext> {
  const database = await openTestDatabase(backend);
  const services = createServices(database);
  await services.reference.ensureSeeded();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await createApp({ config, database, services, logger: false });
  await app.ready();
  return {
    database,
    services,
    app,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}
