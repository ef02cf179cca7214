import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/database.js';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Where email goes: SMTP in production; in development and tests, the outbox table a page shows. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(email: Email): Promise<void>;
}

export class OutboxMailer implements Mailer {
  readonly kind = 'outbox' as const;
  constructor(private readonly db: Db) {}

  async send(email: Email): Promise<void> {
    await this.db
      .insertInto('outbox')
      .values({ recipient: email.to, subject: email.subject, body: email.text })
      .execute();
  }

  recent(limit = 50) {
    return this.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
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
    await this.transport.sendMail({ from: this.from, to: email.to, subject: email.subject, text: email.text });
  }
}
