import { Query } from '@nestjs/cqrs';
import type { OutboxMail } from '../../ports/mail-sender.port.js';

/** The mail in the outbox the member may see (ADR 0018), newest first. */
export class ListOutboxMailQuery extends Query<OutboxMail[]> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly limit: number,
    /** How they signed in: the password (session, sign-in token), a named API token, or a scoped one. */
    readonly credential: 'password' | 'api-token' | 'scoped-api-token',
  ) {
    super();
  }
}
