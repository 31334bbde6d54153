import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ChangeGoalCommand } from '../../application/commands/change-goal/change-goal.command.js';
import { RetireGoalCommand } from '../../application/commands/retire-goal/retire-goal.command.js';
import { SetGoalCommand } from '../../application/commands/set-goal/set-goal.command.js';
import { GetGoalQuery } from '../../application/queries/get-goal/get-goal.query.js';
import { ListGoalsQuery } from '../../application/queries/list-goals/list-goals.query.js';
import { GoalDto, GoalListDto, toGoalDto } from './dto/goal.dto.js';
import { ChangeGoalBody, RetireGoalBody, SetGoalBody } from './dto/set-goal.dto.js';

@ApiTags('goals')
@Controller('goals')
export class GoalsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('goal:write')
  @ApiOperation({
    summary: 'Set a goal',
    description:
      'The metric must come from GET /metrics; the target must move in its better direction; the deadline ' +
      'must be in the future. Emits GoalSet v1; analytics starts tracking its KPI.',
  })
  @BodySchema(SetGoalBody)
  @ResponseSchema(201, GoalDto, 'The goal as stored')
  @BadRequestDoc()
  async setGoal(
    @CurrentIdentity() identity: Identity,
    @ValidBody(SetGoalBody) body: SetGoalBody,
  ): Promise<GoalDto> {
    const goal = await this.commands.execute(
      new SetGoalCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        title: body.title,
        metric: body.metric,
        baseline: body.baseline,
        target: body.target,
        startsAt: body.startsAt === undefined ? new Date() : new Date(body.startsAt),
        deadline: new Date(body.deadline),
        timeZone: body.timeZone,
        scope: body.scope,
        ownerId: body.ownerId ?? identity.userId,
        createdBy: identity.userId,
      }),
    );
    return toGoalDto(goal);
  }

  @Get()
  @RequirePermission('goal:read')
  @ApiOperation({ summary: "List the workspace's goals, newest first (retired ones included)" })
  @ResponseSchema(200, GoalListDto, 'The goals')
  async listGoals(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof GoalListDto>> {
    const goals = await this.queries.execute(new ListGoalsQuery(identity.tenantId, identity.workspaceId));
    return { items: goals.map(toGoalDto) };
  }

  @Get(':goalId')
  @RequirePermission('goal:read')
  @ApiOperation({ summary: 'Get one goal' })
  @ResponseSchema(200, GoalDto, 'The goal')
  @NotFoundDoc('goal')
  async getGoal(
    @CurrentIdentity() identity: Identity,
    @ValidParam('goalId', z.uuid()) goalId: string,
  ): Promise<GoalDto> {
    return toGoalDto(
      await this.queries.execute(new GetGoalQuery(identity.tenantId, identity.workspaceId, goalId)),
    );
  }

  @Patch(':goalId')
  @RequirePermission('goal:write')
  @ApiOperation({
    summary: 'Change, pause or resume a goal',
    description:
      'Emits GoalChanged v1 with the whole goal and the fields that changed. 409 on a retired goal.',
  })
  @BodySchema(ChangeGoalBody)
  @ResponseSchema(200, GoalDto, 'The goal after the change')
  @BadRequestDoc()
  @NotFoundDoc('goal')
  async changeGoal(
    @CurrentIdentity() identity: Identity,
    @ValidParam('goalId', z.uuid()) goalId: string,
    @ValidBody(ChangeGoalBody) body: ChangeGoalBody,
  ): Promise<GoalDto> {
    const goal = await this.commands.execute(
      new ChangeGoalCommand(identity.tenantId, identity.workspaceId, goalId, {
        ...body,
        startsAt: body.startsAt === undefined ? undefined : new Date(body.startsAt),
        deadline: body.deadline === undefined ? undefined : new Date(body.deadline),
      }),
    );
    return toGoalDto(goal);
  }

  @Post(':goalId/retire')
  @HttpCode(200)
  @RequirePermission('goal:write')
  @ApiOperation({ summary: 'Retire a goal', description: 'Emits GoalRetired v1. 409 when already retired.' })
  @BodySchema(RetireGoalBody)
  @ResponseSchema(200, GoalDto, 'The retired goal')
  @BadRequestDoc()
  @NotFoundDoc('goal')
  async retireGoal(
    @CurrentIdentity() identity: Identity,
    @ValidParam('goalId', z.uuid()) goalId: string,
    @ValidBody(RetireGoalBody) body: RetireGoalBody,
  ): Promise<GoalDto> {
    const goal = await this.commands.execute(
      new RetireGoalCommand(
        identity.tenantId,
        identity.workspaceId,
        goalId,
        body.reason,
        body.replacedByGoalId,
        identity.userId,
      ),
    );
    return toGoalDto(goal);
  }
}
