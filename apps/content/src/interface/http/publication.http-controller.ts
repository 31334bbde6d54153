import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidParam,
} from '@chorus/service-kit';
import { ResolvePublicationReviewCommand } from '../../application/commands/resolve-publication-review/resolve-publication-review.command.js';
import { RetryPublicationCommand } from '../../application/commands/retry-publication/retry-publication.command.js';
import { GetPublicationQuery } from '../../application/queries/get-publication/get-publication.query.js';
import {
  PublicationDto,
  PublicationTargetDto,
  ReviewBody,
  toPublicationTargetDto,
} from './dto/publication.dto.js';

type TargetDto = z.infer<typeof PublicationTargetDto>;

@ApiTags('publishing')
@Controller('posts/:postId')
export class PublicationHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('publication')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'Where the post stands on each channel',
    description:
      'scheduled, waiting (with the reason and when it will go), held (publishing paused), publishing, ' +
      'published (with its URL), failed (why, and what to do), needs review.',
  })
  @ResponseSchema(200, PublicationDto, "The post's targets")
  @NotFoundDoc('post')
  async publication(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof PublicationDto>> {
    const views = await this.queries.execute(
      new GetPublicationQuery(identity.tenantId, identity.workspaceId, postId),
    );
    return { postId, targets: views.map(toPublicationTargetDto) };
  }

  @Post('targets/:targetId/retry')
  @HttpCode(200)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Retry a failed target',
    description:
      'From failed, or from needs review when a person checked that the post is not on the network. ' +
      '409 for a published target (the message gives its URL) or one still on its way.',
  })
  @ResponseSchema(200, PublicationTargetDto, 'The target, scheduled again for now')
  @NotFoundDoc('target')
  @ApiConflictResponse({ description: 'Already published (with its URL), or not failed' })
  async retry(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidParam('targetId', z.uuid()) targetId: string,
  ): Promise<TargetDto> {
    return toPublicationTargetDto(
      await this.commands.execute(
        new RetryPublicationCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          postId,
          targetId,
        }),
      ),
    );
  }

  @Post('targets/:targetId/review')
  @HttpCode(200)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Settle a target that needs review',
    description:
      '`{ "outcome": "published", "url" }`: it is on the network at that link (PostPublished is emitted); ' +
      '`{ "outcome": "not-published" }`: it is not, publish it again.',
  })
  @BodySchema(ReviewBody)
  @ResponseSchema(200, PublicationTargetDto, 'The target after the review')
  @BadRequestDoc()
  @NotFoundDoc('target')
  @ApiConflictResponse({ description: 'The target does not need review' })
  async review(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidParam('targetId', z.uuid()) targetId: string,
    @ValidBody(ReviewBody) body: ReviewBody,
  ): Promise<TargetDto> {
    const target = { tenantId: identity.tenantId, workspaceId: identity.workspaceId, postId, targetId };
    return toPublicationTargetDto(
      await this.commands.execute(
        new ResolvePublicationReviewCommand(
          target,
          body.outcome === 'published' ? { published: true, url: body.url } : { published: false },
        ),
      ),
    );
  }
}
