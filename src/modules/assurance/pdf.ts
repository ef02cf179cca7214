import { formatDate, todayInLondon } from '../../core/dates.js';
import { yearLabel } from '../performance/schema.js';
import { FUTURE_LABELS, RATING_LABELS } from './rules.js';
import type { ReportRow } from './service.js';

/**
 * The audit committee report as a PDF for the committee's papers: the same list, ratings,
 * exceptions and recommendations as the printable page, as text (pdfkit's built-in Helvetica,
 * loaded only when a PDF is asked for, as the performance report does).
 */
export async function reportPdf(result: {
  locality: { name: string };
  review: { financial_year: number; deadline: string };
  rows: ReportRow[];
}): Promise<Buffer> {
  const PDFDocument = (await import('pdfkit')).default;
  const title = `Audit committee report: significant partnerships ${yearLabel(result.review.financial_year)}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${title}, ${result.locality.name}`, Author: 'Joined Up' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#505a5f')
    .text(
      `${result.locality.name}. Produced ${formatDate(todayInLondon())}; returns were due by ${formatDate(result.review.deadline)}. Ratings follow the latest governance health check: 75 or more major assurance, 50 or more moderate, below 50 limited.`,
    );
  doc.fillColor('black');
  const heading = (text: string) => doc.moveDown().font('Helvetica-Bold').fontSize(13).text(text);

  heading('The significant partnerships');
  for (const row of result.rows) {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(row.name);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(
        `${RATING_LABELS[row.rating]}${row.score === null ? '' : ` (health check score ${row.score})`}. Secretary proposes: ${row.returned?.future ? FUTURE_LABELS[row.returned.future as keyof typeof FUTURE_LABELS] : 'not returned'}. Recommendation: ${FUTURE_LABELS[row.recommendation]}.`,
      );
    if (row.returned?.achievements) doc.text(`Achievements: ${row.returned.achievements}`);
  }

  heading('Exceptions');
  const exceptions = result.rows.filter((r) => r.exceptions.length);
  if (!exceptions.length) doc.font('Helvetica').fontSize(10).text('None.');
  for (const row of exceptions)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${row.name}: ${row.exceptions.join('; ')}.`);

  heading('Recommendations to scale down or exit');
  const changes = result.rows.filter((r) => r.recommendation !== 'continue');
  if (!changes.length) doc.font('Helvetica').fontSize(10).text('None: every significant partnership should continue.');
  for (const row of changes)
    doc.font('Helvetica').fontSize(10).text(`${row.name}: ${FUTURE_LABELS[row.recommendation]}.`);

  doc.end();
  return done;
}
