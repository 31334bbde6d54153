import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Outbox } from '@chorus/messaging';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type {
  ApprovalLinkRecord,
  ApprovalLinkRepository,
} from '../../application/ports/approval-link-repository.port.js';
import type { ClientContact } from '../../domain/approvals/client-contact.value-object.js';
import { approvalLinkMail } from './approval-link-mail.mapper.js';

type Instant = Date | string;

interface LinkRow {
  id: string;
  tenant_id: string;
  workspace_id: string;
  post_id: string;
  round: number;
  version: number;
  step: number;
  recipient: string;
  expires_at: Instant;
  created_by: string;
  created_at: Instant;
  used_at: Instant | null;
  decision: ApprovalLinkRecord['decision'];
}

/**
 * Approval links and the agency's signing key. The key lives in the database (made on first use): every
 * instance of the service shares it without host configuration, and whoever can read it can already read the
 * posts it protects (docs/adr/0022).
 */
@Injectable()
export class ApprovalLinkTypeormRepository implements ApprovalLinkRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async secret(tenantId: string): Promise<Buffer> {
    const rows = await this.transactions.run(tenantId, async (tx) => {
      await tx.query(
        `INSERT INTO content.approval_link_key (tenant_id, secret, created_at) VALUES ($1, $2, now())
         ON CONFLICT (tenant_id) DO NOTHING`,
        [tenantId, randomBytes(32).toString('base64')],
      );
      return tx.query<{ secret: string }>(
        `SELECT secret FROM content.approval_link_key WHERE tenant_id = $1`,
        [tenantId],
      );
    });
    return Buffer.from(rows[0]!.secret, 'base64');
  }

  async findSecret(tenantId: string): Promise<Buffer | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ secret: string }>(`SELECT secret FROM content.approval_link_key WHERE tenant_id = $1`, [
        tenantId,
      ]),
    );
    return rows[0] === undefined ? null : Buffer.from(rows[0].secret, 'base64');
  }

  async add(link: ApprovalLinkRecord, mail: { to: ClientContact; token: string }): Promise<void> {
    await this.transactions.run(link.tenantId, async (tx) => {
      await tx.query(
        `INSERT INTO content.approval_link (id, tenant_id, workspace_id, post_id, round, version, step, recipient,
           expires_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          link.id,
          link.tenantId,
          link.workspaceId,
          link.postId,
          link.round,
          link.version,
          link.step,
          link.recipient,
          link.expiresAt,
          link.createdBy,
          link.createdAt,
        ],
      );
      await this.outbox.add(tx, [approvalLinkMail(link, mail.to, mail.token)]);
    });
  }

  async clientContacts(tenantId: string, workspaceId: string): Promise<ClientContact[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ contacts: ClientContact[] }>(
        `SELECT contacts FROM content.approval_client_contact WHERE workspace_id = $1`,
        [workspaceId],
      ),
    );
    return rows[0]?.contacts ?? [];
  }

  async saveClientContacts(
    tenantId: string,
    workspaceId: string,
    contacts: readonly ClientContact[],
    by: string,
  ): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.approval_client_contact (workspace_id, tenant_id, contacts, updated_at, updated_by)
         VALUES ($1, $2, $3::jsonb, now(), $4)
         ON CONFLICT (workspace_id) DO UPDATE SET contacts = EXCLUDED.contacts, updated_at = now(),
           updated_by = EXCLUDED.updated_by`,
        [workspaceId, tenantId, JSON.stringify(contacts), by],
      ),
    );
  }

  async find(tenantId: string, linkId: string): Promise<ApprovalLinkRecord | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<LinkRow>(`SELECT * FROM content.approval_link WHERE id = $1`, [linkId]),
    );
    const r = rows[0];
    return r === undefined
      ? null
      : {
          id: r.id,
          tenantId: r.tenant_id,
          workspaceId: r.workspace_id,
          postId: r.post_id,
          round: r.round,
          version: r.version,
          step: r.step,
          recipient: r.recipient,
          expiresAt: new Date(r.expires_at),
          createdBy: r.created_by,
          createdAt: new Date(r.created_at),
          usedAt: r.used_at === null ? null : new Date(r.used_at),
          decision: r.decision,
        };
  }

  async markUsed(
    tenantId: string,
    linkId: string,
    decision: 'approved' | 'rejected',
    now: Date,
  ): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ id: string }>(
        `UPDATE content.approval_link SET used_at = $2, decision = $3 WHERE id = $1 AND used_at IS NULL
         RETURNING id`,
        [linkId, now, decision],
      ),
    );
    return rows.length === 1;
  }
}
