import { Command } from '@nestjs/cqrs';
import type { Role } from '@chorus/access';

export interface InvitedMember {
  readonly memberId: string;
  /** True when a new account was made and a set-password link mailed; false when an agency member was added. */
  readonly newAccount: boolean;
}

/** Adds a person to a workspace with roles: a new account (mailed an invitation) or a member of the agency. */
export class InviteMemberCommand extends Command<InvitedMember> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly invitedBy: string,
    readonly person: { readonly email: string; readonly name: string; readonly roles: readonly Role[] },
  ) {
    super();
  }
}
