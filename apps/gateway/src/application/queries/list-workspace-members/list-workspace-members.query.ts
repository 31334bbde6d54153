import { Query } from '@nestjs/cqrs';
import type { Role } from '@chorus/access';

export interface WorkspaceMemberView {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
}

export class ListWorkspaceMembersQuery extends Query<WorkspaceMemberView[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
