import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TOTP secrets and notification webhook signing secrets move into the token vault (ADR 0013). SQL cannot
 * encrypt, so the clear columns are renamed `*_unsealed` and kept until the gateway's start-up pass (the
 * re-wrap pass, which has the vault) seals each row and clears them. The rename makes a gateway of the previous
 * version fail closed on these tables instead of reading a cleared secret as "no two-factor".
 */
export class SealTwoFactorAndWebhookSecrets1767744000000 implements MigrationInterface {
  readonly name = 'SealTwoFactorAndWebhookSecrets1767744000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE gateway.member RENAME COLUMN totp_secret TO totp_secret_unsealed`);
    await queryRunner.query(
      `ALTER TABLE gateway.member RENAME COLUMN totp_pending_secret TO totp_pending_secret_unsealed`,
    );
    // The sealed JSON {secret, pendingSecret}, bound to ('totp', member id).
    await queryRunner.query(`ALTER TABLE gateway.member ADD COLUMN totp_sealed jsonb`);
    await queryRunner.query(
      `ALTER TABLE gateway.notification_webhook RENAME COLUMN secret TO secret_unsealed`,
    );
    await queryRunner.query(
      `ALTER TABLE gateway.notification_webhook ALTER COLUMN secret_unsealed DROP NOT NULL`,
    );
    // Bound to ('notification-webhook', webhook id).
    await queryRunner.query(`ALTER TABLE gateway.notification_webhook ADD COLUMN secret_sealed jsonb`);
    await queryRunner.query(
      `ALTER TABLE gateway.notification_webhook ADD CONSTRAINT notification_webhook_has_secret
         CHECK (secret_sealed IS NOT NULL OR secret_unsealed IS NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Sealed secrets cannot be opened in SQL: going down loses them (members set two-factor up again).
    await queryRunner.query(
      `ALTER TABLE gateway.notification_webhook DROP CONSTRAINT notification_webhook_has_secret`,
    );
    await queryRunner.query(`ALTER TABLE gateway.notification_webhook DROP COLUMN secret_sealed`);
    await queryRunner.query(
      `UPDATE gateway.notification_webhook SET secret_unsealed = '' WHERE secret_unsealed IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE gateway.notification_webhook ALTER COLUMN secret_unsealed SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE gateway.notification_webhook RENAME COLUMN secret_unsealed TO secret`,
    );
    await queryRunner.query(`ALTER TABLE gateway.member DROP COLUMN totp_sealed`);
    await queryRunner.query(
      `ALTER TABLE gateway.member RENAME COLUMN totp_pending_secret_unsealed TO totp_pending_secret`,
    );
    await queryRunner.query(`ALTER TABLE gateway.member RENAME COLUMN totp_secret_unsealed TO totp_secret`);
  }
}
