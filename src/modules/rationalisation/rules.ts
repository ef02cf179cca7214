/**
 * The rules of rationalisation, pure (no database): what a plan may do to the register, whose
 * agreement it needs, and when it may be carried out.
 *
 *  - a partnership with separate legal status (a company, charity or statutory body) keeps a
 *    distinct identity: it may be nested or continue a merge, never be merged away;
 *  - a statutory partnership is required by law: it may not be closed or merged away (the
 *    LSP slots it in as a sub-partnership instead);
 *  - no nesting cycle, counting every operation of the plan together;
 *  - a partnership is merged away or closed by one operation at most, and nothing else in the
 *    plan may use it afterwards;
 *  - every affected partnership (those merged, nested, closed or re-layered, the one a merge
 *    continues in and the parent taking a partnership in) must agree in the current consent
 *    round; amending the plan starts a new round;
 *  - a plan is carried out once, when all agreed, on or after its effective date.
 */
import { formatDate } from '../../core/dates.js';
import type { Decision, OperationKind } from './schema.js';

export interface RulePartnership {
  id: string;
  name: string;
  status: string;
  parentId: string | null;
  layer: string;
  statutory: boolean;
  separateLegalStatus: boolean;
}

export interface PlannedOperation {
  kind: OperationKind;
  subjectIds: string[];
  /** merge: the continuing partnership (null: a new one); nest: the parent; relayer: the new parent when changeParent. */
  targetId: string | null;
  newName: string | null;
  newLayer: string | null;
  changeParent: boolean;
  reason: string | null;
}

export interface Problem {
  /** Index of the operation in the plan (0-based), or null for the plan as a whole. */
  operation: number | null;
  field: string;
  message: string;
}

export type Register = ReadonlyMap<string, RulePartnership>;

const OPEN = new Set(['proposed', 'active']);
export const isOpen = (p: { status: string }): boolean => OPEN.has(p.status);

/** The partnerships an operation ends as independent bodies: merged away or closed. */
export function removedBy(op: PlannedOperation): string[] {
  if (op.kind === 'close') return unique(op.subjectIds);
  if (op.kind === 'merge') return unique(op.subjectIds).filter((id) => id !== op.targetId);
  return [];
}

/** Everyone whose agreement the plan needs, in the order they first appear. */
export function affectedPartnerships(ops: readonly PlannedOperation[]): string[] {
  const ids: string[] = [];
  for (const op of ops) {
    ids.push(...op.subjectIds);
    if (op.targetId && (op.kind === 'merge' || op.kind === 'nest' || (op.kind === 'relayer' && op.changeParent)))
      ids.push(op.targetId);
  }
  return unique(ids);
}

/** The id a merge into a new partnership stands for until it exists. */
export const newPartnershipId = (operation: number): string => `new:${operation}`;

function nameOf(register: Register, id: string | null): string {
  if (!id) return 'no partnership';
  if (id.startsWith('new:')) return 'the new merged partnership';
  return register.get(id)?.name ?? 'an unknown partnership';
}

/** Rules one operation must pass on its own, against the register as it is. */
export function checkOperation(op: PlannedOperation, register: Register, index = 0): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ operation: index, field, message });
  const subjects = unique(op.subjectIds);
  for (const id of [...subjects, ...(op.targetId ? [op.targetId] : [])]) {
    const p = register.get(id);
    if (!p) add('subjectIds', 'Choose partnerships from this locality’s register');
    else if (!isOpen(p)) add('subjectIds', `${p.name} is already ${p.status}: only open partnerships can be changed`);
  }
  if (problems.length) return problems;
  const target = op.targetId ? register.get(op.targetId) : undefined;
  switch (op.kind) {
    case 'merge': {
      const absorbed = removedBy(op);
      if (op.targetId && !subjects.includes(op.targetId))
        add('targetId', `${nameOf(register, op.targetId)} must be one of the partnerships being merged`);
      if (!op.targetId && subjects.length < 2) add('subjectIds', 'Choose at least two partnerships to merge');
      if (op.targetId && absorbed.length < 1)
        add('subjectIds', 'Choose at least one partnership to merge into the continuing one');
      if (!op.targetId && !op.newName)
        add('newName', 'Enter the name of the new merged partnership, or choose one of them to continue');
      const keepIdentity = op.targetId ? nameOf(register, op.targetId) : 'the LSP';
      for (const id of absorbed) {
        const p = register.get(id) as RulePartnership;
        if (p.separateLegalStatus)
          add(
            'subjectIds',
            `${p.name} has separate legal status and keeps a distinct identity: it cannot be merged away. Nest it under ${keepIdentity} instead, or let it be the one that continues.`,
          );
        if (p.statutory)
          add(
            'subjectIds',
            `${p.name} is a statutory partnership, required by law: it cannot be merged away. Nest it under ${keepIdentity} instead, or let it be the one that continues.`,
          );
      }
      break;
    }
    case 'nest': {
      if (!target) {
        add('targetId', 'Choose the partnership to nest under');
        break;
      }
      for (const id of subjects) {
        const p = register.get(id) as RulePartnership;
        if (id === target.id) add('targetId', `${p.name} cannot be nested under itself`);
        else if (p.parentId === target.id) add('subjectIds', `${p.name} is already nested under ${target.name}`);
      }
      break;
    }
    case 'close': {
      if (!op.reason) add('reason', 'Enter why the partnership is closing');
      for (const id of subjects) {
        const p = register.get(id) as RulePartnership;
        if (p.statutory)
          add(
            'subjectIds',
            `${p.name} is a statutory partnership, required by law: it cannot be closed. Nest it under the LSP as a sub-partnership instead.`,
          );
      }
      break;
    }
    case 'relayer': {
      if (!op.newLayer && !op.changeParent) add('newLayer', 'Choose a new layer, a new reporting line, or both');
      for (const id of subjects) {
        const p = register.get(id) as RulePartnership;
        if (op.changeParent && op.targetId === id) add('targetId', `${p.name} cannot report to itself`);
        if (op.newLayer && op.newLayer === p.layer && !op.changeParent)
          add('newLayer', `${p.name} is already at the ${op.newLayer} layer`);
      }
      break;
    }
  }
  return problems;
}

/** The parent of every open partnership once the operations are applied in order. */
export function parentsAfter(
  ops: readonly PlannedOperation[],
  register: Register,
  upTo = ops.length,
): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const p of register.values())
    if (isOpen(p))
      parents.set(
        p.id,
        p.parentId && register.get(p.parentId) && isOpen(register.get(p.parentId) as RulePartnership)
          ? p.parentId
          : null,
      );
  // A child that is itself the new parent takes its old parent's parent instead.
  const reparentChildren = (from: string, to: string | null) => {
    for (const [child, parent] of parents)
      if (parent === from) parents.set(child, child === to ? (parents.get(from) ?? null) : to);
  };
  ops.slice(0, upTo).forEach((op, index) => {
    if (op.kind === 'merge') {
      const into = op.targetId ?? newPartnershipId(index);
      if (!op.targetId)
        parents.set(
          into,
          groupParent(op.subjectIds, (id) => parents.get(id) ?? null),
        );
      for (const id of removedBy(op)) {
        reparentChildren(id, into);
        parents.delete(id);
      }
    } else if (op.kind === 'close') {
      for (const id of unique(op.subjectIds)) {
        const parent = parents.get(id) ?? null;
        parents.delete(id);
        reparentChildren(id, parent);
      }
    } else if (op.kind === 'nest' || (op.kind === 'relayer' && op.changeParent)) {
      for (const id of unique(op.subjectIds)) if (parents.has(id)) parents.set(id, op.targetId ?? null);
    }
  });
  return parents;
}

/** Where a group merged into a new partnership sits: under the first parent from outside the group. */
export function groupParent(subjectIds: readonly string[], parentOf: (id: string) => string | null): string | null {
  for (const id of subjectIds) {
    const parent = parentOf(id);
    if (parent && !subjectIds.includes(parent)) return parent;
  }
  return null;
}

/** A nesting cycle in a parent map, as the ids around it (first repeated last), if any. */
export function findCycle(parents: ReadonlyMap<string, string | null>): string[] | undefined {
  const done = new Set<string>();
  for (const start of parents.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    while (current && !done.has(current)) {
      if (onPath.has(current)) return [...path.slice(path.indexOf(current)), current];
      onPath.add(current);
      path.push(current);
      current = parents.get(current);
    }
    for (const id of path) done.add(id);
  }
  return undefined;
}

/** Every rule, across the whole plan. An empty list means the plan may go ahead. */
export function checkPlan(ops: readonly PlannedOperation[], register: Register): Problem[] {
  const problems: Problem[] = ops.flatMap((op, index) => checkOperation(op, register, index));
  if (ops.length === 0)
    problems.push({
      operation: null,
      field: 'operations',
      message: 'Add at least one operation: a merge, nesting, closure or re-layering',
    });
  const removedIn = new Map<string, number>();
  ops.forEach((op, index) => {
    const touched = [
      ...op.subjectIds,
      ...(op.targetId && (op.kind !== 'relayer' || op.changeParent) ? [op.targetId] : []),
    ];
    for (const id of unique(touched)) {
      const earlier = removedIn.get(id);
      if (earlier !== undefined) {
        const how = ops[earlier]?.kind === 'close' ? 'closed' : 'merged away';
        const instead =
          ops[earlier]?.kind === 'merge'
            ? ` Use ${nameOf(register, ops[earlier]?.targetId ?? newPartnershipId(earlier))} instead.`
            : '';
        problems.push({
          operation: index,
          field: 'subjectIds',
          message: `${nameOf(register, id)} is ${how} by operation ${earlier + 1}, so a later operation cannot use it.${instead}`,
        });
      }
    }
    for (const id of removedBy(op)) if (!removedIn.has(id)) removedIn.set(id, index);
  });
  for (let upTo = 1; upTo <= ops.length; upTo++) {
    const cycle = findCycle(parentsAfter(ops, register, upTo));
    if (cycle) {
      problems.push({
        operation: upTo - 1,
        field: 'targetId',
        message: `This would make a nesting cycle: ${cycle.map((id) => nameOf(register, id)).join(' → ')}. A partnership cannot sit beneath itself or one of its own sub-partnerships.`,
      });
      break;
    }
  }
  return problems;
}

export interface ConsentAnswer {
  partnershipId: string;
  decision: Decision;
  round: number;
  recordedAt: Date | string;
}

export interface ConsentState {
  /** True when every affected partnership agreed (with or without conditions) in this round. */
  complete: boolean;
  agreed: string[];
  withConditions: string[];
  objected: string[];
  pending: string[];
}

/** Where agreement stands this round: each partnership's latest answer counts. */
export function consentState(
  affected: readonly string[],
  answers: readonly ConsentAnswer[],
  round: number,
): ConsentState {
  const latest = new Map<string, ConsentAnswer>();
  for (const a of answers) {
    if (a.round !== round) continue;
    const seen = latest.get(a.partnershipId);
    if (!seen || new Date(a.recordedAt).getTime() >= new Date(seen.recordedAt).getTime())
      latest.set(a.partnershipId, a);
  }
  const state: ConsentState = { complete: false, agreed: [], withConditions: [], objected: [], pending: [] };
  for (const id of affected) {
    const decision = latest.get(id)?.decision;
    if (decision === 'agree') state.agreed.push(id);
    else if (decision === 'conditions') state.withConditions.push(id);
    else if (decision === 'object') state.objected.push(id);
    else state.pending.push(id);
  }
  state.complete = affected.length > 0 && state.pending.length === 0 && state.objected.length === 0;
  return state;
}

export interface Readiness {
  ready: boolean;
  reasons: string[];
}

/** A plan already carried out, as an open plan's review needs it. */
export interface CarriedOutPlan {
  id: string;
  reference: string;
  title: string;
  carriedOutAt: Date;
  /** The partnerships it merged, nested, closed or re-layered. */
  affectedIds: readonly string[];
}

/** A carried-out plan that changed partnerships an open plan touches, after the open plan was last amended or reviewed. */
export interface ChangedSince extends CarriedOutPlan {
  /** The partnerships both plans touch. */
  sharedIds: string[];
}

/**
 * The carried-out plans that make an open plan stale: each touched one of its partnerships
 * after the open plan was last amended or confirmed. Until the plan is amended or confirmed,
 * it needs review and is not carried out.
 */
export function changedSince(
  reviewedAt: Date,
  affectedIds: readonly string[],
  carriedOut: readonly CarriedOutPlan[],
): ChangedSince[] {
  const mine = new Set(affectedIds);
  return carriedOut
    .filter((q) => q.carriedOutAt.getTime() > reviewedAt.getTime())
    .map((q) => ({ ...q, sharedIds: unique(q.affectedIds.filter((id) => mine.has(id))) }))
    .filter((q) => q.sharedIds.length > 0)
    .sort((a, b) => a.carriedOutAt.getTime() - b.carriedOutAt.getTime());
}

export interface ReadinessOptions {
  /** Carried-out plans that changed this plan's partnerships since it was last reviewed. */
  changed?: readonly ChangedSince[];
  /**
   * Where each broken rule is already shown beside its operation, and what changed since in a
   * warning (the plan page), the reasons point there instead of saying it all again.
   */
  shownOnPage?: boolean;
}

/** Whether a plan may be carried out today, and if not, every reason why not. */
export function readiness(
  plan: { status: string; effectiveOn: string },
  problems: readonly Problem[],
  consent: ConsentState,
  today: string,
  names: (id: string) => string,
  options: ReadinessOptions = {},
): Readiness {
  const reasons: string[] = [];
  if (plan.status !== 'open')
    reasons.push(`The plan is ${plan.status === 'carried-out' ? 'already carried out' : 'withdrawn'}`);
  const changed = options.changed ?? [];
  if (changed.length && options.shownOnPage)
    reasons.push(`Review the plan after ${changed.map((q) => q.reference).join(', ')}: see the warning above`);
  else
    for (const q of changed)
      reasons.push(
        `Review the plan: ${q.reference} was carried out on ${formatDate(q.carriedOutAt)} and changed ${q.sharedIds.map(names).join(', ')}. Amend the plan, or confirm it still stands`,
      );
  if (problems.length) reasons.push(ruleReason(problems, options.shownOnPage ?? false));
  if (consent.objected.length)
    reasons.push(`${consent.objected.map(names).join(', ')} objected: amend the plan and ask again`);
  if (consent.pending.length)
    reasons.push(`Still waiting for the agreement of ${consent.pending.map(names).join(', ')}`);
  if (plan.effectiveOn > today)
    reasons.push(`It takes effect on ${formatDate(plan.effectiveOn)}: it can be carried out from that date`);
  return { ready: reasons.length === 0, reasons };
}

function ruleReason(problems: readonly Problem[], shownByOperation: boolean): string {
  const count = problems.length === 1 ? 'a rule' : `${problems.length} rules`;
  const placed = problems.filter((p) => p.operation !== null);
  const unplaced = problems.filter((p) => p.operation === null);
  if (!shownByOperation || placed.length === 0)
    return `The plan breaks ${count}: ${problems.map((p) => p.message).join(' ')}`;
  const where = unique(placed.map((p) => String((p.operation ?? 0) + 1)));
  const operations = where.length === 1 ? `operation ${where[0]}` : `operations ${where.join(', ')}`;
  return `The plan breaks ${count}: see ${operations} below.${unplaced.map((p) => ` ${p.message}`).join('')}`;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
