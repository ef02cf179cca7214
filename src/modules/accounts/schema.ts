import { z } from 'zod';
import { requiredText } from '../../core/validation.js';

const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, { message: 'Enter an email address' })
  .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.org' }));

/** NCSC guidance: long passphrases beat complexity rules; 12 characters at least, 200 at most. */
export const newPassword = z
  .string({ error: 'Enter a new password' })
  .min(12, { message: 'Password must be 12 characters or more' })
  .max(200, { message: 'Password must be 200 characters or fewer' });

export const signInInput = z.object({
  email,
  password: z.string({ error: 'Enter your password' }).min(1, { message: 'Enter your password' }),
});

export const forgotPasswordInput = z.object({ email });

export const resetPasswordInput = z
  .object({ password: newPassword, confirmPassword: z.string({ error: 'Confirm your new password' }) })
  .refine((v) => v.password === v.confirmPassword, {
    message: 'The passwords do not match',
    path: ['confirmPassword'],
  });

export const LOCALITY_ROLES = [
  'partner-representative',
  'partnership-secretary',
  'locality-admin',
  'locality-gatekeeper',
  'scrutiny-member',
  'knowledge-editor',
  'bid-scrutineer',
  'partnership-chair',
  'local-stakeholder',
] as const;

export const inviteInput = z.object({
  email,
  name: requiredText(200, 'Enter their name', 'Name'),
  role: z.enum(LOCALITY_ROLES, { error: 'Choose a role' }),
  partnershipId: z.uuid({ message: 'Choose the partnership they administer' }).optional(),
  organisationId: z.uuid({ message: 'Choose the organisation they represent' }).optional(),
});

export const apiTokenInput = z.object({
  name: requiredText(100, 'Enter a name for the token, like “Nightly performance feed”', 'Name'),
  scope: z.enum(['read', 'write'], { error: 'Choose what the token may do' }),
});

export const newUserInput = z.object({
  email,
  name: requiredText(200, 'Enter the name', 'Name'),
  password: newPassword.optional(),
});
