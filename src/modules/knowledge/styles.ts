/**
 * The knowledge base's own few styles, served as a small stylesheet of its own (the CSP allows
 * no inline style, and the shared Sass stays untouched): the preview frame, search highlights,
 * and print styles that leave the service's navigation, search and forms off the paper, print
 * each link's address and give the text the full width.
 */
export const KNOWLEDGE_CSS = `.app-knowledge-preview__page {
  border-left: 5px solid #b1b4b6;
  padding: 0 0 0 15px;
  margin-bottom: 30px;
}
.app-knowledge-results mark { background: #fff7bf; color: inherit; font-weight: 700; }
.app-knowledge-body pre { overflow-x: auto; white-space: pre-wrap; }
.app-knowledge-facet { margin-bottom: 20px; }
@media print {
  .govuk-template__header, .govuk-footer, .govuk-breadcrumbs, .govuk-skip-link, .app-no-print,
  .govuk-notification-banner, form { display: none !important; }
  .govuk-width-container { max-width: none; margin: 0; }
  .govuk-grid-column-two-thirds, .govuk-grid-column-one-third { width: 100%; float: none; }
  body { font-size: 12pt; color: #000; }
  .app-knowledge-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 90%; word-break: break-all; }
  .app-knowledge-body h2, .app-knowledge-body h3 { break-after: avoid; }
  .app-knowledge-body table, .app-knowledge-body pre { break-inside: avoid; }
}
`;
