import { z } from 'zod';
import crypto from 'node:crypto';
import path from 'node:path';
import type { MailTransport } from './modules/accounts/mailer.js';

/** Typed configuration from the environment, with defaults that serve the demo. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  JOINEDUP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32).optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_TRANSPORT: z.enum(['smtp', 'outbox', 'log']).optional(),
  MAIL_FROM: z.string().min(3).default('Joined Up <no-reply@joinedup.invalid>'),
  MAP_TILES_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/, {
      message: 'a tile URL template like https://tiles.example.org/{z}/{x}/{y}.png',
    })
    .optional(),
  MAP_TILES_ATTRIBUTION: z.string().max(500).optional(),
  LINK_CHECK_HOSTS: z
    .string()
    .regex(/^\s*([a-z0-9.-]+\s*(,\s*[a-z0-9.-]+\s*)*)?$/i, { message: 'host names separated by commas' })
    .optional(),
  // @fastify/multipart refuses any file over 20 MB before a service sees it.
  EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(20).default(10),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: string;
  /** Signs cookies (CSRF secret). Required in production; the demo uses a fixed development value. */
  sessionSecret: string;
  /** Cookies get the Secure flag everywhere except plain local development. */
  secureCookies: boolean;
  publicUrl: string;
  /** SMTP server for email (smtp://user:pass@host:587). */
  smtpUrl?: string;
  /** Where email goes: SMTP when SMTP_URL is set, else the outbox (read by system administrators), or the log. */
  mailTransport: MailTransport;
  mailFrom: string;
  /**
   * Base map tiles for maps (a URL template with {z}, {x} and {y}) and the attribution their
   * licence asks for. None by default: maps then draw their shapes on a plain ground, and
   * nothing is fetched from elsewhere.
   */
  mapTiles?: { url: string; attribution: string };
  /** The hosts the knowledge base's link check may ask; none by default, and the check is off. */
  linkCheckHosts: string[];
  /** The largest document an assessment takes as evidence, in MB (10 by default, 20 at most). */
  evidenceMaxMb: number;
}

/**
 * Without SESSION_SECRET (outside production) each start signs cookies with a secret of its
 * own: a published default would let anyone forge them. Sessions live in the database, so a
 * restart only expires open forms.
 */
const generatedSecret = crypto.randomBytes(32).toString('base64url');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production (32 characters or more)');
  }
  if (e.MAIL_TRANSPORT === 'smtp' && !e.SMTP_URL) {
    throw new Error('Invalid configuration:\n  SMTP_URL: required when MAIL_TRANSPORT is smtp');
  }
  const displayHost = e.HOST === '127.0.0.1' || e.HOST === '0.0.0.0' ? 'localhost' : e.HOST;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.JOINEDUP_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? generatedSecret,
    secureCookies: e.NODE_ENV === 'production',
    publicUrl: e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`,
    smtpUrl: e.SMTP_URL,
    mailTransport: e.MAIL_TRANSPORT ?? (e.SMTP_URL ? 'smtp' : 'outbox'),
    mailFrom: e.MAIL_FROM,
    mapTiles: e.MAP_TILES_URL ? { url: e.MAP_TILES_URL, attribution: e.MAP_TILES_ATTRIBUTION ?? '' } : undefined,
    linkCheckHosts: (e.LINK_CHECK_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    evidenceMaxMb: e.EVIDENCE_MAX_MB,
  };
}
