import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  PauseRequest,
  PublishingPauseRepository,
  ResumeRequest,
  ResumeResult,
} from '../../application/ports/publishing-pause-repository.port.js';
import type { OnResume, PublishingPause } from '../../domain/publishing/publishing-pause.value-object.js';

interface PauseRow {
  reason: string;
  crisis_id: string | null;
  paused_at: Date | string;
  paused_by: string | null;
  on_resume: OnResume;
  held: number;
}

// Held: due since the pause began (or before, and still not sent), not yet claimed.
const HELD = `state IN ('scheduled', 'waiting') AND next_attempt_at <= $2`;

/** A pause's row key: a person's pause is one row per workspace, each crisis its own. */
function sourceOf(crisisId: string | null): string {
  return crisisId === null ? 'person' : `crisis:${crisisId}`;
}

/**
 * Publishing is paused while any row of the workspace stands (one per source: a person, each crisis). A new
 * source's row takes the start of the pause already standing, so the pause's length is the whole stretch.
 */
@Injectable()
export class PublishingPauseTypeormRepository implements PublishingPauseRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async pause(tenantId: string, workspaceId: string, request: PauseRequest, now: Date): Promise<boolean> {
    return this.transactions.run(tenantId, async (tx) => {
      // A crisis already resolved (its CrisisResolved came first) pauses nothing; a crisis pausing again keeps
      // its row; a person pausing again updates the reason and the choice for resuming.
      const onConflict =
        request.crisisId === null
          ? `DO UPDATE SET reason = EXCLUDED.reason, paused_by = EXCLUDED.paused_by,
               on_resume = EXCLUDED.on_resume`
          : 'DO NOTHING';
      const rows = await tx.query(
        `INSERT INTO content.publishing_pause
           (workspace_id, tenant_id, source, reason, crisis_id, paused_at, paused_by, on_resume)
         SELECT $1, $2, $3, $4, $5,
                COALESCE((SELECT min(paused_at) FROM content.publishing_pause WHERE workspace_id = $1), $6),
                $7, $8
          WHERE $5::uuid IS NULL OR NOT EXISTS (
                SELECT 1 FROM content.resolved_crisis WHERE workspace_id = $1 AND crisis_id = $5::uuid)
         ON CONFLICT (workspace_id, source) ${onConflict}
         RETURNING source`,
        [
          workspaceId,
          tenantId,
          sourceOf(request.crisisId),
          request.reason,
          request.crisisId,
          now,
          request.pausedBy,
          request.onResume,
        ],
      );
      return rows.length > 0;
    });
  }

  async get(tenantId: string, workspaceId: string, now: Date): Promise<PublishingPause | null> {
    // Several sources may stand: a person's pause speaks for the workspace, else the latest crisis.
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<PauseRow>(
        `SELECT p.*, (SELECT count(*)::int FROM content.publication WHERE workspace_id = $1 AND ${HELD}) AS held
           FROM content.publishing_pause p WHERE p.workspace_id = $1
          ORDER BY (p.source = 'person') DESC, p.paused_at DESC, p.source
          LIMIT 1`,
        [workspaceId, now],
      ),
    );
    const row = rows[0];
    return row === undefined
      ? null
      : {
          reason: row.reason,
          crisisId: row.crisis_id,
          pausedAt: new Date(row.paused_at),
          pausedBy: row.paused_by,
          onResume: row.on_resume,
          held: row.held,
        };
  }

  async resume(
    tenantId: string,
    workspaceId: string,
    request: ResumeRequest,
    now: Date,
  ): Promise<ResumeResult | null> {
    return this.transactions.run(tenantId, async (tx) => {
      // Serialise the workspace's resumes: the last source to go applies the choice for the held posts.
      await tx.query(
        `SELECT source FROM content.publishing_pause WHERE workspace_id = $1 ORDER BY source FOR UPDATE`,
        [workspaceId],
      );
      if (request.crisisId !== undefined) {
        await tx.query(
          `INSERT INTO content.resolved_crisis (workspace_id, crisis_id, tenant_id, resolved_at)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [workspaceId, request.crisisId, tenantId, now],
        );
      }
      // A crisis ends only its own pause; a person ends the workspace's pause, whatever started it.
      const ended = await tx.query<{ paused_at: Date | string; on_resume: OnResume }>(
        request.crisisId === undefined
          ? `DELETE FROM content.publishing_pause WHERE workspace_id = $1 RETURNING paused_at, on_resume`
          : `DELETE FROM content.publishing_pause WHERE workspace_id = $1 AND source = $2
             RETURNING paused_at, on_resume`,
        request.crisisId === undefined ? [workspaceId] : [workspaceId, sourceOf(request.crisisId)],
      );
      const first = ended[0];
      if (first === undefined) {
        return null;
      }
      const remaining = await tx.query(
        `SELECT 1 FROM content.publishing_pause WHERE workspace_id = $1 LIMIT 1`,
        [workspaceId],
      );
      if (remaining.length > 0) {
        return { held: 0, stillPaused: true };
      }
      const onResume = request.onResume ?? first.on_resume;
      if (onResume === 'publish') {
        const held = await tx.query(
          `SELECT target_id FROM content.publication WHERE workspace_id = $1 AND ${HELD}`,
          [workspaceId, now],
        );
        return { held: held.length, stillPaused: false };
      }
      // Each held target moves by the pause's length; its planned time shows the new one.
      const moved = await tx.query(
        `UPDATE content.publication
            SET state = 'scheduled', due_at = next_attempt_at + ($2::timestamptz - $3::timestamptz),
                next_attempt_at = next_attempt_at + ($2::timestamptz - $3::timestamptz), waiting_reason = NULL,
                reason_code = 'rescheduled-after-pause',
                reason_message = 'Rescheduled after the publishing pause, by the time the pause lasted',
                reason_action = NULL, updated_at = $2
          WHERE workspace_id = $1 AND ${HELD} AND must_look = false
         RETURNING target_id`,
        [workspaceId, now, first.paused_at],
      );
      return { held: moved.length, stillPaused: false };
    });
  }

  async crisisOnResume(tenantId: string, workspaceId: string): Promise<OnResume> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ crisis_on_resume: OnResume }>(
        `SELECT crisis_on_resume FROM content.publishing_settings WHERE workspace_id = $1`,
        [workspaceId],
      ),
    );
    return rows[0]?.crisis_on_resume ?? 'publish';
  }

  async setCrisisOnResume(
    tenantId: string,
    workspaceId: string,
    onResume: OnResume,
    by: string,
    now: Date,
  ): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.publishing_settings (workspace_id, tenant_id, crisis_on_resume, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id) DO UPDATE SET crisis_on_resume = EXCLUDED.crisis_on_resume,
           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [workspaceId, tenantId, onResume, now, by],
      ),
    );
  }
}
