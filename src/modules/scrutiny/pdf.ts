import { formatDate } from '../../core/dates.js';
import { formatMoney } from '../../web/render.js';
import type { EvidenceSnapshot } from './service.js';

/**
 * An issued evidence pack as a PDF for the committee's papers: the same frozen snapshot as the
 * printable page, as text and simple tables (pdfkit's built-in Helvetica, so no font files).
 * pdfkit takes a moment to load, so it is loaded only when a PDF is asked for.
 */
export async function packPdf(s: EvidenceSnapshot, issuedOn: string): Promise<Buffer> {
  const PDFDocument = (await import('pdfkit')).default;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: s.title, Author: 'Joined Up' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(18).text(s.title);
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#505a5f')
    .text(`${s.locality} · ${s.scopeLabel} · issued ${formatDate(issuedOn)}: the data as it was that day.`);
  doc.fillColor('black');

  const section = (title: string, lines: string[], empty: string) => {
    doc.moveDown().font('Helvetica-Bold').fontSize(13).text(title);
    doc.font('Helvetica').fontSize(10);
    if (!lines.length) doc.text(empty);
    for (const line of lines) doc.text(line, { indent: 8 });
  };
  section(
    'Partnerships in scope',
    s.partnerships.map(
      (p) => `${p.reference} ${p.name} (${p.status})${p.themes.length ? `: ${p.themes.join(', ')}` : ''}`,
    ),
    'None.',
  );
  section(
    'Performance',
    s.performance.map((o) => `${o.outcome} (${o.plan}): ${o.status}`),
    'No outcomes recorded for this scope.',
  );
  section(
    'Money: confirmed contributions this year',
    s.money.map((m) => `${m.organisation}: ${formatMoney(m.pence)}${m.hours ? `, ${m.hours} hours` : ''}`),
    'No confirmed contributions.',
  );
  section(
    'Risks',
    s.risks.map(
      (r) =>
        `${r.title} (${r.partnership}): residual ${r.residual}, ${r.band}; review ${formatDate(r.reviewOn)}${r.overdue ? ' (overdue)' : ''}`,
    ),
    'No risks recorded.',
  );
  section(
    'Membership and sector balance',
    s.balance.map((b) => `${b.sector}: ${b.seats} seats, ${b.shareBp / 100}% against a target of ${b.targetBp / 100}%`),
    'No seats.',
  );
  section(
    'Attendance in the last 12 months',
    s.attendance.map((a) => `${a.organisation}: ${a.attended} of ${a.expected} seats filled, ${a.empty} empty`),
    'No meetings recorded.',
  );
  section(
    'Decisions',
    s.decisions.map(
      (d) =>
        `${formatDate(d.heldOn)}, ${d.partnership}: ${d.summary}${d.difficult ? (d.open ? ' [difficult, open]' : ' [difficult, resolved]') : ''}`,
    ),
    'No decisions recorded.',
  );
  // Packs issued before overlap and history were drawn have neither: say nothing of them.
  if (s.overlap) {
    section(
      'Overlap: pairs with a partnership in scope',
      s.overlap.pairs.map(
        (p) =>
          `${p.partnership} and ${p.other}: ${p.scorePercent}%${p.confirmed ? ', confirmed the same work' : p.likely ? ', likely the same work' : ', worth a look'}`,
      ),
      'No overlap found.',
    );
    section(
      'Overlap: groups likely doing the same work',
      s.overlap.groups.map(
        (g) =>
          `${g.partnerships.join(', ')}; would fold into ${g.keeper}, saving about ${formatMoney(g.likelySavingPence)} a year`,
      ),
      'None.',
    );
  }
  if (s.history)
    section(
      'Gatekeeper and rationalisation history',
      s.history.map((h) => `${formatDate(h.on)}, ${h.partnership}: ${h.text}`),
      'None recorded.',
    );
  doc.end();
  return done;
}
