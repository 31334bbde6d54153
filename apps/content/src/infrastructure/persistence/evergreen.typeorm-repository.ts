import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  ChainHead,
  EvergreenRepository,
  RequeueView,
} from '../../application/ports/evergreen-repository.port.js';
import type { ContentProblem } from '../../domain/content.errors.js';
import {
  PENDING_PUBLICATION_STATES,
  type EvergreenSetting,
} from '../../domain/evergreen/evergreen-setting.value-object.js';

type Instant = Date | string;

interface EvergreenRow {
  post_id: string;
  tenant_id: string;
  workspace_id: string;
  active: boolean;
  min_gap_days: number;
  max_times: number;
  ends_at: Instant | null;
  requeued: number;
  stopped_reason: string | null;
  last_problems: ContentProblem[];
  revision: number;
  updated_at: Instant;
  updated_by: string;
}

@Injectable()
export class EvergreenTypeormRepository implements EvergreenRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async save(s: EvergreenSetting): Promise<void> {
    await this.transactions.run(s.tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.evergreen (post_id, tenant_id, workspace_id, active, min_gap_days, max_times, ends_at,
           requeued, stopped_reason, last_problems, revision, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)
         ON CONFLICT (post_id) DO UPDATE SET active = EXCLUDED.active, min_gap_days = EXCLUDED.min_gap_days,
           max_times = EXCLUDED.max_times, ends_at = EXCLUDED.ends_at, requeued = EXCLUDED.requeued,
           stopped_reason = EXCLUDED.stopped_reason, last_problems = EXCLUDED.last_problems,
           revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [
          s.postId,
          s.tenantId,
          s.workspaceId,
          s.active,
          s.minGapDays,
          s.maxTimes,
          s.endsAt,
          s.requeued,
          s.stoppedReason,
          JSON.stringify(s.lastProblems),
          s.revision,
          s.updatedAt,
          s.updatedBy,
        ],
      ),
    );
  }

  async find(tenantId: string, workspaceId: string, postId: string): Promise<EvergreenSetting | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<EvergreenRow>(`SELECT * FROM content.evergreen WHERE post_id = $1 AND workspace_id = $2`, [
        postId,
        workspaceId,
      ]),
    );
    return rows[0] === undefined ? null : toSetting(rows[0]);
  }

  async lockForRun(tenantId: string, postId: string): Promise<EvergreenSetting | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<EvergreenRow>(`SELECT * FROM content.evergreen WHERE post_id = $1 FOR UPDATE`, [postId]),
    );
    return rows[0] === undefined ? null : toSetting(rows[0]);
  }

  async head(tenantId: string, postId: string): Promise<ChainHead | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{
        id: string;
        requeue_number: number | null;
        status: 'draft' | 'scheduled';
        states: string[] | null;
        last: Instant | null;
        chain_pending: boolean;
      }>(
        `SELECT p.id, p.requeue_number, p.status,
                EXISTS (SELECT 1 FROM content.publication x JOIN content.post c ON c.id = x.post_id
                         WHERE (c.id = $1 OR c.requeue_of = $1) AND x.state = ANY($2::text[])) AS chain_pending,
                (SELECT array_agg(x.state) FROM content.publication x WHERE x.post_id = p.id) AS states,
                (SELECT max(x.published_at) FROM content.publication x WHERE x.post_id = p.id) AS last
           FROM content.post p
          WHERE p.id = $1 OR p.requeue_of = $1
          ORDER BY COALESCE(p.requeue_number, 0) DESC
          LIMIT 1`,
        [postId, PENDING_PUBLICATION_STATES],
      ),
    );
    const row = rows[0];
    return row === undefined
      ? null
      : {
          postId: row.id,
          requeue: row.requeue_number ?? 0,
          status: row.status,
          chainPending: row.chain_pending,
          targetStates: row.states ?? [],
          lastPublishedAt: row.last === null ? null : new Date(row.last),
        };
  }

  async requeues(tenantId: string, postId: string): Promise<RequeueView[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{
        id: string;
        requeue_number: number;
        status: 'draft' | 'scheduled';
        publish_at: Instant | null;
      }>(
        `SELECT id, requeue_number, status, publish_at FROM content.post
          WHERE requeue_of = $1 ORDER BY requeue_number`,
        [postId],
      ),
    );
    return rows.map((r) => ({
      postId: r.id,
      requeue: r.requeue_number,
      status: r.status,
      publishAt: r.publish_at === null ? null : new Date(r.publish_at),
    }));
  }

  async active(limit: number): Promise<{ tenantId: string; postId: string }[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<{ tenant_id: string; post_id: string }>(
        `SELECT tenant_id, post_id FROM content.evergreen WHERE active ORDER BY updated_at LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, postId: r.post_id }));
  }
}

function toSetting(row: EvergreenRow): EvergreenSetting {
  return {
    postId: row.post_id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    active: row.active,
    minGapDays: row.min_gap_days,
    maxTimes: row.max_times,
    endsAt: row.ends_at === null ? null : new Date(row.ends_at),
    requeued: row.requeued,
    stoppedReason: row.stopped_reason,
    lastProblems: row.last_problems,
    revision: row.revision,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
}
