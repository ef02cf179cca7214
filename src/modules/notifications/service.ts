import type { Principal } from '../../core/actor.js';
import { NotFoundError, UnauthenticatedError } from '../../core/errors.js';
import type { Db } from '../../db/database.js';
import type { Mailer } from '../accounts/mailer.js';
import { NotificationRepository, type Recipient, type RoleHolderQuery } from './repository.js';

export interface Notice {
  /** Who to tell: user ids, and/or everyone holding a role (in a locality, region or partnership). */
  userIds?: string[];
  roles?: RoleHolderQuery[];
  /** Never tell the person who caused the notice about their own action. */
  except?: string;
  localityId?: string | null;
  subject: string;
  /** Plain text, a few sentences: the email body and the inbox entry. */
  body: string;
  /** Where to act, as a path within Joined Up (e.g. /localities/E07999001/proposals/…). */
  link?: string;
}

export const INBOX_PAGE_SIZE = 25;

/**
 * What needs the person now, worked out afresh from the records each time the inbox opens
 * (a notice tells of a moment; this tells what is still waiting): a proposal to review, an
 * answer to give, something overdue, an action to take.
 */
export type WorkKind = 'review' | 'answer' | 'overdue' | 'action';

export interface WorkItem {
  kind: WorkKind;
  /** What to do, e.g. "Review proposal GP-004: Teenage Pregnancy Board". */
  title: string;
  /** Why it is waiting, and since when or until when. */
  detail: string;
  /** Where to do it, as a path within Joined Up. */
  link: string;
  localityName: string | null;
  overdue: boolean;
  /** When it is or was due, if it has a date: the earliest come first. */
  due: Date | null;
}

/** A capability that knows what it is waiting on a person for (the gatekeeper, rationalisation, performance). */
export interface WorkSource {
  workFor(principal: Principal, now: Date): Promise<WorkItem[]>;
}

export const WORK_KIND_LABELS: Record<WorkKind, string> = {
  review: 'To review',
  answer: 'Answer needed',
  overdue: 'Overdue',
  action: 'To do',
};

/** Overdue first, then by due date (undated last), then by title. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const dueA = a.due?.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = b.due?.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA - dueB;
  return a.title.localeCompare(b.title, 'en-GB');
}

const MAX_EMAIL_ATTEMPTS = 5;

/**
 * Tells people something needs their attention: an entry in their in-app inbox and an email
 * through the accounts mailer (SMTP, or the development outbox). The notice is written in the
 * caller's transaction, so a rolled-back decision leaves no notice behind; its email goes out
 * only after that transaction commits (never waiting on a mail server inside a transaction,
 * and never blocking PGlite's single connection). The app delivers pending email at the end
 * of every request that changes something; `deliverPending` does it on demand.
 */
export class NotificationService {
  readonly repository = new NotificationRepository();
  private readonly workSources: WorkSource[] = [];

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly publicUrl: string,
  ) {}

  /** Sends a notice; returns the people told. */
  async notify(notice: Notice, options: { trx?: Db } = {}): Promise<Recipient[]> {
    const db = options.trx ?? this.db;
    const found = new Map<string, Recipient>();
    for (const r of await this.repository.usersById(db, notice.userIds ?? [])) found.set(r.id, r);
    for (const query of notice.roles ?? [])
      for (const r of await this.repository.roleHolders(db, query)) found.set(r.id, r);
    if (notice.except) found.delete(notice.except);
    const recipients = [...found.values()];
    await this.repository.insert(
      db,
      recipients.map((r) => ({
        user_id: r.id,
        locality_id: notice.localityId ?? null,
        subject: notice.subject,
        body: notice.body,
        link: notice.link ?? null,
      })),
    );
    if (!options.trx) await this.deliverPending();
    return recipients;
  }

  /** Sends the emails of committed notices; a failed send is retried at the next delivery. Returns how many went. */
  async deliverPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.repository.claimPendingEmails(this.db, 50);
      if (batch.length === 0) return sent;
      for (const email of batch) {
        const link = email.link ? `\n\n${this.publicUrl}${email.link}` : '';
        try {
          await this.mailer.send({
            to: email.email,
            subject: `Joined Up: ${email.subject}`,
            text: `Hello ${email.name},\n\n${email.body}${link}\n`,
          });
          await this.repository.setEmailStatus(this.db, email.id, 'sent');
          sent++;
        } catch (error) {
          await this.repository.setEmailStatus(
            this.db,
            email.id,
            email.email_attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending',
          );
          throw error;
        }
      }
    }
  }

  /** The capabilities asked what waits on a person, composed once with the services. */
  addWorkSources(...sources: WorkSource[]): void {
    this.workSources.push(...sources);
  }

  /** Everything that needs this person now, the most urgent first. */
  async work(principal: Principal, now = new Date()): Promise<WorkItem[]> {
    this.userOf(principal);
    const items: WorkItem[] = [];
    // One source at a time: PGlite has a single connection.
    for (const source of this.workSources) items.push(...(await source.workFor(principal, now)));
    return items.sort(byUrgency);
  }

  async inbox(principal: Principal, page = 1, now = new Date()) {
    const userId = this.userOf(principal);
    const { rows, total } = await this.repository.page(this.db, userId, (page - 1) * INBOX_PAGE_SIZE, INBOX_PAGE_SIZE);
    const work = page === 1 ? await this.work(principal, now) : [];
    return { work, notifications: rows, total, page, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
  }

  async unreadCount(principal: Principal): Promise<number> {
    return principal.userId ? this.repository.unreadCount(this.db, principal.userId) : 0;
  }

  /** Marks one notice read and returns where it points, for "open" in the inbox. */
  async open(principal: Principal, id: string): Promise<string> {
    const userId = this.userOf(principal);
    const notice = await this.repository.byId(this.db, userId, id);
    if (!notice) throw new NotFoundError('Notification');
    await this.repository.markRead(this.db, userId, id);
    return notice.link ?? '/inbox';
  }

  async markAllRead(principal: Principal): Promise<number> {
    return this.repository.markRead(this.db, this.userOf(principal));
  }

  private userOf(principal: Principal): string {
    if (!principal.userId) throw new UnauthenticatedError();
    return principal.userId;
  }
}
