import type { ContentProblem } from '../content.errors.js';

/**
 * A person at the client whom an admin allows to receive approval links. Links go only to these addresses, by
 * e-mail: a writer asks for a link but never holds it (docs/adr/0022).
 */
export interface ClientContact {
  readonly email: string;
  readonly name: string;
}

export const MAX_CLIENT_CONTACTS = 20;

/** Addresses compare without case: "Maria@Acme.example" is the contact "maria@acme.example". */
export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The rules a contact list keeps, each broken one named on its field (`items.1.email`). */
export function clientContactProblems(contacts: readonly ClientContact[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (contacts.length > MAX_CLIENT_CONTACTS) {
    problems.push({
      field: 'items',
      problem: `at most ${MAX_CLIENT_CONTACTS} contacts, not ${contacts.length}`,
    });
  }
  contacts.forEach((contact, i) => {
    if (contacts.findIndex((other) => sameAddress(other.email, contact.email)) !== i) {
      problems.push({ field: `items.${i}.email`, problem: `${contact.email} is listed twice` });
    }
  });
  return problems;
}
