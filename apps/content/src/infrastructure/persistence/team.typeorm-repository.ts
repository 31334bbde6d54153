import { Inject, Injectable } from '@nestjs/common';
import type { Outbox } from '@chorus/messaging';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type {
  AssetRequestFilter,
  PostComment,
  TeamRepository,
} from '../../application/ports/team-repository.port.js';
import { AssetRequest, type AssetRequestProps } from '../../domain/collaboration/asset-request.aggregate.js';
import { ContentConflictError } from '../../domain/content.errors.js';
import { assetRequestNotifications, commentNotifications } from './team-integration-events.mapper.js';

type Instant = Date | string;

interface CommentRow {
  id: string;
  tenant_id: string;
  workspace_id: string;
  post_id: string;
  body: string;
  mentions: string[];
  author_id: string;
  created_at: Instant;
}

interface AssetRequestRow {
  id: string;
  tenant_id: string;
  workspace_id: string;
  post_id: string;
  kind: AssetRequestProps['kind'];
  brief: string;
  due_text: string;
  assignee_id: string;
  requested_by: string;
  status: AssetRequestProps['status'];
  media_ids: string[];
  revision: number;
  created_at: Instant;
  updated_at: Instant;
  updated_by: string;
}

@Injectable()
export class TeamTypeormRepository implements TeamRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async addComment(c: PostComment): Promise<void> {
    await this.transactions.run(c.tenantId, async (tx) => {
      await tx.query(
        `INSERT INTO content.post_comment (id, tenant_id, workspace_id, post_id, body, mentions, author_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
        [
          c.id,
          c.tenantId,
          c.workspaceId,
          c.postId,
          c.body,
          JSON.stringify(c.mentions),
          c.authorId,
          c.createdAt,
        ],
      );
      const envelopes = commentNotifications(c);
      if (envelopes.length > 0) {
        await this.outbox.add(tx, envelopes);
      }
    });
  }

  async comments(tenantId: string, workspaceId: string, postId: string): Promise<PostComment[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<CommentRow>(
        `SELECT * FROM content.post_comment WHERE post_id = $1 AND workspace_id = $2 ORDER BY created_at, id
          LIMIT 1000`,
        [postId, workspaceId],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant_id,
      workspaceId: r.workspace_id,
      postId: r.post_id,
      body: r.body,
      mentions: r.mentions,
      authorId: r.author_id,
      createdAt: new Date(r.created_at),
    }));
  }

  async saveAssetRequest(request: AssetRequest, previousRevision: number | null): Promise<void> {
    const r = request.snapshot();
    await this.transactions.run(r.tenantId, async (tx) => {
      if (previousRevision === null) {
        await tx.query(
          `INSERT INTO content.asset_request (id, tenant_id, workspace_id, post_id, kind, brief, due_on, assignee_id,
             requested_by, status, media_ids, revision, created_at, updated_at, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15)`,
          [
            r.id,
            r.tenantId,
            r.workspaceId,
            r.postId,
            r.kind,
            r.brief,
            r.dueOn,
            r.assigneeId,
            r.requestedBy,
            r.status,
            JSON.stringify(r.mediaIds),
            r.revision,
            r.createdAt,
            r.updatedAt,
            r.updatedBy,
          ],
        );
      } else {
        const updated = await tx.query<{ id: string }>(
          `UPDATE content.asset_request SET status = $3, media_ids = $4::jsonb, revision = $5, updated_at = $6,
             updated_by = $7
           WHERE id = $1 AND revision = $2
           RETURNING id`,
          [
            r.id,
            previousRevision,
            r.status,
            JSON.stringify(r.mediaIds),
            r.revision,
            r.updatedAt,
            r.updatedBy,
          ],
        );
        if (updated.length === 0) {
          throw new ContentConflictError('The request was changed by someone else meanwhile; reload it');
        }
      }
      const envelopes = assetRequestNotifications(request.pendingEvents());
      if (envelopes.length > 0) {
        await this.outbox.add(tx, envelopes);
      }
    });
    request.clearPendingEvents();
  }

  async findAssetRequest(tenantId: string, workspaceId: string, id: string): Promise<AssetRequest | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<AssetRequestRow>(
        `SELECT *, to_char(due_on, 'YYYY-MM-DD') AS due_text FROM content.asset_request WHERE id = $1 AND workspace_id = $2`,
        [id, workspaceId],
      ),
    );
    return rows[0] === undefined ? null : toAssetRequest(rows[0]);
  }

  async assetRequests(
    tenantId: string,
    workspaceId: string,
    filter: AssetRequestFilter,
  ): Promise<AssetRequest[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<AssetRequestRow>(
        `SELECT *, to_char(due_on, 'YYYY-MM-DD') AS due_text FROM content.asset_request
          WHERE workspace_id = $1 AND ($2::uuid IS NULL OR post_id = $2) AND ($3::uuid IS NULL OR assignee_id = $3)
            AND ($4::text IS NULL OR status = $4)
          ORDER BY due_on, created_at
          LIMIT 500`,
        [workspaceId, filter.postId ?? null, filter.assigneeId ?? null, filter.status ?? null],
      ),
    );
    return rows.map(toAssetRequest);
  }
}

function toAssetRequest(r: AssetRequestRow): AssetRequest {
  return AssetRequest.restore({
    id: r.id,
    tenantId: r.tenant_id,
    workspaceId: r.workspace_id,
    postId: r.post_id,
    kind: r.kind,
    brief: r.brief,
    dueOn: r.due_text,
    assigneeId: r.assignee_id,
    requestedBy: r.requested_by,
    status: r.status,
    mediaIds: r.media_ids,
    revision: r.revision,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
  });
}
