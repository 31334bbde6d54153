import { Controller, Delete, Get, Put } from '@nestjs/common';
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
import { SetEvergreenCommand } from '../../application/commands/set-evergreen/set-evergreen.command.js';
import { StopEvergreenCommand } from '../../application/commands/stop-evergreen/stop-evergreen.command.js';
import { GetEvergreenQuery } from '../../application/queries/get-evergreen/get-evergreen.query.js';
import { EvergreenBody, EvergreenDto, toEvergreenDto } from './dto/evergreen.dto.js';

/** Evergreen posts: published, they come back in their channel's queue, within a limit and until an end. */
@ApiTags('posts')
@Controller('posts')
export class EvergreenHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':postId/evergreen')
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Make a post evergreen (or change how)',
    description:
      'Each time its last appearance is published, a copy is scheduled at the first free slot of its first ' +
      "channel's queue at least `minGapDays` later, at most `maxTimes` times and never at or after `endsAt`; " +
      'one pending at a time. 409 when that channel has no queue slots.',
  })
  @BodySchema(EvergreenBody)
  @ResponseSchema(200, EvergreenDto, 'The setting')
  @BadRequestDoc()
  @NotFoundDoc('post')
  @ApiConflictResponse({ description: 'No queue slots, or the post is itself a re-queue' })
  async setEvergreen(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
    @ValidBody(EvergreenBody) body: EvergreenBody,
  ): Promise<z.infer<typeof EvergreenDto>> {
    const setting = await this.commands.execute(
      new SetEvergreenCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        postId,
        by: identity.userId,
        policy: {
          minGapDays: body.minGapDays,
          maxTimes: body.maxTimes,
          endsAt: body.endsAt === null ? null : new Date(body.endsAt),
        },
      }),
    );
    return toEvergreenDto(
      setting,
      await this.queries.execute(new GetEvergreenQuery(identity.tenantId, identity.workspaceId, postId)),
    );
  }

  @Get(':postId/evergreen')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "A post's evergreen setting and the re-queues made of it" })
  @ResponseSchema(200, EvergreenDto, 'The setting')
  @NotFoundDoc('evergreen setting')
  async getEvergreen(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof EvergreenDto>> {
    const view = await this.queries.execute(
      new GetEvergreenQuery(identity.tenantId, identity.workspaceId, postId),
    );
    return toEvergreenDto(view.setting, view);
  }

  @Delete(':postId/evergreen')
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Stop re-queueing a post',
    description: 'No more re-queues are made; one already scheduled stays an ordinary post.',
  })
  @ResponseSchema(200, EvergreenDto, 'The stopped setting')
  @NotFoundDoc('evergreen setting')
  async stopEvergreen(
    @CurrentIdentity() identity: Identity,
    @ValidParam('postId', z.uuid()) postId: string,
  ): Promise<z.infer<typeof EvergreenDto>> {
    const setting = await this.commands.execute(
      new StopEvergreenCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        postId,
        by: identity.userId,
      }),
    );
    return toEvergreenDto(
      setting,
      await this.queries.execute(new GetEvergreenQuery(identity.tenantId, identity.workspaceId, postId)),
    );
  }
}
