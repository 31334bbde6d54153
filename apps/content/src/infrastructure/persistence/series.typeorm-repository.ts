import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  SeriesOccurrenceView,
  SeriesRepository,
} from '../../application/ports/series-repository.port.js';
import { ContentConflictError, type ContentProblem } from '../../domain/content.errors.js';
import type { PostContentInput } from '../../domain/post.aggregate.js';
import {
  PostSeries,
  type PostSeriesProps,
  type SeriesStatus,
} from '../../domain/recurrence/post-series.aggregate.js';
import { parseRecurrenceRule } from '../../domain/recurrence/recurrence-rule.value-object.js';

type Instant = Date | string;

interface SeriesRow {
  id: string;
  tenant_id: string;
  workspace_id: string;
  status: SeriesStatus;
  revision: number;
  rule: string;
  starts_on: string;
  local_time: string;
  time_zone: string;
  template: PostContentInput;
  last_problems: { occurrenceAt: string; problems: ContentProblem[] }[];
  materialised_at: Instant | null;
  ended_at: Instant | null;
  created_at: Instant;
  created_by: string;
  updated_at: Instant;
  updated_by: string;
}

interface OccurrenceRow {
  id: string;
  occurrence_at: Instant;
  status: 'draft' | 'scheduled';
  publish_at: Instant | null;
  revision: number;
}

// A post Chorus made is at revision 1 (a draft) or 2 (made, then scheduled); any other revision is a person's.
const UNTOUCHED = `((p.status = 'draft' AND p.revision = 1) OR (p.status = 'scheduled' AND p.revision = 2))`;

@Injectable()
export class SeriesTypeormRepository implements SeriesRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(series: PostSeries): Promise<void> {
    const s = series.snapshot();
    await this.transactions.run(s.tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.post_series (id, tenant_id, workspace_id, status, revision, rule, starts_on, local_time,
           time_zone, template, last_problems, materialised_at, ended_at, created_at, created_by, updated_at,
           updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16, $17)`,
        [
          s.id,
          s.tenantId,
          s.workspaceId,
          ...columns(series),
          s.createdAt,
          s.createdBy,
          s.updatedAt,
          s.updatedBy,
        ],
      ),
    );
  }

  async save(series: PostSeries, previousRevision: number): Promise<void> {
    const s = series.snapshot();
    await this.transactions.run(s.tenantId, async (tx) => {
      const updated = await tx.query<{ id: string }>(
        `UPDATE content.post_series SET status = $3, revision = $4, rule = $5, starts_on = $6, local_time = $7,
           time_zone = $8, template = $9::jsonb, last_problems = $10::jsonb, materialised_at = $11, ended_at = $12,
           updated_at = $13, updated_by = $14
         WHERE id = $1 AND revision = $2
         RETURNING id`,
        [s.id, previousRevision, ...columns(series), s.updatedAt, s.updatedBy],
      );
      if (updated.length === 0) {
        throw new ContentConflictError(
          'The series was changed by someone else meanwhile; reload it and try again',
        );
      }
    });
  }

  async find(tenantId: string, workspaceId: string, seriesId: string): Promise<PostSeries | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<SeriesRow>(`SELECT * FROM content.post_series WHERE id = $1 AND workspace_id = $2`, [
        seriesId,
        workspaceId,
      ]),
    );
    return rows[0] === undefined ? null : toSeries(rows[0]);
  }

  async list(tenantId: string, workspaceId: string): Promise<PostSeries[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<SeriesRow>(
        `SELECT * FROM content.post_series WHERE workspace_id = $1
          ORDER BY status, created_at DESC LIMIT 500`,
        [workspaceId],
      ),
    );
    return rows.map(toSeries);
  }

  async lockForRun(tenantId: string, seriesId: string): Promise<PostSeries | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<SeriesRow>(`SELECT * FROM content.post_series WHERE id = $1 FOR UPDATE`, [seriesId]),
    );
    return rows[0] === undefined ? null : toSeries(rows[0]);
  }

  async saveRun(series: PostSeries): Promise<void> {
    const s = series.snapshot();
    await this.transactions.run(s.tenantId, (tx) =>
      tx.query(
        `UPDATE content.post_series SET last_problems = $2::jsonb, materialised_at = $3 WHERE id = $1`,
        [s.id, JSON.stringify(s.lastProblems), s.materialisedAt],
      ),
    );
  }

  async occurrenceInstants(tenantId: string, seriesId: string): Promise<Set<number>> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ occurrence_at: Instant }>(`SELECT occurrence_at FROM content.post WHERE series_id = $1`, [
        seriesId,
      ]),
    );
    return new Set(rows.map((r) => new Date(r.occurrence_at).getTime()));
  }

  async occurrences(tenantId: string, seriesId: string, from: Date): Promise<SeriesOccurrenceView[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<OccurrenceRow & { untouched: boolean }>(
        `SELECT p.id, p.occurrence_at, p.status, p.publish_at, p.revision, ${UNTOUCHED} AS untouched
           FROM content.post p
          WHERE p.series_id = $1 AND p.occurrence_at >= $2
          ORDER BY p.occurrence_at LIMIT 200`,
        [seriesId, from],
      ),
    );
    return rows.map((r) => ({
      postId: r.id,
      occurrenceAt: new Date(r.occurrence_at),
      status: r.status,
      publishAt: r.publish_at === null ? null : new Date(r.publish_at),
      changedByPerson: !r.untouched,
    }));
  }

  async withdrawUntouched(tenantId: string, seriesId: string, after: Date): Promise<number> {
    return this.transactions.run(tenantId, async (tx) => {
      // Anything a person attached to a post (approval, comment, asset request, approval link, an evergreen
      // setting or a re-queue of it) makes it theirs: it stays.
      const candidates = await tx.query<{ id: string }>(
        `SELECT p.id FROM content.post p
          WHERE p.series_id = $1 AND p.occurrence_at > $2 AND ${UNTOUCHED}
            AND NOT EXISTS (SELECT 1 FROM content.post_approval a WHERE a.post_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM content.post_comment c WHERE c.post_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM content.asset_request r WHERE r.post_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM content.approval_link l WHERE l.post_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM content.evergreen e WHERE e.post_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM content.post q WHERE q.requeue_of = p.id)
          FOR UPDATE OF p`,
        [seriesId, after],
      );
      if (candidates.length === 0) {
        return 0;
      }
      // Every publication row of theirs, locked and read as committed now: a publisher claiming one at this
      // moment is waited for and then seen, and none can claim them until this transaction ends. A post with
      // any row that was ever attempted or is not plainly scheduled is kept (the publisher owns it).
      const rows = await tx.query<{ post_id: string; state: string; attempts: number; must_look: boolean }>(
        `SELECT post_id, state, attempts, must_look FROM content.publication
          WHERE post_id = ANY($1::uuid[]) ORDER BY target_id FOR UPDATE`,
        [candidates.map((c) => c.id)],
      );
      const claimed = new Set(
        rows
          .filter((r) => r.attempts > 0 || r.must_look || !['scheduled', 'cancelled'].includes(r.state))
          .map((r) => r.post_id),
      );
      const ids = candidates.map((c) => c.id).filter((id) => !claimed.has(id));
      if (ids.length > 0) {
        // Never attempted and now locked, so nothing of them can be out: their publication rows go with them.
        await tx.query(`DELETE FROM content.publication WHERE post_id = ANY($1::uuid[])`, [ids]);
        await tx.query(`DELETE FROM content.post_version WHERE post_id = ANY($1::uuid[])`, [ids]);
        await tx.query(`DELETE FROM content.post WHERE id = ANY($1::uuid[])`, [ids]);
      }
      return ids.length;
    });
  }

  async activeSeries(limit: number): Promise<{ tenantId: string; seriesId: string }[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<{ tenant_id: string; id: string }>(
        `SELECT tenant_id, id FROM content.post_series WHERE status = 'active'
          ORDER BY materialised_at NULLS FIRST LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, seriesId: r.id }));
  }
}

function columns(series: PostSeries): unknown[] {
  const s = series.snapshot();
  return [
    s.status,
    s.revision,
    series.ruleText,
    s.start.date,
    s.start.time,
    s.start.timeZone,
    JSON.stringify(s.template),
    JSON.stringify(s.lastProblems),
    s.materialisedAt,
    s.endedAt,
  ];
}

function toSeries(row: SeriesRow): PostSeries {
  const parsed = parseRecurrenceRule(row.rule);
  if (!parsed.ok) {
    throw new Error(`Stored series ${row.id} has a rule that no longer parses: ${row.rule}`);
  }
  const props: PostSeriesProps = {
    id: row.id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    template: row.template,
    rule: parsed.rule,
    start: { date: row.starts_on, time: row.local_time, timeZone: row.time_zone },
    status: row.status,
    revision: row.revision,
    lastProblems: row.last_problems.map((p) => ({
      occurrenceAt: new Date(p.occurrenceAt),
      problems: p.problems,
    })),
    materialisedAt: row.materialised_at === null ? null : new Date(row.materialised_at),
    endedAt: row.ended_at === null ? null : new Date(row.ended_at),
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
  return PostSeries.restore(props);
}
