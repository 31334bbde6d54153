import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Trackers follow their goal: paused with it, retired with a reason (GoalChanged / GoalRetired). */
export class AddKpiTrackerLifecycle1767398400000 implements MigrationInterface {
  readonly name = 'AddKpiTrackerLifecycle1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE analytics.kpi_tracker
        ADD COLUMN retired_reason text CHECK (retired_reason IN ('achieved', 'missed', 'abandoned', 'replaced')),
        ADD COLUMN retired_at timestamptz,
        DROP CONSTRAINT kpi_tracker_status_check,
        ADD CONSTRAINT kpi_tracker_status_check CHECK (status IN ('tracking', 'paused', 'retired')),
        ADD CONSTRAINT kpi_tracker_retired_has_reason
          CHECK ((status = 'retired') = (retired_reason IS NOT NULL AND retired_at IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM analytics.kpi_tracker WHERE status <> 'tracking'`);
    await queryRunner.query(`
      ALTER TABLE analytics.kpi_tracker
        DROP CONSTRAINT kpi_tracker_retired_has_reason,
        DROP CONSTRAINT kpi_tracker_status_check,
        ADD CONSTRAINT kpi_tracker_status_check CHECK (status IN ('tracking')),
        DROP COLUMN retired_at,
        DROP COLUMN retired_reason`);
  }
}
