/**
 * Each resources view as CSV, the same figures as the page: money in pounds to the penny
 * (written from the pence, never through a float), with a BOM for Excel and cells that could
 * run as formulas escaped as every export of the product does.
 */
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from '../exchange/csv.js';
import type { CliffEdgeRow, ContributionView, CostBenefitRow, OutcomeMoneyView } from './service.js';

/** Pence as pounds with two decimals, exactly: 123456 is "1234.56", -5 is "-0.05". */
export function poundsText(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const magnitude = Math.abs(pence);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

export function csv(columns: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const records = rows.map((row) => row.map((v) => escapeFormula(v === null || v === undefined ? '' : String(v))));
  return `\uFEFF${stringify([columns, ...records], { record_delimiter: 'windows' })}`;
}

const ratio = (v: number | null) => (v === null ? '' : Number.isFinite(v) ? v.toFixed(2) : 'no upper limit');

/** A financial year's name as the locality's years run (the service's `yearLabel`). */
type YearLabel = (year: number) => string;

export function moneyCsv(year: number, rows: OutcomeMoneyView[], yearLabel: YearLabel): string {
  return csv(
    [
      'year',
      'outcome',
      'plan',
      'status',
      'mainstream_pounds',
      'pooled_pounds',
      'fund_pounds',
      'total_pounds',
      'by_partner',
      'flags',
    ],
    rows.map((r) => [
      yearLabel(year),
      r.title,
      r.planTitle,
      r.status,
      poundsText(r.mainstreamPence),
      poundsText(r.pooledPence),
      poundsText(r.fundPence),
      poundsText(r.totalPence),
      r.partners.map((p) => `${p.name}: ${poundsText(p.pence)}`).join('; '),
      r.flags.join('; '),
    ]),
  );
}

export function leagueCsv(year: number, rows: CostBenefitRow[], yearLabel: YearLabel): string {
  return csv(
    [
      'year',
      'reference',
      'partnership',
      'cost_pounds',
      'cost_low_pounds',
      'cost_high_pounds',
      'benefit_pounds',
      'ratio',
      'ratio_low',
      'ratio_high',
      'verdict',
    ],
    rows.map((r) => [
      yearLabel(year),
      r.reference,
      r.name,
      poundsText(r.result.cost.totalPence),
      poundsText(r.result.costLowPence),
      poundsText(r.result.costHighPence),
      poundsText(r.result.benefitPence),
      ratio(r.result.ratio),
      ratio(r.result.ratioLow),
      ratio(r.result.ratioHigh),
      r.verdictText,
    ]),
  );
}

export function cliffEdgeCsv(rows: CliffEdgeRow[]): string {
  return csv(
    [
      'window_months',
      'fund',
      'funder',
      'ends_on',
      'months_left',
      'pounds_a_year',
      'partnerships',
      'outcomes',
      'exit_strategy',
    ],
    rows.map((r) => [
      r.window,
      r.stream.name,
      r.stream.funder,
      r.stream.ends_on,
      r.monthsLeft,
      poundsText(r.stream.amount_per_year_pence),
      r.partnerships.map((p) => p.name).join('; '),
      r.outcomes.map((o) => o.title).join('; '),
      r.hasExitStrategy ? 'yes' : 'no',
    ]),
  );
}

export function contributionsCsv(rows: ContributionView[], yearLabel: YearLabel): string {
  return csv(
    ['year', 'partnership', 'organisation', 'kind', 'amount_pounds', 'hours', 'rate_pounds', 'worth_pounds', 'state'],
    rows.map((c) => [
      yearLabel(c.row.financial_year),
      c.partnershipName,
      c.organisationName,
      c.row.kind,
      c.row.amount_pence === null ? '' : poundsText(c.row.amount_pence),
      c.row.hours ?? '',
      c.row.rate_pence === null ? '' : poundsText(c.row.rate_pence),
      poundsText(c.valuePence),
      c.row.state,
    ]),
  );
}
