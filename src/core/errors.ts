import type { ZodError } from 'zod';

/** One problem with one input field, in words a user can act on. */
export interface FieldError {
  /** The field's name as the form and the JSON body call it (dotted for nested fields). */
  field: string;
  message: string;
}

/** Input that breaks a schema or a rule. Pages show an error summary; the API answers 422. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'ValidationError';
  }

  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** Someone else changed the record since it was read: the second writer is told, nothing is lost. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : 'body';
    const top = field.split('.')[0] ?? field;
    if (seen.has(top)) continue;
    seen.add(top);
    errors.push({ field: top === field ? field : top, message: issue.message });
  }
  return errors;
}

/** No one is signed in, and the action needs someone to be. Pages send the visitor to sign in. */
export class UnauthenticatedError extends Error {
  constructor(message = 'Sign in to do this') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Signed in, allowed to see the record, but not to do this to it. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}
