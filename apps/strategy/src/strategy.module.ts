import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { ChangeGoalHandler } from './application/commands/change-goal/change-goal.handler.js';
import { CreateAudienceHandler } from './application/commands/create-audience/create-audience.handler.js';
import { DeleteAudienceHandler } from './application/commands/delete-audience/delete-audience.handler.js';
import { RecordBudgetActualsHandler } from './application/commands/record-budget-actuals/record-budget-actuals.handler.js';
import { RecordProblemEvidenceHandler } from './application/commands/record-problem-evidence/record-problem-evidence.handler.js';
import { ReplaceAudienceHandler } from './application/commands/replace-audience/replace-audience.handler.js';
import { RetireGoalHandler } from './application/commands/retire-goal/retire-goal.handler.js';
import { SaveBrandIdentityHandler } from './application/commands/save-brand-identity/save-brand-identity.handler.js';
import { SaveBudgetPlanHandler } from './application/commands/save-budget-plan/save-budget-plan.handler.js';
import { SaveChannelPlanHandler } from './application/commands/save-channel-plan/save-channel-plan.handler.js';
import { SetGoalHandler } from './application/commands/set-goal/set-goal.handler.js';
import { UpdatePlaybookEntryHandler } from './application/commands/update-playbook-entry/update-playbook-entry.handler.js';
import { GetAudienceHandler } from './application/queries/get-audience/get-audience.handler.js';
import { GetBrandIdentityHandler } from './application/queries/get-brand-identity/get-brand-identity.handler.js';
import { GetBudgetPlanHandler } from './application/queries/get-budget-plan/get-budget-plan.handler.js';
import { GetChannelPlanHandler } from './application/queries/get-channel-plan/get-channel-plan.handler.js';
import { GetDiagnosisHandler } from './application/queries/get-diagnosis/get-diagnosis.handler.js';
import { GetDiagnosisPlaybookHandler } from './application/queries/get-diagnosis-playbook/get-diagnosis-playbook.handler.js';
import { GetGoalHandler } from './application/queries/get-goal/get-goal.handler.js';
import { GetProfitAndLossHandler } from './application/queries/get-profit-and-loss/get-profit-and-loss.handler.js';
import { GetStrategyDocumentHandler } from './application/queries/get-strategy-document/get-strategy-document.handler.js';
import { ListAudiencesHandler } from './application/queries/list-audiences/list-audiences.handler.js';
import { ListBrandIdentityVersionsHandler } from './application/queries/list-brand-identity-versions/list-brand-identity-versions.handler.js';
import { ListGoalsHandler } from './application/queries/list-goals/list-goals.handler.js';
import { BudgetActualsRecordedKafkaConsumer } from './infrastructure/messaging/budget-actuals-recorded.kafka-consumer.js';
import { AudienceOrmEntity } from './infrastructure/persistence/audience.orm-entity.js';
import { AudienceTypeormRepository } from './infrastructure/persistence/audience.typeorm-repository.js';
import { BrandIdentityVersionOrmEntity } from './infrastructure/persistence/brand-identity-version.orm-entity.js';
import { BrandIdentityTypeormRepository } from './infrastructure/persistence/brand-identity.typeorm-repository.js';
import { BudgetActualsOrmEntity } from './infrastructure/persistence/budget-actuals.orm-entity.js';
import { BudgetPlanOrmEntity } from './infrastructure/persistence/budget-plan.orm-entity.js';
import { BudgetTypeormRepository } from './infrastructure/persistence/budget.typeorm-repository.js';
import { ChannelPlanOrmEntity } from './infrastructure/persistence/channel-plan.orm-entity.js';
import { ChannelPlanTypeormRepository } from './infrastructure/persistence/channel-plan.typeorm-repository.js';
import { DiagnosisEvidenceOrmEntity } from './infrastructure/persistence/diagnosis-evidence.orm-entity.js';
import { DiagnosisPlaybookEntryOrmEntity } from './infrastructure/persistence/diagnosis-playbook-entry.orm-entity.js';
import { DiagnosisPlaybookTypeormRepository } from './infrastructure/persistence/diagnosis-playbook.typeorm-repository.js';
import { DiagnosisTypeormRepository } from './infrastructure/persistence/diagnosis.typeorm-repository.js';
import { GoalOrmEntity } from './infrastructure/persistence/goal.orm-entity.js';
import { GoalTypeormRepository } from './infrastructure/persistence/goal.typeorm-repository.js';
import { CreateGoalTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-goal-table.js';
import { CreateStrategyPlanTables1767398400000 } from './infrastructure/persistence/migrations/1767398400000-create-strategy-plan-tables.js';
import { AudiencesHttpController } from './interface/http/audiences.http-controller.js';
import { BrandIdentityHttpController } from './interface/http/brand-identity.http-controller.js';
import { BudgetPlanHttpController } from './interface/http/budget-plan.http-controller.js';
import { ChannelPlanHttpController } from './interface/http/channel-plan.http-controller.js';
import { DiagnosisHttpController } from './interface/http/diagnosis.http-controller.js';
import { DomainErrorsHttpFilter } from './interface/http/domain-errors.mapper.js';
import { GoalsHttpController } from './interface/http/goals.http-controller.js';
import { MetricsHttpController } from './interface/http/metrics.http-controller.js';
import { StrategyDocumentHttpController } from './interface/http/strategy-document.http-controller.js';
import {
  AUDIENCE_REPOSITORY,
  BRAND_IDENTITY_REPOSITORY,
  BUDGET_REPOSITORY,
  CHANNEL_PLAN_REPOSITORY,
  DIAGNOSIS_PLAYBOOK_REPOSITORY,
  DIAGNOSIS_REPOSITORY,
  GOAL_REPOSITORY,
} from './strategy.tokens.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    GoalsHttpController,
    MetricsHttpController,
    BrandIdentityHttpController,
    AudiencesHttpController,
    DiagnosisHttpController,
    ChannelPlanHttpController,
    BudgetPlanHttpController,
    StrategyDocumentHttpController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorsHttpFilter },
    SetGoalHandler,
    ChangeGoalHandler,
    RetireGoalHandler,
    ListGoalsHandler,
    GetGoalHandler,
    SaveBrandIdentityHandler,
    GetBrandIdentityHandler,
    ListBrandIdentityVersionsHandler,
    CreateAudienceHandler,
    ReplaceAudienceHandler,
    DeleteAudienceHandler,
    ListAudiencesHandler,
    GetAudienceHandler,
    RecordProblemEvidenceHandler,
    UpdatePlaybookEntryHandler,
    GetDiagnosisHandler,
    GetDiagnosisPlaybookHandler,
    SaveChannelPlanHandler,
    GetChannelPlanHandler,
    SaveBudgetPlanHandler,
    GetBudgetPlanHandler,
    GetProfitAndLossHandler,
    RecordBudgetActualsHandler,
    GetStrategyDocumentHandler,
    BudgetActualsRecordedKafkaConsumer,
    { provide: GOAL_REPOSITORY, useClass: GoalTypeormRepository },
    { provide: BRAND_IDENTITY_REPOSITORY, useClass: BrandIdentityTypeormRepository },
    { provide: AUDIENCE_REPOSITORY, useClass: AudienceTypeormRepository },
    { provide: DIAGNOSIS_REPOSITORY, useClass: DiagnosisTypeormRepository },
    { provide: DIAGNOSIS_PLAYBOOK_REPOSITORY, useClass: DiagnosisPlaybookTypeormRepository },
    { provide: CHANNEL_PLAN_REPOSITORY, useClass: ChannelPlanTypeormRepository },
    { provide: BUDGET_REPOSITORY, useClass: BudgetTypeormRepository },
  ],
})
export class StrategyModule {}

/** How a host runs the strategy service. */
export const strategyService: ServiceDefinition = {
  name: 'strategy',
  title: 'Chorus strategy API',
  description:
    "The brand's strategy: identity and voice, audiences, diagnosis, goals with measurable KPIs, channel plan, " +
    'budget and the strategy document.',
  module: StrategyModule,
  entities: [
    GoalOrmEntity,
    BrandIdentityVersionOrmEntity,
    AudienceOrmEntity,
    DiagnosisEvidenceOrmEntity,
    DiagnosisPlaybookEntryOrmEntity,
    ChannelPlanOrmEntity,
    BudgetPlanOrmEntity,
    BudgetActualsOrmEntity,
  ],
  migrations: [
    ...messagingMigrations('strategy'),
    CreateGoalTable1767312000000,
    CreateStrategyPlanTables1767398400000,
  ],
  produces: true,
  consumers: [BudgetActualsRecordedKafkaConsumer],
  access: 'signed-identity',
  publicPath: '/api/strategy',
};
