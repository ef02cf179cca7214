import { formatDate } from '../../core/dates.js';
import { formatMeasure } from '../../core/measures.js';
import { yearLabel } from './schema.js';
import type { FrameworkResult } from './service.js';
import { STATUS_LABELS, type Status } from './status.js';

/**
 * The performance report as a PDF for a board pack: the same plans, outcomes, targets and
 * numbers as the printable page, as text and tables (pdfkit's built-in Helvetica, so no font
 * files are needed). pdfkit takes a moment to load, so it is loaded only when a PDF is asked for.
 */
const STATUS_COLOURS: Record<Status, string> = {
  'on-track': '#00703c',
  'at-risk': '#b35a00',
  'off-track': '#d4351c',
  'no-data': '#505a5f',
};

export async function reportPdf(result: FrameworkResult, filters: string[] = []): Promise<Buffer> {
  const PDFDocument = (await import('pdfkit')).default;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Performance report: ${result.locality.name}`, Author: 'Joined Up' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(20).text(`Performance report: ${result.locality.name}`);
  if (filters.length)
    doc
      .moveDown(0.2)
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`For ${filters.join(', ')}`);
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#505a5f')
    .text(
      `Produced ${formatDate(new Date().toISOString().slice(0, 10))}. Only approved values count; values awaiting approval are left out.`,
    );
  doc.fillColor('black').moveDown();
  const counts = result.counts;
  doc
    .fontSize(11)
    .text(
      `Targets: ${counts['on-track']} on track, ${counts['at-risk']} at risk, ${counts['off-track']} off track, ${counts['no-data']} with no data.`,
    );

  const columns = [
    { title: 'Indicator', width: 190 },
    { title: 'Latest', width: 70 },
    { title: 'Year', width: 55 },
    { title: 'Expected', width: 70 },
    { title: 'Status', width: 110 },
  ];
  for (const plan of result.plans) {
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text(plan.plan.title);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#505a5f')
      .text(
        `${result.planTypeLabels.get(plan.plan.plan_type) ?? plan.plan.plan_type} · ${yearLabel(plan.plan.start_year)} to ${yearLabel(plan.plan.end_year)}${plan.plan.owner_partnership_id ? ` · owned by ${result.partnershipNames.get(plan.plan.owner_partnership_id) ?? ''}` : ''}`,
      );
    doc.fillColor('black');
    for (const outcome of plan.outcomes) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(outcome.outcome.title);
      if (!outcome.targets.length) {
        doc.font('Helvetica').fontSize(9).text('No targets set.');
        continue;
      }
      let y = doc.y + 4;
      let x = doc.page.margins.left;
      doc.font('Helvetica-Bold').fontSize(9);
      for (const c of columns) {
        doc.text(c.title, x, y, { width: c.width - 6 });
        x += c.width;
      }
      y = doc.y + 2;
      doc.font('Helvetica');
      for (const t of outcome.targets) {
        if (y > doc.page.height - doc.page.margins.bottom - 30) {
          doc.addPage();
          y = doc.page.margins.top;
        }
        const cells = [
          `${t.indicator.code} ${t.indicator.title}`,
          formatMeasure(t.assessment.latest?.value, t.indicator.unit),
          t.assessment.latest ? yearLabel(t.assessment.latest.year) : '–',
          formatMeasure(t.assessment.expected, t.indicator.unit),
          STATUS_LABELS[t.assessment.status],
        ];
        x = doc.page.margins.left;
        let rowBottom = y;
        cells.forEach((cell, i) => {
          const column = columns[i] as (typeof columns)[number];
          doc
            .fillColor(i === 4 ? STATUS_COLOURS[t.assessment.status] : 'black')
            .text(cell, x, y, { width: column.width - 6 });
          rowBottom = Math.max(rowBottom, doc.y);
          x += column.width;
        });
        y = rowBottom + 3;
      }
      doc.fillColor('black').text('', doc.page.margins.left, y);
    }
  }
  doc.end();
  return done;
}
