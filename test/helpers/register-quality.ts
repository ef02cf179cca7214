/**
 * Overlap quality on a benchmark register, through the product's real paths: the register is
 * imported (with its own mapping, or the one the product suggests), analysed by the overlap
 * service, and what it flags scored against the register's known answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cliActor, SYSTEM } from '../../src/core/actor.js';
import { parseMapping } from '../../src/modules/exchange/mapping.js';
import {
  pairKey,
  scoreAgainstTruth,
  scorePrecheck,
  truthFile,
  type QualityScore,
  type Truth,
} from '../../src/modules/overlap/quality.js';
import type { TestContext } from './context.js';

const FILES = ['organisations.csv', 'partnerships.csv', 'memberships.csv'];

export function registerTruth(dir: string): Truth {
  return truthFile.parse(JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')));
}

/** Imports the register in `dir` as a new locality `code`: with `mappingFile`, else as the product suggests. */
export async function importRegister(ctx: TestContext, dir: string, code: string, mappingFile?: string) {
  const files = FILES.map((name) => ({ name, content: fs.readFileSync(path.join(dir, name)) }));
  const mapping = mappingFile
    ? parseMapping(JSON.parse(fs.readFileSync(mappingFile, 'utf8')))
    : (await ctx.services.exchange.suggestMapping(files)).mapping;
  const title = path.basename(dir).replace(/^./, (c) => c.toUpperCase());
  await ctx.services.exchange.importFiles(cliActor('import'), code, files, {
    mapping,
    createLocality: { name: title, kind: 'district', region: 'East of England' },
  });
}

export interface RegisterQuality {
  likely: QualityScore;
  /** Share of the groups' members, put as a proposal with no members, with a group-mate in the pre-check's top three. */
  precheckTop3: number;
  proposals: number;
}

/** What the overlap service flags "likely the same work" in locality `code`, scored against `truth`. */
export async function registerQuality(ctx: TestContext, code: string, truth: Truth): Promise<RegisterQuality> {
  const result = await ctx.services.overlap.analyse(SYSTEM, code);
  const list = await ctx.services.register.listPartnerships(SYSTEM, code, { pageSize: 500 });
  const idOf = new Map(list.items.map((p) => [p.reference, p.id]));
  const refOf = new Map(list.items.map((p) => [p.id, p.reference]));
  const ref = (id: string) => refOf.get(id) ?? id;
  const likely = result.analysis.pairs.filter((p) => p.tier === 'likely').map((p) => pairKey(ref(p.aId), ref(p.bId)));
  const groups = result.analysis.clusters.map((c) => c.partnershipIds.map(ref));
  const precheck = scorePrecheck(
    truth,
    result.analysis.indexOf(result.locality.id)!,
    result.analysis.settings[result.locality.id]!,
    (member) => result.records.get(idOf.get(member) ?? ''),
    ref,
  );
  return {
    likely: scoreAgainstTruth(likely, groups, truth),
    precheckTop3: precheck.top3 / Math.max(1, precheck.proposals),
    proposals: precheck.proposals,
  };
}
