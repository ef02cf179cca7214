import nodemailer, { type Transporter } from 'nodemailer';
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
    await this.db.insertInto('outbox').values({ recipient: email.to, subject: email.subject, body: email.text }).execute();
  }

  recent(limit = 50) {
    return this.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }
}

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(email: Email): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: email.to, subject: email.subject, text: email.text });
  }
}
