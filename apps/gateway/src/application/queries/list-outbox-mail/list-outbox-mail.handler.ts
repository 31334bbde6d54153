import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNT_REPOSITORY, AGENCY_ROLES, MAIL_OUTBOX_READER } from '../../../gateway.tokens.js';
import { loadMember, type AccountRepository } from '../../ports/account-repository.port.js';
import type { AgencyRoles } from '../../ports/agency-roles.port.js';
import type { MailOutboxReader, OutboxMail } from '../../ports/mail-sender.port.js';
import { ListOutboxMailQuery } from './list-outbox-mail.query.js';

/**
 * Their own mail in full (signed in with the password only: a token holder who could read a reset link would
 * take the account over); an agency owner or admin also sees that others' mail went out, not its body.
 */
@QueryHandler(ListOutboxMailQuery)
export class ListOutboxMailHandler implements IQueryHandler<ListOutboxMailQuery> {
  constructor(
    @Inject(MAIL_OUTBOX_READER) private readonly outbox: MailOutboxReader,
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(AGENCY_ROLES) private readonly agencyRoles: AgencyRoles,
  ) {}

  async execute(query: ListOutboxMailQuery): Promise<OutboxMail[]> {
    const member = await loadMember(this.accounts, query.tenantId, query.memberId);
    const role = await this.agencyRoles.roleOf(query.tenantId, {
      memberId: query.memberId,
      scopedCredential: query.credential === 'scoped-api-token',
    });
    return this.outbox.list(
      query.tenantId,
      {
        email: member.snapshot().email,
        agencyWide: role !== null,
        readsText: query.credential === 'password',
      },
      query.limit,
    );
  }
}
