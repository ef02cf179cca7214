import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConsentAnswer,
  type PlannedOperation,
  type RulePartnership,
  affectedPartnerships,
  checkOperation,
  checkPlan,
  consentState,
  findCycle,
  parentsAfter,
  readiness,
} from './rules.js';

function partnership(id: string, extra: Partial<RulePartnership> = {}): RulePartnership {
  return {
    id,
    name: `P ${id}`,
    status: 'active',
    parentId: null,
    layer: 'operational',
    statutory: false,
    separateLegalStatus: false,
    ...extra,
  };
}
const registerOf = (...ps: RulePartnership[]) => new Map(ps.map((p) => [p.id, p]));
const op = (
  kind: PlannedOperation['kind'],
  subjectIds: string[],
  extra: Partial<PlannedOperation> = {},
): PlannedOperation => ({
  kind,
  subjectIds,
  targetId: null,
  newName: null,
  newLayer: null,
  changeParent: false,
  reason: null,
  ...extra,
});

describe('rationalisation rules', () => {
  const lsp = partnership('lsp', { name: 'Brackenfield Partnership', layer: 'strategic' });

  it('refuses to merge away a partnership with separate legal status, and offers nesting instead', () => {
    const register = registerOf(
      lsp,
      partnership('a'),
      partnership('trust', { name: 'Brackenfield Trust Ltd', separateLegalStatus: true }),
    );
    const problems = checkOperation(op('merge', ['a', 'trust'], { targetId: 'a' }), register);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /Brackenfield Trust Ltd has separate legal status.*cannot be merged away.*Nest it under P a instead/,
    );
    // The same company may continue the merge: it keeps its identity.
    expect(checkOperation(op('merge', ['a', 'trust'], { targetId: 'trust' }), register)).toEqual([]);
    expect(checkOperation(op('nest', ['trust'], { targetId: 'lsp' }), register)).toEqual([]);
  });

  it('refuses to close a statutory partnership', () => {
    const register = registerOf(lsp, partnership('csp', { name: 'Community Safety Partnership', statutory: true }));
    const [problem] = checkOperation(op('close', ['csp'], { reason: 'Duplicates the LSP' }), register);
    expect(problem?.message).toMatch(
      /Community Safety Partnership is a statutory partnership.*cannot be closed.*Nest it under the LSP/,
    );
    expect(checkOperation(op('nest', ['csp'], { targetId: 'lsp' }), register)).toEqual([]);
  });

  it('refuses a nesting cycle made by two operations of one plan', () => {
    const register = registerOf(partnership('a'), partnership('b'));
    const problems = checkPlan([op('nest', ['a'], { targetId: 'b' }), op('nest', ['b'], { targetId: 'a' })], register);
    expect(problems.map((p) => p.message).join(' ')).toMatch(
      /nesting cycle: P b → P a → P b|nesting cycle: P a → P b → P a/,
    );
    expect(problems.find((p) => /cycle/.test(p.message))?.operation).toBe(1);
  });

  it('refuses to use a partnership that an earlier operation merged away', () => {
    const register = registerOf(partnership('a'), partnership('b'), partnership('c'));
    const problems = checkPlan(
      [op('merge', ['a', 'b'], { targetId: 'a' }), op('nest', ['c'], { targetId: 'b' })],
      register,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/P b is merged away by operation 1.*Use P a instead/);
  });

  it('lets a sub-partnership take in its parent, moving up to the grandparent', () => {
    const register = registerOf(
      lsp,
      partnership('parent', { parentId: 'lsp' }),
      partnership('child', { parentId: 'parent' }),
    );
    const ops = [op('merge', ['child', 'parent'], { targetId: 'child' })];
    expect(checkPlan(ops, register)).toEqual([]);
    expect(parentsAfter(ops, register).get('child')).toBe('lsp');
    const intoNew = [op('merge', ['child', 'parent'], { newName: 'Joined' })];
    expect(checkPlan(intoNew, register)).toEqual([]);
    expect(parentsAfter(intoNew, register).get('new:0')).toBe('lsp');
  });

  it('asks for a name when merging into a new partnership', () => {
    const register = registerOf(partnership('a'), partnership('b'));
    expect(checkOperation(op('merge', ['a', 'b']), register)[0]?.field).toBe('newName');
    expect(checkOperation(op('merge', ['a', 'b'], { newName: 'Joined board' }), register)).toEqual([]);
  });

  it('counts the continuing partnership and a new parent among those who must agree', () => {
    expect(
      affectedPartnerships([op('merge', ['a', 'b'], { targetId: 'a' }), op('nest', ['c'], { targetId: 'lsp' })]),
    ).toEqual(['a', 'b', 'c', 'lsp']);
  });

  it('is ready only when everyone agreed in this round and the effective date has come', () => {
    const answers: ConsentAnswer[] = [
      { partnershipId: 'a', decision: 'agree', round: 1, recordedAt: '2026-11-01T10:00:00Z' },
      { partnershipId: 'b', decision: 'conditions', round: 1, recordedAt: '2026-11-02T10:00:00Z' },
    ];
    const consent = consentState(['a', 'b'], answers, 1);
    expect(consent.complete).toBe(true);
    expect(readiness({ status: 'open', effectiveOn: '2026-12-01' }, [], consent, '2026-12-01', (id) => id).ready).toBe(
      true,
    );
    const early = readiness({ status: 'open', effectiveOn: '2026-12-02' }, [], consent, '2026-12-01', (id) => id);
    expect(early.reasons.join()).toMatch(/takes effect on 2 December 2026/);
    // An amended plan asks again: last round's answers no longer count.
    expect(consentState(['a', 'b'], answers, 2)).toMatchObject({ complete: false, pending: ['a', 'b'] });
  });
});

/** A random forest of open partnerships (each parent earlier in the list, so no cycle to start with). */
const forest = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    )
    .map(([parents, statutory, legal]) =>
      registerOf(
        ...parents.map((parent, i) =>
          partnership(`p${i}`, {
            parentId: parent !== undefined && i > 0 ? `p${parent % i}` : null,
            statutory: statutory[i],
            separateLegalStatus: legal[i],
          }),
        ),
      ),
    ),
);

function operations(size: number) {
  const id = fc.nat({ max: size - 1 }).map((i) => `p${i}`);
  const one = fc.oneof(
    fc.tuple(fc.array(id, { minLength: 1, maxLength: 3 }), id).map(([s, t]) => op('nest', s, { targetId: t })),
    fc.tuple(fc.array(id, { minLength: 1, maxLength: 3 }), id).map(([s, t]) => op('merge', [...s, t], { targetId: t })),
    fc.array(id, { minLength: 1, maxLength: 2 }).map((s) => op('close', s, { reason: 'No longer needed' })),
    fc
      .tuple(fc.array(id, { minLength: 1, maxLength: 2 }), fc.option(id, { nil: null }))
      .map(([s, t]) => op('relayer', s, { targetId: t, changeParent: true })),
  );
  return fc.array(one, { minLength: 1, maxLength: 5 });
}

const planOn = forest.chain((register) => operations(register.size).map((ops) => ({ register, ops })));

describe('rationalisation rules, for any register and plan', () => {
  it('never passes a plan that leaves a nesting cycle', () => {
    fc.assert(
      fc.property(planOn, ({ register, ops }) => {
        if (checkPlan(ops, register).length === 0) expect(findCycle(parentsAfter(ops, register))).toBeUndefined();
      }),
    );
  });

  it('never passes a plan that merges away a partnership with separate legal status, or a statutory one', () => {
    fc.assert(
      fc.property(planOn, ({ register, ops }) => {
        const mergesAwayProtected = ops.some(
          (o) =>
            o.kind === 'merge' &&
            o.subjectIds.some(
              (id) => id !== o.targetId && (register.get(id)?.separateLegalStatus || register.get(id)?.statutory),
            ),
        );
        if (mergesAwayProtected) expect(checkPlan(ops, register).length).toBeGreaterThan(0);
      }),
    );
  });

  it('never passes a plan that closes a statutory partnership', () => {
    fc.assert(
      fc.property(planOn, ({ register, ops }) => {
        if (ops.some((o) => o.kind === 'close' && o.subjectIds.some((id) => register.get(id)?.statutory)))
          expect(checkPlan(ops, register).length).toBeGreaterThan(0);
      }),
    );
  });

  it('is complete exactly when every affected partnership’s latest answer this round is an agreement', () => {
    const answer = fc.record({
      partnershipId: fc.constantFrom('a', 'b', 'c'),
      decision: fc.constantFrom('agree' as const, 'conditions' as const, 'object' as const),
      round: fc.integer({ min: 1, max: 2 }),
      recordedAt: fc.integer({ min: 0, max: 1_000_000 }).map((ms) => new Date(Date.UTC(2026, 0, 1) + ms * 1000)),
    });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 12 }), fc.integer({ min: 1, max: 2 }), (answers, round) => {
        const affected = ['a', 'b'];
        const latest = (id: string) =>
          answers
            .filter((a) => a.round === round && a.partnershipId === id)
            .sort((x, y) => x.recordedAt.getTime() - y.recordedAt.getTime())
            .at(-1)?.decision;
        const expected = affected.every((id) => latest(id) === 'agree' || latest(id) === 'conditions');
        const state = consentState(affected, answers, round);
        expect(state.complete).toBe(expected);
        expect(state.agreed.length + state.withConditions.length + state.objected.length + state.pending.length).toBe(
          affected.length,
        );
      }),
    );
  });
});
