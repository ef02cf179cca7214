/**
 * Who is making a change, for the audit trail. Until accounts arrive every web or API change
 * is made by an unsigned visitor; the CLI names itself.
 */
export interface Actor {
  id: string;
  label: string;
}

export const WEB_VISITOR: Actor = { id: 'web', label: 'Web visitor (not signed in)' };
export const cliActor = (command: string): Actor => ({ id: `cli:${command}`, label: `Command line (${command})` });
export const SYSTEM: Actor = { id: 'system', label: 'Joined Up' };
