import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { KPI_TRACKER_REPOSITORY } from './analytics.tokens.js';
import { ApplyGoalRevisionHandler } from './application/commands/apply-goal-revision/apply-goal-revision.handler.js';
import { RetireKpiTrackingHandler } from './application/commands/retire-kpi-tracking/retire-kpi-tracking.handler.js';
import { StartKpiTrackingHandler } from './application/commands/start-kpi-tracking/start-kpi-tracking.handler.js';
import { ListKpiTrackersHandler } from './application/queries/list-kpi-trackers/list-kpi-trackers.handler.js';
import { GoalChangedKafkaConsumer } from './infrastructure/messaging/goal-changed.kafka-consumer.js';
import { GoalRetiredKafkaConsumer } from './infrastructure/messaging/goal-retired.kafka-consumer.js';
import { GoalSetKafkaConsumer } from './infrastructure/messaging/goal-set.kafka-consumer.js';
import { KpiTrackerOrmEntity } from './infrastructure/persistence/kpi-tracker.orm-entity.js';
import { KpiTrackerTypeormRepository } from './infrastructure/persistence/kpi-tracker.typeorm-repository.js';
import { CreateKpiTrackerTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-kpi-tracker-table.js';
import { AddKpiTrackerLifecycle1767398400000 } from './infrastructure/persistence/migrations/1767398400000-add-kpi-tracker-lifecycle.js';
import { KpiTrackersHttpController } from './interface/http/kpi-trackers.http-controller.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [KpiTrackersHttpController],
  providers: [
    StartKpiTrackingHandler,
    ApplyGoalRevisionHandler,
    RetireKpiTrackingHandler,
    ListKpiTrackersHandler,
    GoalSetKafkaConsumer,
    GoalChangedKafkaConsumer,
    GoalRetiredKafkaConsumer,
    { provide: KPI_TRACKER_REPOSITORY, useClass: KpiTrackerTypeormRepository },
  ],
})
export class AnalyticsModule {}

/** How a host runs the analytics service. */
export const analyticsService: ServiceDefinition = {
  name: 'analytics',
  title: 'Chorus analytics API',
  description: 'KPI progress against the strategy goals.',
  module: AnalyticsModule,
  entities: [KpiTrackerOrmEntity],
  migrations: [
    ...messagingMigrations('analytics'),
    CreateKpiTrackerTable1767312000000,
    AddKpiTrackerLifecycle1767398400000,
  ],
  produces: false,
  consumers: [GoalSetKafkaConsumer, GoalChangedKafkaConsumer, GoalRetiredKafkaConsumer],
  access: 'signed-identity',
  publicPath: '/api/analytics',
};
