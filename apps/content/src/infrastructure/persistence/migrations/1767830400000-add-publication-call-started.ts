import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the current attempt's network call started (docs/adr/0019): set by a fenced update right before the
 * call, null while the attempt has not called. A started call is never taken over before its lease ends.
 * `cancel_requested`: the post left the calendar while the target could not be cancelled at once (being sent,
 * or an earlier call may be out): it is cancelled when the attempt settles without publishing.
 */
export class AddPublicationCallStarted1767830400000 implements MigrationInterface {
  readonly name = 'AddPublicationCallStarted1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE content.publication ADD COLUMN call_started_at timestamptz`);
    await queryRunner.query(
      `ALTER TABLE content.publication ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE content.publication DROP COLUMN call_started_at, DROP COLUMN cancel_requested`,
    );
  }
}
