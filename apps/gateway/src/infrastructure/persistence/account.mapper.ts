import { isRole } from '@chorus/access';
import { Agency } from '../../domain/agency.aggregate.js';
import { Member } from '../../domain/member.aggregate.js';
import { PasswordHash } from '../../domain/password-hash.value-object.js';
import type { Workspace } from '../../domain/workspace.entity.js';
import { AgencyOrmEntity } from './agency.orm-entity.js';
import { MemberOrmEntity } from './member.orm-entity.js';
import { MembershipOrmEntity } from './membership.orm-entity.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

export function agencyToPersistence(agency: Agency): AgencyOrmEntity {
  const a = agency.snapshot();
  return Object.assign(new AgencyOrmEntity(), {
    id: a.id,
    tenantId: a.id,
    name: a.name,
    createdAt: a.createdAt,
  });
}

export function agencyToDomain(row: AgencyOrmEntity): Agency {
  return Agency.restore({ id: row.id, name: row.name, createdAt: new Date(row.createdAt) });
}

export function workspaceToPersistence(workspace: Workspace): WorkspaceOrmEntity {
  return Object.assign(new WorkspaceOrmEntity(), workspace);
}

export function workspaceToDomain(row: WorkspaceOrmEntity): Workspace {
  return { id: row.id, tenantId: row.tenantId, name: row.name, createdAt: new Date(row.createdAt) };
}

export function memberToPersistence(member: Member): {
  member: MemberOrmEntity;
  memberships: MembershipOrmEntity[];
} {
  const m = member.snapshot();
  return {
    member: Object.assign(new MemberOrmEntity(), {
      id: m.id,
      tenantId: m.tenantId,
      email: m.email,
      name: m.name,
      passwordHash: m.passwordHash.encoded,
      createdAt: m.createdAt,
      ...twoFactorColumns(member),
    }),
    memberships: m.memberships.map((ms) =>
      Object.assign(new MembershipOrmEntity(), {
        memberId: m.id,
        workspaceId: ms.workspaceId,
        tenantId: m.tenantId,
        roles: [...ms.roles],
      }),
    ),
  };
}

export function memberToDomain(row: MemberOrmEntity, memberships: readonly MembershipOrmEntity[]): Member {
  return Member.restore({
    id: row.id,
    tenantId: row.tenantId,
    email: row.email,
    name: row.name,
    passwordHash: PasswordHash.fromEncoded(row.passwordHash),
    memberships: memberships.map((ms) => ({ workspaceId: ms.workspaceId, roles: ms.roles.filter(isRole) })),
    createdAt: new Date(row.createdAt),
    twoFactor: {
      secret: row.totpSecret,
      pendingSecret: row.totpPendingSecret,
      lastUsedStep: row.totpLastStep === null ? null : Number(row.totpLastStep),
    },
  });
}

export function twoFactorColumns(
  member: Member,
): Pick<MemberOrmEntity, 'totpSecret' | 'totpPendingSecret' | 'totpLastStep'> {
  const twoFactor = member.snapshot().twoFactor;
  return {
    totpSecret: twoFactor?.secret ?? null,
    totpPendingSecret: twoFactor?.pendingSecret ?? null,
    totpLastStep:
      twoFactor?.lastUsedStep === null || twoFactor?.lastUsedStep === undefined
        ? null
        : String(twoFactor.lastUsedStep),
  };
}
