/**
 * A match explained in plain words, the way an officer would say it: what work both describe
 * (and in which words), which members they share and how telling those are, and what the
 * evidence rests on when a purpose is too short to say much. Pure: pages, the pre-check and the
 * API show these sentences beside the figures.
 */
import type { MatchExplanation, SharedFeature } from './types.js';

export interface DescribeOptions {
  /** An organisation's name from its id. */
  nameOf: (organisationId: string) => string;
}

/** A member on at least this share of the scope's boards is one of "the partners on most boards". */
export const UBIQUITOUS_SHARE = 0.5;
/** Text or member evidence with a confidence under this rests on too little to say much. */
const THIN = 0.5;
const MAX_LISTED = 5;

function quoted(text: string): string {
  return `‘${text}’`;
}

function list(items: readonly string[], max = MAX_LISTED): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  const body = shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : body;
}

function conceptSentence(f: SharedFeature): string {
  if (f.writtenA === f.writtenB) return `both name ${f.label.toLowerCase()} (${quoted(f.writtenA)})`;
  return `${quoted(f.writtenA)} ~ ${quoted(f.writtenB)} (thesaurus: ${f.label.toLowerCase()})`;
}

function textSentences(m: MatchExplanation): string[] {
  const sentences: string[] = [];
  const same = m.sharedFeatures.filter((f) => f.kind === 'concept' && f.removes === 0);
  const broader = m.sharedFeatures.filter((f) => f.kind === 'concept' && f.removes > 0);
  const words = m.sharedFeatures.filter((f) => f.kind === 'word');
  const ages = m.sharedFeatures.filter((f) => f.kind === 'age');
  const indicators = m.sharedFeatures.filter((f) => f.kind === 'indicator');
  const focus = m.focusKey ? m.sharedFeatures.find((f) => f.key === m.focusKey) : undefined;
  if (same.length > 0) sentences.push(`Both describe the same work: ${list(same.map(conceptSentence), 4)}.`);
  if (focus)
    sentences.push(
      `Both are mainly about ${focus.label.toLowerCase()}, so they count as alike however differently the rest is worded.`,
    );
  if (indicators.length > 0) sentences.push(`Both cite ${list(indicators.map((f) => f.label))}.`);
  if (words.length > 0)
    sentences.push(
      `Shared words: ${list(
        words.map((f) => quoted(f.writtenA)),
        6,
      )}.`,
    );
  if (ages.length > 0) sentences.push(`Both serve ${list(ages.map((f) => f.label))}.`);
  if (broader.length > 0)
    sentences.push(
      `Related work under the same heading, which counts for less: ${list(
        broader.map((f) => f.label.toLowerCase()),
        3,
      )}.`,
    );
  if (sentences.length === 0 && m.textConfidence >= THIN)
    sentences.push('Their names and purposes have nothing in common.');
  return sentences;
}

function memberSentences(m: MatchExplanation, nameOf: (id: string) => string): string[] {
  const specialist = m.sharedMembers.filter((s) => s.boardShare < UBIQUITOUS_SHARE);
  const common = m.sharedMembers.filter((s) => s.boardShare >= UBIQUITOUS_SHARE);
  const sentences: string[] = [];
  if (m.members >= 0.95 && m.sharedMembers.length >= 3)
    sentences.push(`Their boards are the same: all ${m.sharedMembers.length} member organisations sit on both.`);
  else if (specialist.length > 0)
    sentences.push(
      `They share ${specialist.length} specialist ${specialist.length === 1 ? 'member' : 'members'}: ${list(specialist.map((s) => nameOf(s.id)))}.`,
    );
  if (common.length > 0)
    sentences.push(
      `${common.length === 1 ? 'One of the partners' : `The ${common.length} partners`} on most boards (${list(
        common.map((s) => nameOf(s.id)),
        3,
      )}) ${common.length === 1 ? 'counts' : 'count'} for little.`,
    );
  if (m.sharedMembers.length === 0) sentences.push('They share no members.');
  return sentences;
}

/** The explanation of a match as sentences, most telling first. */
export function explanationSentences(m: MatchExplanation, options: DescribeOptions): string[] {
  const sentences = [...textSentences(m), ...memberSentences(m, options.nameOf)];
  if (m.differentPlaces)
    sentences.unshift(
      `They look like the same kind of body for different places (${m.differentPlaces}): that is usually the pattern working, not duplication, so it counts for little.`,
    );
  if (m.nested)
    sentences.push(
      'One is a sub-group of the other: the nesting accounts for some of what they share, so it counts for less.',
    );
  if (m.templateLeftOut)
    sentences.push(
      'Both use the register’s standard wording, which three or more of its purposes repeat: it is left out, so only what each says of its own work is compared.',
    );
  if (m.textConfidence < THIN)
    sentences.push('One of the two says little about its purpose, so the judgement rests more on who sits on them.');
  if (m.tier === 'likely' && m.score < m.settings.likely)
    sentences.push(
      'They are each other’s closest match, so at this strength they are likely the same work: partnerships doing the same work usually are, however differently they are worded.',
    );
  return sentences;
}
