import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { type Running, start } from '../../src/main.js';

export interface TestServer {
  /** The server's base address, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  /** The PGlite data folder (a fresh temporary folder), or undefined on PostgreSQL. */
  dataDir?: string;
  running: Running;
  /** Stops the server, closes the database and removes the data folder (or drops the database). */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * A PostgreSQL server URL (e.g. TEST_DATABASE_URL): a randomly named database is created
   * on it for this server and dropped by stop(). Absent: an embedded PGlite in a temp folder.
   */
  databaseUrl?: string;
  /** Create the demo locality on the empty database (default true, as `joinedup start`). */
  seedDemo?: boolean;
}

/**
 * Starts the real service (the same start() as `joinedup start`) on a random port of
 * 127.0.0.1, with its own database, for browser journeys and other end-to-end tests.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'joinedup-e2e-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (options.databaseUrl) {
    const created = await createThrowawayDatabase(options.databaseUrl);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JOINEDUP_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  let running: Running;
  try {
    running = await start(loadConfig(env), { seedDemo: options.seedDemo ?? true });
  } catch (error) {
    await dropDatabase?.();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = (running.app.server.address() as { port: number }).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: databaseUrl ? undefined : dataDir,
    running,
    stop() {
      stopping ??= (async () => {
        try {
          await running.stop();
        } finally {
          await dropDatabase?.();
          await fs.rm(dataDir, { recursive: true, force: true });
        }
      })();
      return stopping;
    },
  };
}

/** A new, randomly named database on a shared PostgreSQL server, and how to drop it. */
export async function createThrowawayDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `joinedup_e2e_${crypto.randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
