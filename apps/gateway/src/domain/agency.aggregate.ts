import { Member } from './member.aggregate.js';
import type { PasswordHash } from './password-hash.value-object.js';
import type { Workspace } from './workspace.entity.js';

export interface AgencyProps {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
}

export interface SignUpInput {
  readonly ids: { readonly agency: string; readonly workspace: string; readonly member: string };
  readonly agencyName: string;
  readonly workspaceName: string;
  readonly name: string;
  readonly email: string;
  readonly passwordHash: PasswordHash;
}

/** The tenant. Signing up founds one with a first workspace and its first member, an admin there. */
export class Agency {
  private constructor(private readonly props: AgencyProps) {}

  static found(input: SignUpInput, now: Date): { agency: Agency; workspace: Workspace; admin: Member } {
    const agency = new Agency({ id: input.ids.agency, name: input.agencyName, createdAt: now });
    const workspace: Workspace = {
      id: input.ids.workspace,
      tenantId: agency.id,
      name: input.workspaceName,
      createdAt: now,
    };
    const admin = Member.register({
      id: input.ids.member,
      tenantId: agency.id,
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      memberships: [{ workspaceId: workspace.id, roles: ['admin'] }],
      createdAt: now,
    });
    return { agency, workspace, admin };
  }

  static restore(props: AgencyProps): Agency {
    return new Agency(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): AgencyProps {
    return this.props;
  }
}
