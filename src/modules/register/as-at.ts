/**
 * The register as it stood at the end of a past day, worked out from what is kept:
 *  - a partnership existed if it was established on or before the day (or has no date) and had
 *    not closed, merged or been nested away by then (`closed_on` after the day);
 *  - a seat was held if it started on or before the day (or has no date) and had not ended by
 *    then (`ended_on` after the day);
 *  - parent, layer and meeting pattern are the current values with every dated change made
 *    after the day undone (the `partnership_changes` table).
 * A partnership that has since closed shows as active on days before it closed.
 */

export interface DatedChange {
  partnership_id: string;
  field: string;
  before: string | null;
  after: string | null;
  effective_on: string;
  created_at?: Date | string;
}

export interface AsAtPartnership {
  id: string;
  status: string;
  established_on: string | null;
  closed_on: string | null;
  close_reason: string | null;
  parent_id: string | null;
  layer: string;
  meetings_per_year: number | null;
  meeting_minutes: number | null;
  typical_attendance: number | null;
}

export interface AsAtMembership {
  started_on: string | null;
  ended_on: string | null;
}

const NUMERIC = new Set(['meetings_per_year', 'meeting_minutes', 'typical_attendance']);

export function existedOn(p: Pick<AsAtPartnership, 'established_on' | 'closed_on'>, date: string): boolean {
  return (p.established_on === null || p.established_on <= date) && (p.closed_on === null || p.closed_on > date);
}

/** The partnerships that existed at the end of `date`, each as it then stood. */
export function partnershipsAsAt<P extends AsAtPartnership>(
  partnerships: readonly P[],
  changes: readonly DatedChange[],
  date: string,
): P[] {
  const later = new Map<string, DatedChange[]>();
  for (const c of changes)
    if (c.effective_on > date) later.set(c.partnership_id, [...(later.get(c.partnership_id) ?? []), c]);
  return partnerships
    .filter((p) => existedOn(p, date))
    .map((p) => {
      const then = { ...p } as Record<string, unknown>;
      if (p.closed_on !== null || !['proposed', 'active'].includes(p.status)) {
        then.status = 'active';
        then.closed_on = null;
        then.close_reason = null;
      }
      // Undo the changes made after the day, newest first.
      const undo = [...(later.get(p.id) ?? [])].sort((a, b) =>
        a.effective_on === b.effective_on
          ? String(b.created_at ?? '').localeCompare(String(a.created_at ?? ''))
          : a.effective_on < b.effective_on
            ? 1
            : -1,
      );
      for (const c of undo)
        then[c.field] = NUMERIC.has(c.field) ? (c.before === null ? null : Number(c.before)) : c.before;
      return then as P;
    });
}

/** The seats held at the end of `date`; a seat that ended later shows as current. */
export function membershipsAsAt<M extends AsAtMembership>(memberships: readonly M[], date: string): M[] {
  return memberships
    .filter((m) => (m.started_on === null || m.started_on <= date) && (m.ended_on === null || m.ended_on > date))
    .map((m) => (m.ended_on === null ? m : { ...m, ended_on: null }));
}
