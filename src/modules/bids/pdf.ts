import { formatDate } from '../../core/dates.js';
import { formatPence } from './rules.js';
import type { AnnualReport, PaperView } from './service.js';
import type { BidRow } from './schema.js';

/**
 * The ballot papers as one PDF, a page each, for printing and posting: the voter and the
 * hereditament, the question, yes and no boxes, the code, and how and when to return it.
 * pdfkit's built-in Helvetica, loaded only when papers are printed.
 */
export async function papersPdf(
  bid: BidRow,
  localityName: string,
  papers: PaperView[],
  options: { closes: string; votingAddress?: string },
): Promise<Buffer> {
  const PDFDocument = (await import('pdfkit')).default;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    autoFirstPage: false,
    info: { Title: `Ballot papers: ${bid.name}`, Author: localityName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const { paper } of papers) {
    if (paper.status === 'replaced') continue;
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(18).text(`Ballot paper: ${bid.name}`);
    doc
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#505a5f')
      .text(`Issued by the ballot holder for ${localityName}`);
    doc.fillColor('black').moveDown();
    doc.font('Helvetica-Bold').fontSize(11).text('To');
    doc.font('Helvetica').text(paper.voter);
    doc.text(paper.address);
    doc.moveDown(0.5).font('Helvetica-Bold').text('Hereditament');
    doc.font('Helvetica').text(`${paper.reference}, rateable value £${paper.value.toLocaleString('en-GB')}`);
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(`Are you in favour of the proposal for a Business Improvement District (${bid.name})?`);
    doc.moveDown();
    const y = doc.y;
    doc.rect(60, y, 18, 18).stroke();
    doc
      .font('Helvetica')
      .fontSize(12)
      .text('Yes', 86, y + 3);
    doc.rect(180, y, 18, 18).stroke();
    doc.text('No', 206, y + 3);
    doc.text('', 60, y + 36);
    doc
      .fontSize(10)
      .text('Put a cross (X) in one box only. A paper marked in both boxes, or not marked, is spoilt and not counted.');
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text(`Your paper’s code: ${paper.code}`);
    doc.font('Helvetica').fontSize(10);
    if (bid.online_voting)
      doc.text(
        `You may vote online instead at ${options.votingAddress ?? '/vote'} with this code. Vote once: the code works only once.`,
      );
    doc.moveDown();
    doc.text(
      `Your vote must reach the ballot holder by 5pm on ${options.closes}. Papers received after then are not counted.`,
    );
    doc.text('If you spoil or lose this paper, ask the ballot holder for a replacement: this paper is then cancelled.');
    doc
      .moveDown()
      .fillColor('#505a5f')
      .text(`Printed ${formatDate(new Date())}`)
      .fillColor('black');
  }
  if (!papers.length) doc.addPage().text('No papers have been issued.');
  doc.end();
  return done;
}

/**
 * The BID body's yearly report to levy payers as a PDF: the levy billed, collected and in
 * arrears, what was spent under each heading and the balance carried. Totals only.
 */
export async function annualReportPdf(report: AnnualReport): Promise<Buffer> {
  const { bid, locality } = report.view;
  const PDFDocument = (await import('pdfkit')).default;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    info: { Title: `Report to levy payers, year ${report.year}: ${bid.name}`, Author: bid.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(`${bid.name}: report to levy payers`);
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(11)
    .fillColor('#505a5f')
    .text(
      `Year ${report.year} of ${bid.term_years}, ${formatDate(report.yearStarts)} to ${formatDate(report.yearEnds)}, ${locality.name}`,
    );
  doc.fillColor('black').moveDown();
  const line = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(11);
    doc.text(label, 60, y, { width: 330 });
    const after = doc.y;
    doc.text(value, 390, y, { width: 145, align: 'right' });
    doc.y = Math.max(after, doc.y);
    doc.x = 60;
  };
  const heading = (text: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
  const t = report.totals;
  heading('The levy');
  line('Levy payers', String(t.payers));
  line('Levy billed', formatPence(t.billedPence));
  line(`Collected (${report.collectionRatePercent}%)`, formatPence(t.collectedPence));
  line(`In arrears (${t.inArrears} payers)`, formatPence(t.arrearsPence));
  heading('What the levy was spent on');
  if (!report.spending.length) doc.font('Helvetica').fontSize(11).text('Nothing has been recorded as spent this year.');
  for (const s of report.spending) line(s.heading, formatPence(s.amountPence));
  line('Total spent', formatPence(report.spentPence), true);
  heading('The BID revenue account');
  line('Brought forward', formatPence(report.broughtForwardPence));
  line('Levy collected', formatPence(t.collectedPence));
  line('Spent', formatPence(-report.spentPence));
  line('Carried forward', formatPence(report.carriedForwardPence), true);
  if (report.budgetPence !== null) {
    doc.moveDown();
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#505a5f')
      .text(`The proposals set a yearly budget of ${formatPence(report.budgetPence)}.`);
  }
  doc.end();
  return done;
}
