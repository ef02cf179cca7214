import { describe, expect, it } from 'vitest';
import { compileThesaurus } from '../thesaurus/matcher.js';
import { DEFAULT_THESAURUS } from '../thesaurus/default/index.js';
import { buildIndex, mergeParts, placeWords, readFeatures, readScopeSteps, TextReader } from './features.js';
import { generateNational } from './generate.js';
import { nameShape } from './places.js';
import { runToEnd } from './steps.js';

const thesaurus = compileThesaurus(DEFAULT_THESAURUS);

describe('reading each distinct text once', () => {
  it('reads every partnership of several localities as reading it on its own would', () => {
    const data = generateNational({ partnerships: 600, organisations: 240, localities: 4, seed: 7 });
    const names = new Map(data.localities.map((l) => [l.id, l.name]));
    const reader = new TextReader();
    let repeated = 0;
    const seen = new Set<string>();
    for (const locality of data.localities) {
      const records = data.partnerships.filter((p) => p.localityId === locality.id);
      const context = { thesaurus, stopWords: placeWords(names.get(locality.id) ?? '') };
      const shared = runToEnd(readScopeSteps(records, context, reader));
      // The index weighs the parts as it would weigh the whole texts.
      const whole = { ...shared, texts: shared.texts.map((parts) => [mergeParts(parts)]) };
      const [fromParts, fromWhole] = [buildIndex(records, context, shared), buildIndex(records, context, whole)];
      expect(fromParts.text).toEqual(fromWhole.text);
      expect(fromParts.textInformation).toEqual(fromWhole.textInformation);
      expect([...fromParts.textOrdinal]).toEqual([...fromWhole.textOrdinal]);
      records.forEach((record, i) => {
        if (seen.has(record.purpose)) repeated++;
        seen.add(record.purpose);
        expect(shared.names[i]).toEqual(nameShape(record.name, thesaurus, context.stopWords));
        const alone = readFeatures(record.name, record.purpose, shared.textContext);
        const merged = mergeParts(shared.texts[i]!);
        expect(merged).toEqual(alone);
        // In the same order too: the index numbers features in the order they are read.
        expect([...merged.multipliers.keys()]).toEqual([...alone.multipliers.keys()]);
      });
    }
    // The check means something only if texts do repeat across the localities.
    expect(repeated).toBeGreaterThan(50);
  });

  it('reads a text again where one of its words is a stop word in this scope and not in another', () => {
    const reader = new TextReader();
    const purpose = 'Domestic abuse services across Kingsbury';
    const elsewhere = reader.read('Safer Group', purpose, { thesaurus, stopWords: placeWords('Westmarsh') });
    const here = reader.read('Safer Group', purpose, { thesaurus, stopWords: placeWords('Kingsbury') });
    expect(elsewhere.multipliers.has('w:kingsburi')).toBe(true);
    expect(here.multipliers.has('w:kingsburi')).toBe(false);
    expect(here).toEqual(readFeatures('Safer Group', purpose, { thesaurus, stopWords: placeWords('Kingsbury') }));
  });
});

describe('words that name a concept only for the ages the text names', () => {
  const concepts = (text: string) =>
    [...readFeatures('', text, { thesaurus }).multipliers.keys()].filter((k) => k.startsWith('c:'));

  it('reads pregnancy among girls aged 15-17 as teenage pregnancy, and among adults as not', () => {
    expect(concepts('Fewer girls aged 15-17 getting pregnant')).toContain('c:teenage-pregnancy');
    expect(concepts('Support for women aged 25-40 who are pregnant')).not.toContain('c:teenage-pregnancy');
    expect(concepts('Advice for anyone who is pregnant')).not.toContain('c:teenage-pregnancy');
  });

  it('takes the ages from an age group the text names as well as from numbers', () => {
    expect(concepts('Keep older people upright: follow-up after a tumble')).toContain('c:falls-prevention');
    expect(concepts('Help for working-age adults after a tumble')).not.toContain('c:falls-prevention');
    expect(concepts('Children living in poverty in the borough')).toContain('c:child-poverty');
  });
});

describe('what a text says about when, and the numbers of indicators', () => {
  const read = (text: string) => readFeatures('', text, { thesaurus, indicatorTitles: titles }).multipliers;
  const titles = new Map([['117', '16 to 18 year olds who are not in education, employment or training (NEET)']]);

  it('does not count months, days and units of time as what a partnership does', () => {
    const keys = [...read('150 into work by March 2008; 5x30 min a week; monthly drop-ins').keys()];
    for (const timeWord of ['w:march', 'w:min', 'w:week', 'w:month', 'w:monthli']) expect(keys).not.toContain(timeWord);
    expect(keys.some((k) => k.startsWith('c:') || k === 'w:drop')).toBe(true);
  });

  it('counts a cited indicator mostly through the concepts its title names', () => {
    const cited = read('Cut 16-18 NEET % (NI117)');
    const described = read('Cut 16-18 NEET %');
    expect(cited.get('c:neet')).toBe(described.get('c:neet'));
    // The number is a second way of saying the title: it adds a little, not a concept's worth.
    expect(cited.get('n:117')).toBeLessThan(0.5);
    // With no concept in its title, the number is all the text says of it, and counts in full.
    expect(
      readFeatures('', 'Performance against NI 999', { thesaurus, indicatorTitles: titles }).multipliers.get('n:999'),
    ).toBe(1);
  });
});
