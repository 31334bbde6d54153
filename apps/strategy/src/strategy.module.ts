import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { SetGoalHandler } from './application/commands/set-goal/set-goal.handler.js';
import { GetGoalHandler } from './application/queries/get-goal/get-goal.handler.js';
import { ListGoalsHandler } from './application/queries/list-goals/list-goals.handler.js';
import { GoalOrmEntity } from './infrastructure/persistence/goal.orm-entity.js';
import { GoalTypeormRepository } from './infrastructure/persistence/goal.typeorm-repository.js';
import { CreateGoalTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-goal-table.js';
import { GoalsHttpController } from './interface/http/goals.http-controller.js';
import { GOAL_REPOSITORY } from './strategy.tokens.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [GoalsHttpController],
  providers: [
    SetGoalHandler,
    ListGoalsHandler,
    GetGoalHandler,
    { provide: GOAL_REPOSITORY, useClass: GoalTypeormRepository },
  ],
})
export class StrategyModule {}

/** How a host runs the strategy service. */
export const strategyService: ServiceDefinition = {
  name: 'strategy',
  title: 'Chorus strategy API',
  description: "The brand's strategy: goals with measurable KPIs.",
  module: StrategyModule,
  entities: [GoalOrmEntity],
  migrations: [...messagingMigrations('strategy'), CreateGoalTable1767312000000],
  produces: true,
  consumers: [],
  access: 'signed-identity',
  publicPath: '/api/strategy',
};
