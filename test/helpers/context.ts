import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.js';
import { type Services, createServices } from '../../src/services.js';
import { loadConfig } from '../../src/config.js';
import { type Principal, type Role, SYSTEM } from '../../src/core/actor.js';
import type { DemoSummary, SeedDemoOptions } from '../../src/modules/demo/seed.js';
import { type Backend, type TestDatabase, openTestDatabase } from './database.js';
import { openDemoTestDatabase } from './demo-database.js';

export interface Grant {
  role: Role;
  localityCode?: string;
  region?: string;
  partnershipId?: string;
  organisationId?: string;
}

export interface Person {
  principal: Principal;
  email: string;
  password: string;
  /** Headers that make an API request as this person, through an API token. */
  headers: { authorization: string };
}

export interface TestContext {
  database: TestDatabase;
  services: Services;
  app: FastifyInstance;
  /** Creates an account holding these roles, with an API token (read-write unless readOnly). */
  person(grants: Grant[], options?: { readOnly?: boolean }): Promise<Person>;
  close(): Promise<void>;
}

/** A migrated database with reference data, its services and an app to inject requests into. */
export async function createTestContext(backend: Backend): Promise<TestContext> {
  return contextOn(await openTestDatabase(backend));
}

export interface DemoTestContext extends TestContext {
  /** What seedDemoLocality returned for the demo locality in this context's database. */
  demo: DemoSummary;
}

/**
 * A test context whose database holds the demo locality, as seedDemoLocality(services, options)
 * leaves it, and what that returned: a copy of a database seeded once in the test run.
 */
export async function createDemoTestContext(backend: Backend, options: SeedDemoOptions = {}): Promise<DemoTestContext> {
  const { database, demo } = await openDemoTestDatabase(backend, options);
  return { ...(await contextOn(database)), demo };
}

async function contextOn(database: TestDatabase): Promise<TestContext> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const services = createServices(database, config);
  await services.reference.ensureSeeded();
  const app = await createApp({ config, database, services, logger: false });
  await app.ready();
  return {
    database,
    services,
    app,
    async person(grants, options = {}) {
      const email = `person-${crypto.randomBytes(4).toString('hex')}@example.org`;
      const password = 'correct horse battery staple';
      const { user } = await services.accounts.createUser(
        SYSTEM,
        { email, name: `Test ${grants.map((g) => g.role).join(' ')}`, password },
        grants.map((g) => ({
          role: g.role,
          localityCode: g.localityCode,
          region: g.region ?? null,
          partnershipId: g.partnershipId ?? null,
          organisationId: g.organisationId ?? null,
        })),
      );
      const principal = await services.accounts.principalFor(user);
      const { token } = await services.accounts.createApiToken(principal, {
        name: 'test',
        scope: options.readOnly ? 'read' : 'write',
      });
      return {
        principal: options.readOnly ? { ...principal, canWrite: false } : principal,
        email,
        password,
        headers: { authorization: `Bearer ${token}` },
      };
    },
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}
