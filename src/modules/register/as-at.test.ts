import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AsAtPartnership, membershipsAsAt, partnershipsAsAt } from './as-at.js';

const partnership = (id: string, extra: Partial<AsAtPartnership> = {}): AsAtPartnership => ({
  id,
  status: 'active',
  established_on: '2020-01-01',
  closed_on: null,
  close_reason: null,
  parent_id: null,
  layer: 'operational',
  meetings_per_year: 6,
  meeting_minutes: 120,
  typical_attendance: null,
  ...extra,
});

describe('the register as at a past date', () => {
  it('shows a merged partnership as active before its merger, and not at all before it was established', () => {
    const merged = partnership('b', { status: 'merged', closed_on: '2026-06-01', close_reason: 'Merged into A' });
    const young = partnership('c', { established_on: '2026-06-01' });
    expect(partnershipsAsAt([merged, young], [], '2026-05-31')).toEqual([
      { ...merged, status: 'active', closed_on: null, close_reason: null },
    ]);
    expect(partnershipsAsAt([merged, young], [], '2026-06-01').map((p) => p.id)).toEqual(['c']);
  });

  it('undoes later changes of parent, layer and meetings, newest first', () => {
    const p = partnership('a', { parent_id: 'lsp', layer: 'executive', meetings_per_year: 3 });
    const changes = [
      { partnership_id: 'a', field: 'parent_id', before: null, after: 'x', effective_on: '2026-01-01' },
      { partnership_id: 'a', field: 'parent_id', before: 'x', after: 'lsp', effective_on: '2026-06-01' },
      { partnership_id: 'a', field: 'meetings_per_year', before: '6', after: '3', effective_on: '2026-06-01' },
      { partnership_id: 'a', field: 'layer', before: 'operational', after: 'executive', effective_on: '2026-06-01' },
    ];
    expect(partnershipsAsAt([p], changes, '2025-12-31')[0]).toMatchObject({
      parent_id: null,
      layer: 'operational',
      meetings_per_year: 6,
    });
    expect(partnershipsAsAt([p], changes, '2026-03-01')[0]).toMatchObject({
      parent_id: 'x',
      layer: 'operational',
      meetings_per_year: 6,
    });
    expect(partnershipsAsAt([p], changes, '2026-06-01')[0]).toMatchObject({
      parent_id: 'lsp',
      layer: 'executive',
      meetings_per_year: 3,
    });
  });

  it('counts a seat from its start to the day before it ended', () => {
    const seats = [
      { started_on: '2026-01-01', ended_on: '2026-06-01' },
      { started_on: null, ended_on: null },
    ];
    expect(membershipsAsAt(seats, '2025-12-31')).toEqual([seats[1]]);
    expect(membershipsAsAt(seats, '2026-05-31')).toEqual([{ started_on: '2026-01-01', ended_on: null }, seats[1]]);
    expect(membershipsAsAt(seats, '2026-06-01')).toEqual([seats[1]]);
  });

  it('never shows a seat ended or not yet started on the day, for any dates', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ started_on: fc.option(day, { nil: null }), ended_on: fc.option(day, { nil: null }) })),
        day,
        (seats, date) => {
          const held = membershipsAsAt(seats, date);
          expect(held.length).toBe(
            seats.filter((s) => (s.started_on ?? '') <= date && (s.ended_on === null || s.ended_on > date)).length,
          );
          for (const s of held) expect(s.ended_on).toBeNull();
        },
      ),
    );
  });
});
