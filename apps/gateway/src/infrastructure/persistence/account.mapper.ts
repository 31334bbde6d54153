import { isRole } from '@chorus/access';
import type { TokenVault } from '../../application/ports/token-vault.port.js';
import { Agency } from '../../domain/agency.aggregate.js';
import { Member } from '../../domain/member.aggregate.js';
import { PasswordHash } from '../../domain/password-hash.value-object.js';
import type { Workspace } from '../../domain/workspace.entity.js';
import { AgencyOrmEntity } from './agency.orm-entity.js';
import { MemberOrmEntity } from './member.orm-entity.js';
import { MembershipOrmEntity } from './membership.orm-entity.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';
import { openTwoFactorSecrets, sealTwoFactorSecrets, totpBinding } from './two-factor-secrets.mapper.js';

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

export function memberToPersistence(
  member: Member,
  vault: TokenVault | undefined,
): {
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
      ...twoFactorColumns(member, vault),
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

export function memberToDomain(
  row: MemberOrmEntity,
  memberships: readonly MembershipOrmEntity[],
  vault: TokenVault | undefined,
): Member {
  return Member.restore({
    id: row.id,
    tenantId: row.tenantId,
    email: row.email,
    name: row.name,
    passwordHash: PasswordHash.fromEncoded(row.passwordHash),
    memberships: memberships.map((ms) => ({ workspaceId: ms.workspaceId, roles: ms.roles.filter(isRole) })),
    createdAt: new Date(row.createdAt),
    twoFactor: {
      ...openTwoFactorSecrets(vault, totpBinding(row.tenantId, row.id), row),
      lastUsedStep: row.totpLastStep === null ? null : Number(row.totpLastStep),
    },
  });
}

export function twoFactorColumns(
  member: Member,
  vault: TokenVault | undefined,
): Pick<MemberOrmEntity, 'totpSealed' | 'totpSecretUnsealed' | 'totpPendingSecretUnsealed' | 'totpLastStep'> {
  const m = member.snapshot();
  const twoFactor = m.twoFactor;
  return {
    ...sealTwoFactorSecrets(vault, totpBinding(m.tenantId, m.id), {
      secret: twoFactor?.secret ?? null,
      pendingSecret: twoFactor?.pendingSecret ?? null,
    }),
    totpLastStep:
      twoFactor?.lastUsedStep === null || twoFactor?.lastUsedStep === undefined
        ? null
        : String(twoFactor.lastUsedStep),
  };
}
