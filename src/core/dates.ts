const LONDON = 'Europe/London';

// Made once: building an Intl formatter costs far more than formatting with it, and a page
// of the register formats a few hundred dates (about a seventh of a partnership page's time).
const ISO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: 'numeric', minute: '2-digit', hour12: true });

/** Today's date in Europe/London as YYYY-MM-DD: what a council officer means by "today". */
export function todayInLondon(now: Date = new Date()): string {
  return ISO_DAY.format(now);
}

/** 5 March 2025 */
/** The ISO day `days` after (or before, if negative) an ISO day. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return LONG_DAY.format(date);
}

/** 5 March 2025 at 2:07pm, in London time */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  const day = formatDate(date);
  const time = TIME.format(date).replace(/\s/g, '').toLowerCase();
  return `${day} at ${time}`;
}

export function dateParts(value: string | null | undefined): { day: string; month: string; year: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' };
}
