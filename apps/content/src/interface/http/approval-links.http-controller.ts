import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  BadRequestDoc,
  BodySchema,
  PublicEndpoint,
  ResponseSchema,
  QuerySchema,
  ValidBody,
  ValidQuery,
} from '@chorus/service-kit';
import { DecideByApprovalLinkCommand } from '../../application/commands/decide-by-approval-link/decide-by-approval-link.command.js';
import { GetApprovalLinkQuery } from '../../application/queries/get-approval-link/get-approval-link.query.js';
import {
  ApprovalLinkViewDto,
  LinkDecisionBody,
  LinkDecisionResultDto,
  toVersionContentDto,
} from './dto/approval.dto.js';

// In the query string and the body, not the path: a token is longer than a path segment may be (Fastify's
// 100-character limit), and the whole link is a URL anyway.
const TokenQuery = z.strictObject({
  token: z.string().min(10).max(2000).describe('The token the link carries'),
});

/**
 * The client approver's side, without an account: the signed link is the credential (HMAC over the post,
 * version, step and expiry; single use). Public on purpose (docs/adr/0022).
 */
@ApiTags('approval links')
@Controller('approval-link')
export class ApprovalLinksHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @PublicEndpoint()
  @ApiOperation({
    summary: 'What an approval link shows: the post and its variants, read-only',
    description: '403 for a forged link; 410 for an expired or used one, or when the post changed since.',
  })
  @QuerySchema(TokenQuery)
  @ResponseSchema(200, ApprovalLinkViewDto, 'The post to approve')
  @ApiForbiddenResponse({ description: 'Not a valid link' })
  @ApiGoneResponse({ description: 'Expired, used, or superseded by a change of the post' })
  async open(
    @ValidQuery(TokenQuery) query: z.infer<typeof TokenQuery>,
  ): Promise<z.infer<typeof ApprovalLinkViewDto>> {
    const view = await this.queries.execute(new GetApprovalLinkQuery(query.token, new Date()));
    return {
      postId: view.link.postId,
      step: view.link.step,
      totalSteps: view.approval.steps.length,
      version: view.link.version,
      recipient: view.link.recipient,
      expiresAt: view.link.expiresAt.toISOString(),
      content: toVersionContentDto(view.content),
    };
  }

  @Post('decision')
  @HttpCode(200)
  @PublicEndpoint()
  @ApiOperation({
    summary: 'Approve or reject through the link (once)',
    description: 'A rejection needs a comment. The link cannot be used again, whatever the decision.',
  })
  @BodySchema(LinkDecisionBody)
  @ResponseSchema(200, LinkDecisionResultDto, "The post's approval status after the decision")
  @BadRequestDoc()
  @ApiForbiddenResponse({ description: 'Not a valid link' })
  @ApiGoneResponse({ description: 'Expired, used, or superseded by a change of the post' })
  async decide(
    @ValidBody(LinkDecisionBody) body: LinkDecisionBody,
  ): Promise<z.infer<typeof LinkDecisionResultDto>> {
    const approval = await this.commands.execute(
      new DecideByApprovalLinkCommand({ token: body.token, decision: body.decision, comment: body.comment }),
    );
    return { status: approval.status, decision: body.decision };
  }
}
