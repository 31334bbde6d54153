import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { KPI_TRACKER_REPOSITORY } from './analytics.tokens.js';
import { StartKpiTrackingHandler } from './application/commands/start-kpi-tracking/start-kpi-tracking.handler.js';
import { ListKpiTrackersHandler } from './application/queries/list-kpi-trackers/list-kpi-trackers.handler.js';
import { GoalSetKafkaConsumer } from './infrastructure/messaging/goal-set.kafka-consumer.js';
import { KpiTrackerOrmEntity } from './infrastructure/persistence/kpi-tracker.orm-entity.js';
import { KpiTrackerTypeormRepository } from './infrastructure/persistence/kpi-tracker.typeorm-repository.js';
import { CreateKpiTrackerTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-kpi-tracker-table.js';
import { KpiTrackersHttpController } from './interface/http/kpi-trackers.http-controller.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [KpiTrackersHttpController],
  providers: [
    StartKpiTrackingHandler,
    ListKpiTrackersHandler,
    GoalSetKafkaConsumer,
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
  migrations: [...messagingMigrations('analytics'), CreateKpiTrackerTable1767312000000],
  produces: false,
  consumers: [GoalSetKafkaConsumer],
  access: 'signed-identity',
  publicPath: '/api/analytics',
};
