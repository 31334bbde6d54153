import { Query } from '@nestjs/cqrs';
import type { OutboxMail } from '../../ports/mail-sender.port.js';

/** The agency's mail in the embedded outbox, newest first. */
export class ListOutboxMailQuery extends Query<OutboxMail[]> {
  constructor(
    readonly tenantId: string,
    readonly limit: number,
  ) {
    super();
  }
}
