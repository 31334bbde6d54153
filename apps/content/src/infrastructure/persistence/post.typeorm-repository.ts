import { Inject, Injectable } from '@nestjs/common';
import type { Outbox } from '@chorus/messaging';
import type { Tx } from '@chorus/persistence';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type { PostListFilter, PostRepository } from '../../application/ports/post-repository.port.js';
import { ContentConflictError } from '../../domain/content.errors.js';
import { Post, type PostContent, type PostOrigin, type PostProps } from '../../domain/post.aggregate.js';
import { recordPostVersion, withdrawDraftPublications } from './approval.typeorm-repository.js';
import { postIntegrationEvents } from './post-integration-events.mapper.js';
import { cancelPublications, schedulePublications } from './publication.typeorm-repository.js';

interface PostRow {
  id: string;
  tenant_id: string;
  workspace_id: string;
  status: PostProps['status'];
  revision: number;
  content: Omit<PostContent, 'campaignId'>;
  campaign_id: string | null;
  publish_at: Date | string | null;
  time_zone: string | null;
  series_id: string | null;
  occurrence_at: Date | string | null;
  requeue_of: string | null;
  requeue_number: number | null;
  created_at: Date | string;
  created_by: string;
  updated_at: Date | string;
  updated_by: string;
}

@Injectable()
export class PostTypeormRepository implements PostRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async add(post: Post): Promise<void> {
    const p = post.snapshot();
    await this.transactions.run(p.tenantId, async (tx) => {
      await tx.query(
        `INSERT INTO content.post (id, tenant_id, workspace_id, status, revision, content, campaign_id, publish_at,
           time_zone, created_at, created_by, updated_at, updated_by, series_id, occurrence_at, requeue_of,
           requeue_number)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          p.id,
          p.tenantId,
          p.workspaceId,
          ...columns(p),
          p.createdAt,
          p.createdBy,
          p.updatedAt,
          p.updatedBy,
          ...originColumns(p.origin),
        ],
      );
      await this.publish(tx, post);
    });
    post.clearPendingEvents();
  }

  async save(post: Post, previousRevision: number): Promise<void> {
    const p = post.snapshot();
    await this.transactions.run(p.tenantId, async (tx) => {
      const updated = await tx.query<{ id: string }>(
        `UPDATE content.post SET status = $3, revision = $4, content = $5::jsonb, campaign_id = $6,
           publish_at = $7, time_zone = $8, updated_at = $9, updated_by = $10
         WHERE id = $1 AND revision = $2
         RETURNING id`,
        [p.id, previousRevision, ...columns(p), p.updatedAt, p.updatedBy],
      );
      if (updated.length === 0) {
        throw new ContentConflictError(
          'The post was changed by someone else meanwhile; reload it and try again',
        );
      }
      await this.publish(tx, post);
      if (p.status === 'draft') {
        // Off the calendar (back for approval): nothing of it is sent, unless an attempt may be out already.
        await cancelPublications(tx, p.id);
      }
    });
    post.clearPendingEvents();
  }

  async find(tenantId: string, workspaceId: string, postId: string): Promise<Post | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<PostRow>(`SELECT * FROM content.post WHERE id = $1 AND workspace_id = $2`, [
        postId,
        workspaceId,
      ]),
    );
    return rows[0] === undefined ? null : toPost(rows[0]);
  }

  async list(tenantId: string, workspaceId: string, filter: PostListFilter): Promise<Post[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<PostRow>(
        `SELECT * FROM content.post
          WHERE workspace_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR campaign_id = $3)
          ORDER BY publish_at NULLS LAST, updated_at DESC
          LIMIT 500`,
        [workspaceId, filter.status ?? null, filter.campaignId ?? null],
      ),
    );
    return rows.map(toPost);
  }

  async scheduledBetween(tenantId: string, workspaceId: string, from: Date, to: Date): Promise<Post[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<PostRow>(
        `SELECT * FROM content.post
          WHERE workspace_id = $1 AND publish_at >= $2 AND publish_at < $3
          ORDER BY publish_at, id
          LIMIT 2000`,
        [workspaceId, from, to],
      ),
    );
    return rows.map(toPost);
  }

  async takenInstants(tenantId: string, channelId: string, from: Date, to: Date): Promise<Set<number>> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ publish_at: Date | string }>(
        `SELECT publish_at FROM content.post
          WHERE publish_at >= $2 AND publish_at < $3 AND content->'targets' @> $1::jsonb`,
        [JSON.stringify([{ channelId }]), from, to],
      ),
    );
    return new Set(rows.map((r) => new Date(r.publish_at).getTime()));
  }

  private async publish(tx: Tx, post: Post): Promise<void> {
    // Content versions and approvals follow every change of content, in this transaction (docs/adr/0022).
    await recordPostVersion(tx, this.outbox, post.snapshot());
    await withdrawDraftPublications(tx, post.snapshot());
    const envelopes = postIntegrationEvents(post.pendingEvents());
    if (envelopes.length > 0) {
      await this.outbox.add(tx, envelopes);
      // The publisher's own record of what to send, committed with the post (docs/adr/0019).
      await schedulePublications(
        tx,
        envelopes.filter((e) => e.type === 'PostScheduled'),
      );
    }
  }
}

function columns(p: PostProps): unknown[] {
  const content: Omit<PostContent, 'campaignId'> = {
    master: p.master,
    targets: p.targets,
    contentType: p.contentType,
    tags: p.tags,
    pillarKey: p.pillarKey,
    goalIds: p.goalIds,
  };
  return [
    p.status,
    p.revision,
    JSON.stringify(content),
    p.campaignId,
    p.schedule?.publishAt ?? null,
    p.schedule?.timeZone ?? null,
  ];
}

/** Written once, with the post: series_id + occurrence_at and requeue_of + requeue_number are unique keys. */
function originColumns(origin: PostOrigin | null): unknown[] {
  switch (origin?.kind) {
    case undefined:
      return [null, null, null, null];
    case 'series':
      return [origin.seriesId, origin.occurrenceAt, null, null];
    case 'evergreen':
      return [null, null, origin.sourcePostId, origin.requeue];
  }
}

function originOf(row: PostRow): PostOrigin | null {
  if (row.series_id !== null && row.occurrence_at !== null) {
    return { kind: 'series', seriesId: row.series_id, occurrenceAt: new Date(row.occurrence_at) };
  }
  if (row.requeue_of !== null && row.requeue_number !== null) {
    return { kind: 'evergreen', sourcePostId: row.requeue_of, requeue: row.requeue_number };
  }
  return null;
}

function toPost(row: PostRow): Post {
  return Post.restore({
    id: row.id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    status: row.status,
    revision: row.revision,
    ...row.content,
    campaignId: row.campaign_id,
    schedule:
      row.publish_at === null ? null : { publishAt: new Date(row.publish_at), timeZone: row.time_zone! },
    origin: originOf(row),
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  });
}
