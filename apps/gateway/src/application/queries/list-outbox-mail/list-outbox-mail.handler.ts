import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MAIL_OUTBOX_READER } from '../../../gateway.tokens.js';
import type { MailOutboxReader, OutboxMail } from '../../ports/mail-sender.port.js';
import { ListOutboxMailQuery } from './list-outbox-mail.query.js';

@QueryHandler(ListOutboxMailQuery)
export class ListOutboxMailHandler implements IQueryHandler<ListOutboxMailQuery> {
  constructor(@Inject(MAIL_OUTBOX_READER) private readonly outbox: MailOutboxReader) {}

  execute(query: ListOutboxMailQuery): Promise<OutboxMail[]> {
    return this.outbox.list(query.tenantId, query.limit);
  }
}
