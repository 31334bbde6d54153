import { Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { uuidv7 } from '@chorus/contracts';
import type { Outbox } from '@chorus/messaging';
import type { Tx } from '@chorus/persistence';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type { ApprovalRepository, PostVersion } from '../../application/ports/approval-repository.port.js';
import {
  NO_APPROVAL,
  type ApprovalStep,
  type ApprovalWorkflow,
} from '../../domain/approvals/approval-workflow.value-object.js';
import {
  PostApproval,
  type ApprovalDecision,
  type PostApprovalProps,
} from '../../domain/approvals/post-approval.aggregate.js';
import { ContentConflictError } from '../../domain/content.errors.js';
import type { PostContent, PostProps } from '../../domain/post.aggregate.js';
import { approvalIntegrationEvents } from './approval-integration-events.mapper.js';

type Instant = Date | string;

interface ApprovalRow {
  post_id: string;
  tenant_id: string;
  workspace_id: string;
  status: PostApprovalProps['status'];
  round: number;
  version: number;
  step: number;
  steps: ApprovalStep[];
  author_id: string;
  submitted_by: string;
  submitted_at: Instant;
  revision: number;
  updated_at: Instant;
}

interface DecisionRow {
  round: number;
  version: number;
  step: number;
  decision: ApprovalDecision['decision'];
  comment: string;
  decided_by: string;
  role: ApprovalDecision['role'];
  via: ApprovalDecision['via'];
  decided_at: Instant;
}

@Injectable()
export class ApprovalTypeormRepository implements ApprovalRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async workflow(tenantId: string, workspaceId: string): Promise<ApprovalWorkflow> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ steps: ApprovalStep[] }>(
        `SELECT steps FROM content.approval_workflow WHERE workspace_id = $1`,
        [workspaceId],
      ),
    );
    return rows[0] === undefined ? NO_APPROVAL : { steps: rows[0].steps };
  }

  async saveWorkflow(
    tenantId: string,
    workspaceId: string,
    workflow: ApprovalWorkflow,
    by: string,
  ): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.approval_workflow (workspace_id, tenant_id, steps, updated_at, updated_by)
         VALUES ($1, $2, $3::jsonb, now(), $4)
         ON CONFLICT (workspace_id) DO UPDATE SET steps = EXCLUDED.steps, updated_at = now(),
           updated_by = EXCLUDED.updated_by`,
        [workspaceId, tenantId, JSON.stringify(workflow.steps), by],
      ),
    );
  }

  async find(tenantId: string, workspaceId: string, postId: string): Promise<PostApproval | null> {
    return this.transactions.run(tenantId, (tx) => loadApproval(tx, workspaceId, postId));
  }

  async save(approval: PostApproval, previousRevision: number | null): Promise<void> {
    await this.transactions.run(approval.snapshot().tenantId, (tx) =>
      storeApproval(tx, this.outbox, approval, previousRevision),
    );
  }

  async history(tenantId: string, workspaceId: string, postId: string): Promise<ApprovalDecision[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<DecisionRow>(
        `SELECT * FROM content.approval_decision WHERE post_id = $1 AND workspace_id = $2
          ORDER BY decided_at, round, step`,
        [postId, workspaceId],
      ),
    );
    return rows.map(toDecision);
  }

  async versions(tenantId: string, workspaceId: string, postId: string): Promise<PostVersion[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ version: number; content: PostContent; created_at: Instant; created_by: string }>(
        `SELECT version, content, created_at, created_by FROM content.post_version
          WHERE post_id = $1 AND workspace_id = $2 ORDER BY version`,
        [postId, workspaceId],
      ),
    );
    return rows.map((r) => ({
      version: r.version,
      content: r.content,
      createdAt: new Date(r.created_at),
      createdBy: r.created_by,
    }));
  }
}

/**
 * Called in the transaction that stores a post (PostTypeormRepository): a post back in draft (an edit sent it
 * back for approval) has nothing to publish, so its publications not yet out are cancelled, on the publisher's
 * own terms (must_look = false; docs/adr/0019, 0022).
 */
export async function withdrawDraftPublications(tx: Tx, post: PostProps): Promise<void> {
  if (post.status === 'draft') {
    await tx.query(
      `UPDATE content.publication SET state = 'cancelled', updated_at = $2
        WHERE post_id = $1 AND must_look = false AND state IN ('scheduled', 'waiting', 'failed')`,
      [post.id, post.updatedAt],
    );
  }
}

/**
 * Called in the transaction that stores a post (PostTypeormRepository): when its content differs from the last
 * stored version, stores a new version, and an approval given or asked for the old content goes back to step 1
 * (with its notification), so nothing unapproved can be scheduled (docs/adr/0022).
 */
export async function recordPostVersion(tx: Tx, outbox: Outbox, post: PostProps): Promise<void> {
  const content: PostContent = JSON.parse(
    JSON.stringify({
      master: post.master,
      targets: post.targets,
      contentType: post.contentType,
      tags: post.tags,
      campaignId: post.campaignId,
      pillarKey: post.pillarKey,
      goalIds: post.goalIds,
    }),
  ) as PostContent;
  const last = await tx.query<{ version: number; content: PostContent }>(
    `SELECT version, content FROM content.post_version WHERE post_id = $1 ORDER BY version DESC LIMIT 1`,
    [post.id],
  );
  if (last[0] !== undefined && isDeepStrictEqual(last[0].content, content)) {
    return;
  }
  const version = (last[0]?.version ?? 0) + 1;
  await tx.query(
    `INSERT INTO content.post_version (post_id, version, tenant_id, workspace_id, content, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [
      post.id,
      version,
      post.tenantId,
      post.workspaceId,
      JSON.stringify(content),
      post.updatedAt,
      post.updatedBy,
    ],
  );
  const approval = await loadApproval(tx, post.workspaceId, post.id, true);
  if (approval === null) {
    return;
  }
  const previous = approval.snapshot().revision;
  approval.contentChanged(version, post.updatedBy, post.updatedAt);
  if (approval.snapshot().revision !== previous) {
    await storeApproval(tx, outbox, approval, previous);
  }
}

async function loadApproval(
  tx: Tx,
  workspaceId: string,
  postId: string,
  forUpdate = false,
): Promise<PostApproval | null> {
  const rows = await tx.query<ApprovalRow>(
    `SELECT * FROM content.post_approval WHERE post_id = $1 AND workspace_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [postId, workspaceId],
  );
  const row = rows[0];
  if (row === undefined) {
    return null;
  }
  const decisions = await tx.query<DecisionRow>(
    `SELECT * FROM content.approval_decision WHERE post_id = $1 AND round = $2 ORDER BY decided_at, step`,
    [postId, row.round],
  );
  return PostApproval.restore({
    postId: row.post_id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    status: row.status,
    round: row.round,
    version: row.version,
    step: row.step,
    steps: row.steps,
    authorId: row.author_id,
    submittedBy: row.submitted_by,
    submittedAt: new Date(row.submitted_at),
    decisions: decisions.map(toDecision),
    revision: row.revision,
    updatedAt: new Date(row.updated_at),
  });
}

async function storeApproval(
  tx: Tx,
  outbox: Outbox,
  approval: PostApproval,
  previousRevision: number | null,
): Promise<void> {
  const a = approval.snapshot();
  const values = [
    a.status,
    a.round,
    a.version,
    a.step,
    JSON.stringify(a.steps),
    a.submittedBy,
    a.submittedAt,
  ];
  if (previousRevision === null) {
    await tx.query(
      `INSERT INTO content.post_approval (post_id, tenant_id, workspace_id, author_id, status, round, version,
         step, steps, submitted_by, submitted_at, revision, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13)`,
      [a.postId, a.tenantId, a.workspaceId, a.authorId, ...values, a.revision, a.updatedAt],
    );
  } else {
    const updated = await tx.query<{ post_id: string }>(
      `UPDATE content.post_approval SET status = $3, round = $4, version = $5, step = $6, steps = $7::jsonb,
         submitted_by = $8, submitted_at = $9, revision = $10, updated_at = $11
       WHERE post_id = $1 AND revision = $2
       RETURNING post_id`,
      [a.postId, previousRevision, ...values, a.revision, a.updatedAt],
    );
    if (updated.length === 0) {
      throw new ContentConflictError(
        'Someone else decided on this post meanwhile; reload it and look again before deciding',
      );
    }
  }
  for (const d of a.decisions) {
    await tx.query(
      `INSERT INTO content.approval_decision (id, tenant_id, workspace_id, post_id, round, version, step, decision,
         comment, decided_by, role, via, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (post_id, round, step, decided_by) DO NOTHING`,
      [
        uuidv7(),
        a.tenantId,
        a.workspaceId,
        a.postId,
        d.round,
        d.version,
        d.step,
        d.decision,
        d.comment,
        d.decidedBy,
        d.role,
        d.via,
        d.decidedAt,
      ],
    );
  }
  const envelopes = approvalIntegrationEvents(approval.pendingEvents());
  if (envelopes.length > 0) {
    await outbox.add(tx, envelopes);
  }
  approval.clearPendingEvents();
}

function toDecision(r: DecisionRow): ApprovalDecision {
  return {
    round: r.round,
    version: r.version,
    step: r.step,
    decision: r.decision,
    comment: r.comment,
    decidedBy: r.decided_by,
    role: r.role,
    via: r.via,
    decidedAt: new Date(r.decided_at),
  };
}
