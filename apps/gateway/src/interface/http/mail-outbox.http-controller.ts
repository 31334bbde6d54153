import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  CurrentIdentity,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidQuery,
} from '@chorus/service-kit';
import { ListOutboxMailQuery } from '../../application/queries/list-outbox-mail/list-outbox-mail.query.js';
import { MailOutboxQuery, MailOutboxResponse } from './dto/mail-outbox.dto.js';

/** The embedded install's mail: what would have been e-mailed to the agency's members. */
@ApiTags('mail')
@Controller('api/mail-outbox')
export class MailOutboxHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequirePermission('member:manage')
  @ApiOperation({ summary: "The agency's outgoing mail kept by the embedded mail sender, newest first" })
  @QuerySchema(MailOutboxQuery)
  @ResponseSchema(200, MailOutboxResponse, 'The mail')
  @BadRequestDoc()
  async list(
    @ValidQuery(MailOutboxQuery) query: MailOutboxQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<z.infer<typeof MailOutboxResponse>> {
    const mail = await this.queries.execute(new ListOutboxMailQuery(identity.tenantId, query.limit));
    return {
      items: mail.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        createdAt: m.createdAt.toISOString(),
      })),
    };
  }
}
