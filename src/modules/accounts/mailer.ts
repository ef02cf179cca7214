import type { Transporter } from 'nodemailer';
import pino from 'pino';
import type { Db } from '../../db/database.js';

/** An email in both parts: mail clients show the HTML one and fall back to the text. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type MailTransport = 'smtp' | 'outbox' | 'log';

/**
 * Where email goes: an SMTP server; the outbox table, which only a system administrator may
 * read (at /admin/outbox); or the log, for a development machine. Reset and invitation links
 * are secrets wherever they are kept.
 */
export interface Mailer {
  readonly kind: MailTransport;
  send(email: Email): Promise<void>;
}

export class OutboxMailer implements Mailer {
  readonly kind = 'outbox' as const;
  constructor(private readonly db: Db) {}

  async send(email: Email): Promise<void> {
    await this.db
      .insertInto('outbox')
      .values({ recipient: email.to, subject: email.subject, body: email.text, html: email.html ?? null })
      .execute();
  }

  recent(limit = 50) {
    return this.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }

  byId(id: string) {
    return this.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }
}

/** Writes each email's text part to the log as one JSON line: for development, never for people's real mail. */
export class LogMailer implements Mailer {
  readonly kind = 'log' as const;
  private readonly logger: pino.Logger;

  constructor(level: string) {
    this.logger = pino({ name: 'mail', level });
  }

  async send(email: Email): Promise<void> {
    this.logger.info({ to: email.to, subject: email.subject, text: email.text }, 'email not sent: logged instead');
  }
}

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private transport?: Transporter;

  constructor(
    private readonly smtpUrl: string,
    private readonly from: string,
  ) {}

  async send(email: Email): Promise<void> {
    // Loaded on first use, so start-up does not pay for it.
    this.transport ??= (await import('nodemailer')).default.createTransport(this.smtpUrl);
    await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
  }
}
