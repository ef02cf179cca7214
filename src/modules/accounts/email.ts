import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { Email } from './mailer.js';

/** What an email says, before it is laid out: every email Joined Up sends has this shape. */
export interface EmailContent {
  to: string;
  subject: string;
  /** The recipient's name, for the greeting. */
  name: string;
  /** Plain sentences, one paragraph each; never HTML. */
  paragraphs: string[];
  /** The one thing to do, as a link: shown as a button in HTML and as a bare address in text. */
  action?: { label: string; url: string };
  /** Said after the action, e.g. how long a link lasts. */
  afterAction?: string[];
}

const templates = path.join(path.dirname(fileURLToPath(import.meta.url)), 'views/email');
// One environment escapes for HTML; the other leaves text as written, since a text part is not HTML.
const html = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true });
const text = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: false });

/** Lays an email out twice from one template pair: a plain-text part and an HTML part. */
export function composeEmail(content: EmailContent): Email {
  const context = { ...content, afterAction: content.afterAction ?? [] };
  return {
    to: content.to,
    subject: content.subject,
    text: text.render('message.txt.njk', context),
    html: html.render('message.html.njk', context),
  };
}
