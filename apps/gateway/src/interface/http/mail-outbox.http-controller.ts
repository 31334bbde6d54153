import { Controller, Get, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  AuthenticatedEndpoint,
  BadRequestDoc,
  QuerySchema,
  ResponseSchema,
  ValidQuery,
  type RequestWithMember,
} from '@chorus/service-kit';
import { isPasswordCredential, isScopedCredential } from './credential-owner.mapper.js';
import { ListOutboxMailQuery } from '../../application/queries/list-outbox-mail/list-outbox-mail.query.js';
import { MailOutboxQuery, MailOutboxResponse } from './dto/mail-outbox.dto.js';

/**
 * The outbox of an install without SMTP: the mail addressed to the signed-in member. A member locked out reads
 * their reset mail on the machine instead (`chorus mail`), never through another member's page (ADR 0018).
 */
@ApiTags('mail')
@Controller('api/mail-outbox')
export class MailOutboxHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AuthenticatedEndpoint()
  @ApiOperation({
    summary:
      'Your mail kept by the outbox (no SMTP configured), newest first; an agency owner or admin also sees ' +
      "that others' mail went out, without its text. Text only when signed in with the password, never " +
      'through an API token',
  })
  @QuerySchema(MailOutboxQuery)
  @ResponseSchema(200, MailOutboxResponse, 'The mail')
  @BadRequestDoc()
  async list(
    @ValidQuery(MailOutboxQuery) query: MailOutboxQuery,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof MailOutboxResponse>> {
    const member = request.member!; // set by the edge guard on every authenticated route
    const mail = await this.queries.execute(
      new ListOutboxMailQuery(
        member.tenantId,
        member.userId,
        query.limit,
        isScopedCredential(request)
          ? 'scoped-api-token'
          : isPasswordCredential(request)
            ? 'password'
            : 'api-token',
      ),
    );
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
