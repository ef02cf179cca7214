/**
 * Knowledge base search at 10,000 published items: the median time of a whole search as the
 * page asks for it (the thesaurus read of the words, the ranked page of ten with snippets, and
 * the facet counts), for a set of everyday queries, on PGlite and (with TEST_DATABASE_URL) on
 * PostgreSQL. Two baselines are measured in the same run on the same database: a primary-key
 * read of one item (the floor: what any query costs on this machine now), and a plain
 * `ilike` scan of every body for one word (what search without an index would cost).
 *
 *   npm run bench:knowledge      (KNOWLEDGE_ITEMS=10000, KNOWLEDGE_RUNS=15)
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createServices } from '../src/services.js';
import { ISSUES, KINDS, NATIONS } from '../src/modules/knowledge/types.js';
import { readTokens } from '../src/modules/overlap/text.js';
import { matchConcepts } from '../src/modules/thesaurus/matcher.js';
import { SEED_REFERENCE } from '../src/modules/reference/data.js';
import { type Backend, openTestDatabase } from '../test/helpers/database.js';

const ITEMS = Number(process.env.KNOWLEDGE_ITEMS ?? 10_000);
const RUNS = Number(process.env.KNOWLEDGE_RUNS ?? 15);
const ONLY_PGLITE = process.env.KNOWLEDGE_PGLITE_ONLY === '1';
const QUERIES = [
  'pooled budget',
  'terms of reference',
  'merger of partnerships',
  'BID ballot',
  'community safety',
  'winding up',
  'scrutiny of health',
  'governance',
  'partnership',
];

/**
 * The library is written from a vocabulary of 6,000 made-up words drawn with a Zipf-like skew
 * (a few common, most rare), as real prose is, with three phrases of the domain in each item,
 * so a query matches a share of the library as it would in use. "partnership" is in every item:
 * the last query shows the worst case, a word that matches all 10,000.
 */
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'tu', 'ra', 'si', 'vo', 'pe', 'da', 'gu', 'fi', 'ho', 'ze', 'wy', 'bu'];
const VOCABULARY = Array.from({ length: 6_000 }, (_, n) => {
  let word = '';
  for (let rest = n + 17; rest > 0; rest = Math.floor(rest / SYLLABLES.length))
    word += SYLLABLES[rest % SYLLABLES.length];
  return `${word}x`;
});
const PHRASES = [
  'pooled budget',
  'section 75 agreement',
  'terms of reference',
  'exit strategy',
  'partnership merger',
  'business improvement district ballot',
  'community safety partnership',
  'health and wellbeing board',
  'overview and scrutiny',
  'accountable body',
  'company limited by guarantee',
  'community interest company',
  'performance framework',
  'outcome indicators',
  'voluntary sector representation',
  'joint committee',
  'lead commissioning',
  'winding up',
  'significant partnership',
  'governance checklist',
  'risk register',
  'funding ends',
  'neighbourhood renewal',
  'children and young people',
  'older people',
  'housing strategy',
  'youth offending',
  'safeguarding adults',
  'local resilience forum',
  'community engagement',
  'annual review',
  'cost of meetings',
  'conflict of interest',
  'data sharing',
  'joint complaints',
  'public accountability',
  'regeneration programme',
  'employment and skills',
  'drugs and alcohol',
  'domestic abuse',
];

const THEMES = SEED_REFERENCE.theme.map((t) => t.code);

/** A deterministic pseudo-random source, so every run searches the same library. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function text(next: () => number, words: number): string {
  return Array.from({ length: words }, () => VOCABULARY[Math.floor(VOCABULARY.length * next() ** 3)]).join(' ');
}

function phrases(next: () => number, count: number): string {
  return Array.from({ length: count }, () => PHRASES[Math.floor(next() * PHRASES.length)]).join('. ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function time(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function bench(backend: Backend): Promise<void> {
  const database = await openTestDatabase(backend);
  try {
    const services = createServices(database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
    await services.reference.ensureSeeded();
    await services.knowledge.ensureStarterLibrary();
    const next = random(42);
    const loadStarted = performance.now();
    for (let start = 0; start < ITEMS; start += 1_000) {
      const count = Math.min(1_000, ITEMS - start);
      const rows = Array.from({ length: count }, (_, i) => {
        const n = start + i;
        const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
        return {
          id: crypto.randomUUID(),
          slug: `bench-item-${n}`,
          kind: pick(KINDS),
          title: `${text(next, 5)} ${next() < 0.3 ? PHRASES[Math.floor(next() * PHRASES.length)] : ''} ${n}`,
          summary: `${text(next, 20)} ${phrases(next, 1)}`,
          body: `${text(next, 120)}. ${phrases(next, 2)}. A partnership ${text(next, 120)}.`,
          themes: `{${pick(THEMES)},${pick(THEMES)}}`,
          issues: `{${pick(ISSUES)}}`,
          nations: `{${pick(NATIONS)}}`,
        };
      });
      const read = [];
      for (const r of rows) read.push(await services.knowledge.readConcepts(r));
      const concepts = read.map((c) => `{${c.all.join(',')}}`);
      const titleConcepts = read.map((c) => `{${c.title.join(',')}}`);
      const version = read[0]!.version;
      const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
      await sql`
        with input as (
          select * from unnest(${column('id')}::uuid[], ${column('slug')}::text[], ${column('kind')}::text[],
            ${column('title')}::text[], ${column('summary')}::text[], ${column('body')}::text[],
            ${column('themes')}::text[], ${column('issues')}::text[], ${column('nations')}::text[],
            ${concepts}::text[], ${titleConcepts}::text[])
            as t(id, slug, kind, title, summary, body, themes, issues, nations, concepts, title_concepts)
        ), items as (
          insert into knowledge_items (id, slug, state, kind, title, summary, body, themes, issues, nations,
            author_name, published_version, first_published_at)
          select id, slug, 'published', kind, title, summary, body, themes::text[], issues::text[], nations::text[],
            'Benchmark', 1, now() from input
          returning id
        )
        insert into knowledge_search (item_id, slug, kind, title, summary, body_text, published_at, themes, issues,
          nations, document, head, concepts, title_concepts, thesaurus_version)
        select t.id, slug, kind, title, summary, body, now(), themes::text[], issues::text[], nations::text[],
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
            || setweight(to_tsvector('english', body), 'D'),
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B'),
          concepts::text[], title_concepts::text[], ${version}
        from input t join items using (id)
      `.execute(database.db);
    }
    await sql`analyze knowledge_search`.execute(database.db);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const total = (await services.knowledge.search({})).total;

    const searches: Array<[string, number, number]> = [];
    for (const q of QUERIES) {
      const found = (await services.knowledge.search({ q })).total;
      searches.push([q, await time(() => services.knowledge.search({ q })), found]);
    }
    const plain: number[] = [];
    for (const q of QUERIES)
      plain.push(
        await time(() =>
          services.knowledge.repository.search(database.db, {
            q,
            synonyms: [],
            concepts: [],
            filters: {},
            limit: 10,
            offset: 0,
          }),
        ),
      );
    const unhighlighted: number[] = [];
    for (const q of QUERIES) {
      const { ids } = await services.knowledge.synonymsFor(q);
      unhighlighted.push(
        await time(() =>
          services.knowledge.repository.search(database.db, {
            q,
            synonyms: [],
            concepts: ids,
            filters: {},
            limit: 10,
            offset: 0,
          }),
        ),
      );
    }
    const thesaurusRead = await time(async () => {
      const { thesaurus } = await services.thesaurus.current();
      for (const q of QUERIES) matchConcepts(thesaurus, readTokens(q));
    });
    const filtered = await time(() =>
      services.knowledge.search({ q: 'pooled budget', kind: 'guidance', nation: 'england' }),
    );
    const all = searches.map(([, ms]) => ms);
    const overall = median(all);
    const pkRead = await time(() =>
      database.db.selectFrom('knowledge_items').selectAll().where('slug', '=', 'bench-item-5000').executeTakeFirst(),
    );
    const scan = await time(() =>
      sql`select item_id from knowledge_search where body_text ilike ${'%merger%'} limit 10`.execute(database.db),
    );

    console.log(
      `\n${backend}: ${total} published items (loaded in ${loadSeconds.toFixed(1)} s), median of ${RUNS} runs`,
    );
    for (const [q, ms, found] of searches)
      console.log(`  search "${q}"`.padEnd(34) + `${ms.toFixed(1).padStart(7)} ms  (${found} found)`);
    console.log(`  with type and nation filters`.padEnd(34) + `${filtered.toFixed(1).padStart(7)} ms`);
    console.log(`  median over the queries`.padEnd(34) + `${overall.toFixed(1).padStart(7)} ms  (target ≤ 30 ms)`);
    console.log(`  the same, words only (no synonyms)`.padEnd(34) + `${median(plain).toFixed(1).padStart(7)} ms`);
    console.log(
      `  synonyms, snippets not marking them`.padEnd(34) + `${median(unhighlighted).toFixed(1).padStart(7)} ms`,
    );
    console.log(`  reading all queries' words`.padEnd(34) + `${thesaurusRead.toFixed(1).padStart(7)} ms  (thesaurus)`);
    console.log(
      `  baseline: primary-key read`.padEnd(34) +
        `${pkRead.toFixed(2).padStart(7)} ms  (search is ${(overall / pkRead).toFixed(0)}×)`,
    );
    console.log(
      `  baseline: ilike scan of bodies`.padEnd(34) +
        `${scan.toFixed(1).padStart(7)} ms  (search is ${(overall / scan).toFixed(2)}×)`,
    );
  } finally {
    await database.destroy();
  }
}

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
await bench('pglite');
if (process.env.TEST_DATABASE_URL && !ONLY_PGLITE) await bench('postgres');
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end`,
);
