import { z } from 'zod';
import { optionalText, requiredText } from '../../core/validation.js';
import { REFERENCE_LIST_NAMES } from './data.js';

export const referenceListName = z.enum(REFERENCE_LIST_NAMES as [string, ...string[]], {
  error: 'Choose a reference list',
});

export const referenceItemInput = z.object({
  code: z
    .string({ error: 'Enter a code' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, {
      message: 'Code must be 2 to 60 lower-case letters, digits or hyphens, like community-safety',
    }),
  label: requiredText(200, 'Enter a label', 'Label'),
  detail: optionalText(500, 'Detail'),
  sortOrder: z.number({ error: 'Sort order must be a whole number' }).int().min(0).max(100000).optional(),
});

export const referenceItemUpdate = referenceItemInput.omit({ code: true }).extend({
  active: z.boolean().optional(),
});

export const referenceItemOutput = z.object({
  id: z.uuid(),
  list: z.string(),
  code: z.string(),
  label: z.string(),
  detail: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});

export type ReferenceItemInput = z.infer<typeof referenceItemInput>;
export type ReferenceItemUpdate = z.infer<typeof referenceItemUpdate>;
