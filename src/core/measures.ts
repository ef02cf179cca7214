/**
 * A measured value as every page and the PDF report show it: up to two decimals, and its unit
 * when the unit is a symbol written after the number (55.2%). Longer units ("rate per 1,000
 * population") are named in the indicator's title or heading instead.
 */
export function formatMeasure(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined) return '–';
  const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
  return unit?.trim() === '%' ? `${number}%` : number;
}
