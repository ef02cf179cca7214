/**
 * Markdown written by any signed-in person becomes HTML on our pages, so it is parsed by a
 * maintained parser (marked) and then sanitised on the server (sanitize-html) to an allow-list
 * of plain document elements: no script, no event handlers, no `javascript:` or `data:`
 * addresses, no SVG, no images (an image would let a submission track its readers), no raw
 * HTML. GOV.UK classes are added afterwards so the text looks like the rest of the service.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const CLASSES: Record<string, string> = {
  h2: 'govuk-heading-m',
  h3: 'govuk-heading-s',
  h4: 'govuk-heading-s',
  p: 'govuk-body',
  ul: 'govuk-list govuk-list--bullet',
  ol: 'govuk-list govuk-list--number',
  a: 'govuk-link',
  table: 'govuk-table',
  thead: 'govuk-table__head',
  tbody: 'govuk-table__body',
  tr: 'govuk-table__row',
  th: 'govuk-table__header',
  td: 'govuk-table__cell',
  blockquote: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
};

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'code',
    'pre',
    'blockquote',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'del',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['scope'], td: [] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // The page already has the item's title as its only h1: a submitted h1 becomes an h2.
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(/^https?:/i.test(attribs.href ?? '') ? { rel: 'noopener noreferrer nofollow' } : {}),
      },
    }),
  },
  allowedClasses: {},
};

function withGovukClasses(html: string): string {
  return html.replace(/<(h2|h3|h4|p|ul|ol|a|table|thead|tbody|tr|th|td|blockquote|hr)(?=[\s>/])/g, (_, tag: string) => {
    const classes = CLASSES[tag];
    return classes ? `<${tag} class="${classes}"` : `<${tag}`;
  });
}

/** Safe HTML for a page from Markdown that anyone may have written. */
export function renderMarkdown(markdown: string): string {
  const parsed = marked.parse(markdown) as string;
  const clean = sanitizeHtml(parsed, {
    ...SANITISE,
    allowedAttributes: { ...SANITISE.allowedAttributes, a: ['href', 'title', 'rel'] },
  });
  return withGovukClasses(clean);
}

/** The words of a Markdown text without its markup, for search and summaries. */
export function plainText(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
