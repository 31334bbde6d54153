import { BadRequestException, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
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
import { SetGoalCommand } from '../../application/commands/set-goal/set-goal.command.js';
import { GetGoalQuery } from '../../application/queries/get-goal/get-goal.query.js';
import { ListGoalsQuery } from '../../application/queries/list-goals/list-goals.query.js';
import { GoalNotFoundError, InvalidGoalError } from '../../domain/goal.errors.js';
import { GoalDto, GoalListDto, toGoalDto } from './dto/goal.dto.js';
import { SetGoalBody } from './dto/set-goal.dto.js';

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
    description: 'Emits GoalSet v1; analytics starts tracking its KPI.',
  })
  @BodySchema(SetGoalBody)
  @ResponseSchema(201, GoalDto, 'The goal as stored')
  @BadRequestDoc()
  async setGoal(
    @CurrentIdentity() identity: Identity,
    @ValidBody(SetGoalBody) body: SetGoalBody,
  ): Promise<GoalDto> {
    try {
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
    } catch (error) {
      if (error instanceof InvalidGoalError) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: `Invalid body: ${error.message}`,
          problems: [{ field: error.field, problem: error.problem }],
        });
      }
      throw error;
    }
  }

  @Get()
  @RequirePermission('goal:read')
  @ApiOperation({ summary: "List the workspace's goals, newest first" })
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
    try {
      return toGoalDto(
        await this.queries.execute(new GetGoalQuery(identity.tenantId, identity.workspaceId, goalId)),
      );
    } catch (error) {
      if (error instanceof GoalNotFoundError) {
        throw new NotFoundException(error.message);
      }
      throw error;
    }
  }
}
