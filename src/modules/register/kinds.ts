/** The kinds of local authority a locality can be (no zod here: the command line's help reads it). */
export const LOCALITY_KINDS = ['county', 'district', 'unitary', 'metropolitan', 'london-borough'] as const;
