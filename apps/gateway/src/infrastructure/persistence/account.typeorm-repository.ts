import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantTransactions } from '@chorus/service-kit';
import type { Tx } from '@chorus/persistence';
import type { AccountRepository } from '../../application/ports/account-repository.port.js';
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
import { AgencyOrmEntity } from './agency.orm-entity.js';
import { MemberOrmEntity } from './member.orm-entity.js';
import { MembershipOrmEntity } from './membership.orm-entity.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class AccountTypeormRepository implements AccountRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async addAgency(agency: Agency, workspace: Workspace, admin: Member): Promise<void> {
    const { member, memberships } = memberToPersistence(admin);
    try {
      await this.transactions.run(agency.id, async (tx) => {
        await tx.manager.insert(AgencyOrmEntity, agencyToPersistence(agency));
        await tx.manager.insert(WorkspaceOrmEntity, workspaceToPersistence(workspace));
        await tx.manager.insert(MemberOrmEntity, member);
        await tx.manager.insert(MembershipOrmEntity, memberships);
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
    const { member: row, memberships } = memberToPersistence(member);
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
    const { member: row, memberships } = memberToPersistence(member);
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
        { passwordHash: m.passwordHash.encoded, ...twoFactorColumns(member) },
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

  private async withMemberships(tx: Tx, row: MemberOrmEntity): Promise<Member> {
    const memberships = await tx.manager.findBy(MembershipOrmEntity, { memberId: row.id });
    return memberToDomain(row, memberships);
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
