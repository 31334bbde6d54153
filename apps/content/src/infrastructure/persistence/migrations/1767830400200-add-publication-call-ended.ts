import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the last call that may have reached the network ended (its answer, its timeout, or, for a publisher
 * that stopped mid-call, the end of its lease). A request can land on the network until then, so a look-up's
 * "not found" is believed only a visibility delay after it (docs/adr/0019), never after the call's start.
 */
export class AddPublicationCallEnded1767830400200 implements MigrationInterface {
  readonly name = 'AddPublicationCallEnded1767830400200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE content.publication ADD COLUMN last_call_ended_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE content.publication DROP COLUMN last_call_ended_at`);
  }
}
