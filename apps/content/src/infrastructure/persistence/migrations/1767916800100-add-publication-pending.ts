import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The post's newest revision for a target that could not take it when it was scheduled (being sent, waiting
 * to be looked up, needing review): { revision, payload, dueAt, idempotencyKey, fingerprint }. It replaces
 * what the target sends as soon as nothing of the older revision can be out (docs/publishing.md).
 */
export class AddPublicationPending1767916800100 implements MigrationInterface {
  readonly name = 'AddPublicationPending1767916800100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE content.publication ADD COLUMN pending jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE content.publication DROP COLUMN pending`);
  }
}
