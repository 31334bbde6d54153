import { Inject, Injectable, Optional } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { SealedSecret, TokenVault, VaultBinding } from '../../../application/ports/token-vault.port.js';
import { TOKEN_VAULT } from '../../../gateway.tokens.js';
import {
  WebhookSecretsNotRewrappedError,
  WebhookVaultMissingError,
} from '../../domain/notification.errors.js';
import type {
  NotificationWebhook,
  NotificationWebhooks,
  NotificationWebhookWithSecret,
  WebhookScope,
} from '../../application/ports/notification-webhook.port.js';

interface WebhookRow {
  id: string;
  tenant_id: string;
  workspace_id: string | null;
  url: string;
  kinds: string[];
  description: string | null;
  created_at: Date | string;
  created_by: string;
  secret_sealed?: SealedSecret | null;
  secret_unsealed?: string | null;
}

const COLUMNS = 'id, tenant_id, workspace_id, url, kinds, description, created_at, created_by';
/** Parameter $n: the workspace, $n+1: whether the agency-wide ones are visible too. */
const inScope = (n: number) => `(workspace_id = $${n} OR (workspace_id IS NULL AND $${n + 1}::boolean))`;

@Injectable()
export class NotificationWebhookTypeormRepository implements NotificationWebhooks {
  constructor(
    private readonly transactions: TenantTransactions,
    // Signing secrets are sealed by the vault (ADR 0013); without one, adding a webhook answers 503.
    @Optional() @Inject(TOKEN_VAULT) private readonly vault: TokenVault | undefined,
  ) {}

  async add(webhook: NotificationWebhookWithSecret): Promise<void> {
    const sealed = this.requireVault().seal(webhook.secret, webhookBinding(webhook.tenantId, webhook.id));
    await this.transactions.run(webhook.tenantId, (tx) =>
      tx.query(
        `INSERT INTO gateway.notification_webhook (${COLUMNS}, secret_sealed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          webhook.id,
          webhook.tenantId,
          webhook.workspaceId,
          webhook.url,
          webhook.kinds,
          webhook.description,
          webhook.createdAt,
          webhook.createdBy,
          JSON.stringify(sealed),
        ],
      ),
    );
  }

  async list(tenantId: string, scope: WebhookScope): Promise<NotificationWebhook[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<WebhookRow>(
        `SELECT ${COLUMNS} FROM gateway.notification_webhook
          WHERE removed_at IS NULL AND ${inScope(1)} ORDER BY id`,
        [scope.workspaceId, scope.includeAgencyWide],
      ),
    );
    return rows.map(toWebhook);
  }

  async subscribedTo(
    tenantId: string,
    kind: string,
    workspaceId: string | null,
  ): Promise<NotificationWebhook[]> {
    // A workspace's webhook never hears another workspace's notifications, nor the agency-wide ones.
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<WebhookRow>(
        `SELECT ${COLUMNS} FROM gateway.notification_webhook
          WHERE removed_at IS NULL AND (cardinality(kinds) = 0 OR $1 = ANY(kinds))
            AND (workspace_id IS NULL OR workspace_id = $2) ORDER BY id`,
        [kind, workspaceId],
      ),
    );
    return rows.map(toWebhook);
  }

  async withSecret(tenantId: string, id: string): Promise<NotificationWebhookWithSecret | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<WebhookRow>(
        `SELECT ${COLUMNS}, secret_sealed, secret_unsealed
           FROM gateway.notification_webhook WHERE id = $1 AND removed_at IS NULL`,
        [id],
      ),
    );
    const row = rows[0];
    if (row === undefined) {
      return null;
    }
    // A clear secret is one from before the vault held them, not yet sealed by the start-up pass.
    const secret =
      row.secret_sealed === null || row.secret_sealed === undefined
        ? (row.secret_unsealed ?? '')
        : this.requireVault().open(row.secret_sealed, webhookBinding(tenantId, id));
    return { ...toWebhook(row), secret };
  }

  async exists(tenantId: string, id: string, scope: WebhookScope): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `SELECT 1 FROM gateway.notification_webhook WHERE id = $1 AND removed_at IS NULL AND ${inScope(2)}`,
        [id, scope.workspaceId, scope.includeAgencyWide],
      ),
    );
    return rows.length > 0;
  }

  /** Kept with removed_at (not deleted) so that its delivery log still names it. */
  async remove(tenantId: string, id: string, scope: WebhookScope): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `UPDATE gateway.notification_webhook SET removed_at = now()
          WHERE id = $1 AND removed_at IS NULL AND ${inScope(2)} RETURNING id`,
        [id, scope.workspaceId, scope.includeAgencyWide],
      ),
    );
    return rows.length > 0;
  }

  async sealSecrets(batchSize: number): Promise<number> {
    const vault = this.vault;
    if (vault === undefined) {
      return 0;
    }
    let total = 0;
    // A row that cannot be sealed (its key gone from the ring) is passed over, not retried forever, and the
    // others still move to the active key; the failures are reported at the end (ADR 0018).
    const failed: string[] = [];
    for (;;) {
      const seen = await this.transactions.asSystem(async (tx) => {
        const rows = await tx.query<WebhookRow>(
          `SELECT id, tenant_id, secret_sealed, secret_unsealed FROM gateway.notification_webhook
            WHERE (secret_unsealed IS NOT NULL OR secret_sealed->>'keyId' <> $1) AND NOT (id = ANY($3::uuid[]))
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [vault.activeKeyId, batchSize, failed],
        );
        for (const row of rows) {
          const binding = webhookBinding(row.tenant_id, row.id);
          let sealed: SealedSecret;
          try {
            sealed =
              row.secret_sealed === null || row.secret_sealed === undefined
                ? vault.seal(row.secret_unsealed ?? '', binding)
                : vault.rewrap(row.secret_sealed, binding);
          } catch {
            failed.push(row.id);
            continue;
          }
          await tx.query(
            `UPDATE gateway.notification_webhook SET secret_sealed = $2, secret_unsealed = NULL WHERE id = $1`,
            [row.id, JSON.stringify(sealed)],
          );
          total += 1;
        }
        return rows.length;
      });
      if (seen < batchSize) {
        break;
      }
    }
    if (failed.length > 0) {
      throw new WebhookSecretsNotRewrappedError(failed, total);
    }
    return total;
  }

  private requireVault(): TokenVault {
    if (this.vault === undefined) {
      throw new WebhookVaultMissingError();
    }
    return this.vault;
  }
}

function webhookBinding(tenantId: string, webhookId: string): VaultBinding {
  return { tenantId, subject: 'notification-webhook', subjectId: webhookId };
}

function toWebhook(row: WebhookRow): NotificationWebhook {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    url: row.url,
    kinds: row.kinds,
    description: row.description,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
  };
}
