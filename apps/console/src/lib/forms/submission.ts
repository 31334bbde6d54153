import { fieldProblemsOf } from '@chorus/api-client';

/** What a form shows after the API refused it: problems by field, and a message for the rest. */
export interface Refusal {
  readonly fields: Record<string, string>;
  readonly message: string | null;
}

export const NO_REFUSAL: Refusal = { fields: {}, message: null };

/** A refused call's body as the form shows it: field-level 400s next to their fields, anything else on top. */
export function refusalOf(body: unknown): Refusal {
  const fields = fieldProblemsOf(body);
  const message = (body as { message?: unknown } | null | undefined)?.message;
  return {
    fields,
    message: Object.keys(fields).length > 0 ? null : typeof message === 'string' ? message : null,
  };
}
