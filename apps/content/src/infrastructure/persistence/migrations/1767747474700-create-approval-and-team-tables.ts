import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approvals (the workspace's workflow, each post's approval round and decisions, the content versions they
 * approve, the client approver's signed links and the key that signs them) and the creative team (comments,
 * asset requests). docs/adr/0022-approvals.md.
 */
export class CreateApprovalAndTeamTables1767747474700 implements MigrationInterface {
  readonly name = 'CreateApprovalAndTeamTables1767747474700';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE content.approval_workflow (
        workspace_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        steps jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`,
      `CREATE TABLE content.post_version (
        post_id uuid NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        PRIMARY KEY (post_id, version)
      )`,
      `CREATE TABLE content.post_approval (
        post_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        round integer NOT NULL,
        version integer NOT NULL,
        step integer NOT NULL,
        steps jsonb NOT NULL,
        author_id uuid NOT NULL,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL,
        revision integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`,
      `CREATE INDEX post_approval_workspace ON content.post_approval (tenant_id, workspace_id, status)`,
      `CREATE TABLE content.approval_decision (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        post_id uuid NOT NULL,
        round integer NOT NULL,
        version integer NOT NULL,
        step integer NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        comment text NOT NULL,
        decided_by uuid NOT NULL,
        role text NOT NULL,
        via text NOT NULL CHECK (via IN ('member', 'link')),
        decided_at timestamptz NOT NULL
      )`,
      // One decision per member (or link) per step of a round: a repeated click changes nothing.
      `CREATE UNIQUE INDEX approval_decision_once ON content.approval_decision (post_id, round, step, decided_by)`,
      `CREATE TABLE content.approval_link (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        post_id uuid NOT NULL,
        round integer NOT NULL,
        version integer NOT NULL,
        step integer NOT NULL,
        recipient text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        used_at timestamptz,
        decision text
      )`,
      `CREATE TABLE content.approval_link_key (
        tenant_id uuid PRIMARY KEY,
        secret text NOT NULL,
        created_at timestamptz NOT NULL
      )`,
      `CREATE TABLE content.post_comment (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        post_id uuid NOT NULL,
        body text NOT NULL,
        mentions jsonb NOT NULL,
        author_id uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`,
      `CREATE INDEX post_comment_post ON content.post_comment (post_id, created_at)`,
      `CREATE TABLE content.asset_request (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        post_id uuid NOT NULL,
        kind text NOT NULL,
        brief text NOT NULL,
        due_on date NOT NULL,
        assignee_id uuid NOT NULL,
        requested_by uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'in-progress', 'delivered', 'cancelled')),
        media_ids jsonb NOT NULL,
        revision integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`,
      `CREATE INDEX asset_request_workspace ON content.asset_request (tenant_id, workspace_id, status, due_on)`,
    ];
    for (const sql of statements) {
      await queryRunner.query(sql);
    }
    for (const table of [
      'approval_workflow',
      'post_version',
      'post_approval',
      'approval_decision',
      'approval_link',
      'approval_link_key',
      'post_comment',
      'asset_request',
    ]) {
      for (const sql of tenantIsolationSql('content', table, 'content')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE content.asset_request, content.post_comment, content.approval_link_key, content.approval_link,
         content.approval_decision, content.post_approval, content.post_version, content.approval_workflow`,
    );
  }
}
