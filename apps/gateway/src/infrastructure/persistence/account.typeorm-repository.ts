import { Inject, Injectable, Optional } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantTransactions } from '@chorus/service-kit';
import type { Tx } from '@chorus/persistence';
import type {
  AccountRepository,
  TwoFactorSealReport,
} from '../../application/ports/account-repository.port.js';
import type { SealedSecret, TokenVault } from '../../application/ports/token-vault.port.js';
import { TOKEN_VAULT } from '../../gateway.tokens.js';
import { EmailAlreadyRegisteredError } from '../../domain/account.errors.js';
import type { Agency } from '../../domain/agency.aggregate.js';
import { normaliseEmail, type Member } from '../../domain/member.aggregate.js';
import type { Workspace } from '../../domain/workspace.entity.js';
import {
  agencyToDomain,
  agencyToPersistence,
  memberToDomain,
  memberToPersistence,
  twoFactorColumns,
  workspaceToDomain,
  workspaceToPersistence,
} from './account.mapper.js';
import { sealTwoFactorSecrets, totpBinding } from './two-factor-secrets.mapper.js';
import { AgencyOrmEntity } from './agency.orm-entity.js';
import { MemberOrmEntity } from './member.orm-entity.js';
import { MembershipOrmEntity } from './membership.orm-entity.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

const UNIQUE_VIOLATION = '23505';

interface UnsealedTwoFactorRow {
  id: string;
  tenant_id: string;
  totp_sealed: SealedSecret | null;
  totp_secret_unsealed: string | null;
  totp_pending_secret_unsealed: string | null;
}

@Injectable()
export class AccountTypeormRepository implements AccountRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    // TOTP secrets are sealed by the vault; without one, two-factor set-up answers 503 (ADR 0013).
    @Optional() @Inject(TOKEN_VAULT) private readonly vault: TokenVault | undefined,
  ) {}

  async addAgency(agency: Agency, workspace: Workspace, admin: Member): Promise<void> {
    const { member, memberships } = memberToPersistence(admin, this.vault);
    try {
      await this.transactions.run(agency.id, async (tx) => {
        await tx.manager.insert(AgencyOrmEntity, agencyToPersistence(agency));
        await tx.manager.insert(WorkspaceOrmEntity, workspaceToPersistence(workspace));
        await tx.manager.insert(MemberOrmEntity, member);
        await tx.manager.insert(MembershipOrmEntity, memberships);
        // Whoever founds the agency owns it (ADR 0018): agency-level actions need this role.
        await tx.query(
          `INSERT INTO gateway.agency_role (member_id, tenant_id, role, granted_at) VALUES ($1, $2, 'owner', now())`,
          [member.id, agency.id],
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'member_email')) {
        throw new EmailAlreadyRegisteredError();
      }
      throw error;
    }
  }

  async findMemberByEmail(email: string): Promise<Member | null> {
    return this.transactions.asSystem(async (tx) => {
      const row = await tx.manager.findOneBy(MemberOrmEntity, { email: normaliseEmail(email) });
      return row === null ? null : this.withMemberships(tx, row);
    });
  }

  async findMember(tenantId: string, memberId: string): Promise<Member | null> {
    return this.transactions.run(tenantId, async (tx) => {
      const row = await tx.manager.findOneBy(MemberOrmEntity, { id: memberId });
      return row === null ? null : this.withMemberships(tx, row);
    });
  }

  async findAgency(tenantId: string): Promise<Agency | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(AgencyOrmEntity, { id: tenantId }),
    );
    return row === null ? null : agencyToDomain(row);
  }

  async addMember(member: Member): Promise<void> {
    const { member: row, memberships } = memberToPersistence(member, this.vault);
    try {
      await this.transactions.run(row.tenantId, async (tx) => {
        await tx.manager.insert(MemberOrmEntity, row);
        await tx.manager.insert(MembershipOrmEntity, memberships);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'member_email')) {
        throw new EmailAlreadyRegisteredError();
      }
      throw error;
    }
  }

  async saveMemberships(member: Member): Promise<void> {
    const { member: row, memberships } = memberToPersistence(member, this.vault);
    await this.transactions.run(row.tenantId, async (tx) => {
      await tx.manager.delete(MembershipOrmEntity, { memberId: row.id });
      if (memberships.length > 0) {
        await tx.manager.insert(MembershipOrmEntity, memberships);
      }
    });
  }

  async addWorkspace(workspace: Workspace): Promise<void> {
    await this.transactions.run(workspace.tenantId, (tx) =>
      tx.manager.insert(WorkspaceOrmEntity, workspaceToPersistence(workspace)),
    );
  }

  async listWorkspaceMembers(tenantId: string, workspaceId: string): Promise<Member[]> {
    return this.transactions.run(tenantId, async (tx) => {
      const inWorkspace = await tx.manager.findBy(MembershipOrmEntity, { workspaceId });
      if (inWorkspace.length === 0) {
        return [];
      }
      const rows = await tx.manager.find(MemberOrmEntity, {
        where: { id: In(inWorkspace.map((ms) => ms.memberId)) },
        order: { name: 'ASC', id: 'ASC' },
      });
      const all = await tx.manager.findBy(MembershipOrmEntity, { memberId: In(rows.map((r) => r.id)) });
      return rows.map((r) =>
        memberToDomain(
          r,
          all.filter((ms) => ms.memberId === r.id),
          this.vault,
        ),
      );
    });
  }

  async saveCredentials(member: Member): Promise<void> {
    const m = member.snapshot();
    await this.transactions.run(m.tenantId, (tx) =>
      tx.manager.update(
        MemberOrmEntity,
        { id: m.id },
        { passwordHash: m.passwordHash.encoded, ...twoFactorColumns(member, this.vault) },
      ),
    );
  }

  async listWorkspaces(tenantId: string, workspaceIds: readonly string[]): Promise<Workspace[]> {
    if (workspaceIds.length === 0) {
      return [];
    }
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(WorkspaceOrmEntity, {
        where: { id: In([...workspaceIds]) },
        order: { createdAt: 'ASC' },
      }),
    );
    return rows.map(workspaceToDomain);
  }

  async sealTwoFactorSecrets(batchSize: number): Promise<TwoFactorSealReport> {
    const vault = this.vault;
    if (vault === undefined) {
      return { sealed: 0, failedMemberIds: [] };
    }
    let total = 0;
    // A row that cannot be opened is passed over (left out of the next batches), not retried forever, so one bad
    // row cannot keep every later one under the old key (ADR 0018).
    const failed: string[] = [];
    for (;;) {
      const seen = await this.transactions.asSystem(async (tx) => {
        const rows = await tx.query<UnsealedTwoFactorRow>(
          `SELECT id, tenant_id, totp_sealed, totp_secret_unsealed, totp_pending_secret_unsealed
             FROM gateway.member
            WHERE (totp_secret_unsealed IS NOT NULL OR totp_pending_secret_unsealed IS NOT NULL
               OR totp_sealed->>'keyId' <> $1) AND NOT (id = ANY($3::uuid[]))
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [vault.activeKeyId, batchSize, failed],
        );
        for (const row of rows) {
          const binding = totpBinding(row.tenant_id, row.id);
          let sealed: SealedSecret | null;
          try {
            sealed =
              row.totp_sealed === null
                ? sealTwoFactorSecrets(vault, binding, {
                    secret: row.totp_secret_unsealed,
                    pendingSecret: row.totp_pending_secret_unsealed,
                  }).totpSealed
                : vault.rewrap(row.totp_sealed, binding);
          } catch {
            failed.push(row.id);
            continue;
          }
          await tx.query(
            `UPDATE gateway.member
                SET totp_sealed = $2, totp_secret_unsealed = NULL, totp_pending_secret_unsealed = NULL
              WHERE id = $1`,
            [row.id, sealed === null ? null : JSON.stringify(sealed)],
          );
          total += 1;
        }
        return rows.length;
      });
      if (seen < batchSize) {
        return { sealed: total, failedMemberIds: failed };
      }
    }
  }

  private async withMemberships(tx: Tx, row: MemberOrmEntity): Promise<Member> {
    const memberships = await tx.manager.findBy(MembershipOrmEntity, { memberId: row.id });
    return memberToDomain(row, memberships, this.vault);
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === UNIQUE_VIOLATION && (name === undefined || name === constraint);
}
