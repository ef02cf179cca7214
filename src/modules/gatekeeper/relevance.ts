/**
 * The pre-check's list of open partnerships in the same theme and area, ranked by how much
 * each has to do with the proposal, each with the reasons it is listed. In a locality where
 * the proposal covers the whole area, every partnership sharing one theme qualified, and a
 * flat list of thirty-odd names told the proposer nothing. Pure: the service gathers the facts.
 */

export interface SameThemeCandidate {
  id: string;
  name: string;
  reference: string;
  /** Theme labels of the themes it shares with the proposal. */
  sharedThemes: string[];
  /** The proposed member organisations that hold a seat on it now. */
  sharedMembers: SeatedMember[];
  /** Areas (GSS codes) of the proposal it covers by name; empty when it covers the whole locality. */
  sharedAreas: string[];
  statutory: boolean;
  statutoryType: string | null;
  sameLayer: boolean;
  /** Already named above as a likely duplicate. */
  alsoSimilar: boolean;
}

export interface SameThemeEntry extends SameThemeCandidate {
  relevance: number;
  /** Why it is listed, in plain words, the strongest reason first. */
  reasons: string[];
}

export interface SeatedMember {
  name: string;
  /** How many open partnerships of the locality it sits on. */
  boards: number;
}

export interface ProposalOutline {
  themeCount: number;
  /** The proposed members, each with the number of open partnerships it sits on. */
  members: SeatedMember[];
  /** Open partnerships in the locality. */
  openPartnerships: number;
  layerLabel: string | null;
}

/** How many of the ranked list are shown before "show all". */
export const SAME_THEME_SHOWN = 5;

/**
 * Relevance: the share of the proposal's themes it shares and the share of the proposed
 * members who already sit on it count most (each up to 3); a statutory partnership, which
 * could take the work on as a sub-group, adds 1.5; naming the same areas adds 1, the same
 * layer 0.5. Members count by how distinctive they are: the council or the CVS sit on most
 * boards, so their seat says little; a member on few boards says much (inverse document
 * frequency, ln(1 + partnerships / boards it sits on)).
 */
export function rankSameThemeArea(candidates: SameThemeCandidate[], proposal: ProposalOutline): SameThemeEntry[] {
  return candidates
    .map((c) => ({ ...c, relevance: relevanceOf(c, proposal), reasons: reasonsFor(c, proposal) }))
    .sort((a, b) => b.relevance - a.relevance || a.name.localeCompare(b.name, 'en-GB'));
}

function relevanceOf(c: SameThemeCandidate, p: ProposalOutline): number {
  const themes = p.themeCount ? c.sharedThemes.length / p.themeCount : 0;
  const distinctiveness = (m: SeatedMember) => Math.log(1 + p.openPartnerships / Math.max(1, m.boards));
  const all = p.members.reduce((sum, m) => sum + distinctiveness(m), 0);
  const members = all ? c.sharedMembers.reduce((sum, m) => sum + distinctiveness(m), 0) / all : 0;
  return 3 * themes + 3 * members + (c.statutory ? 1.5 : 0) + (c.sharedAreas.length ? 1 : 0) + (c.sameLayer ? 0.5 : 0);
}

function reasonsFor(c: SameThemeCandidate, p: ProposalOutline): string[] {
  const reasons: string[] = [];
  if (c.sharedMembers.length)
    reasons.push(
      `${c.sharedMembers.length} of the ${p.members.length} proposed members already sit on it: ${listed(
        c.sharedMembers.map((m) => `${m.name} (on ${m.boards} ${m.boards === 1 ? 'board' : 'boards'})`),
      )}`,
    );
  reasons.push(
    p.themeCount > 1
      ? `Shares ${c.sharedThemes.length} of the proposal’s ${p.themeCount} themes: ${c.sharedThemes.join(', ')}`
      : `Shares its theme: ${c.sharedThemes.join(', ')}`,
  );
  if (c.statutory)
    reasons.push(
      `A statutory partnership${c.statutoryType ? ` (${c.statutoryType})` : ''}: it could take this on as a sub-group`,
    );
  reasons.push(
    c.sharedAreas.length ? `Covers the same areas: ${c.sharedAreas.join(', ')}` : 'Covers the whole locality',
  );
  if (c.sameLayer && p.layerLabel) reasons.push(`Works at the same layer (${p.layerLabel.toLowerCase()})`);
  if (c.alsoSimilar) reasons.push('Also named above as a partnership like this one');
  return reasons;
}

function listed(names: string[]): string {
  return names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
}
