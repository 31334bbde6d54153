import type { Role } from '@chorus/access';
import type { PasswordHash } from './password-hash.value-object.js';

export interface Membership {
  readonly workspaceId: string;
  readonly roles: readonly Role[];
}

export interface MemberProps {
  readonly id: string;
  readonly tenantId: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: PasswordHash;
  readonly memberships: readonly Membership[];
  readonly createdAt: Date;
}

/** A person of an agency, with roles per workspace. */
export class Member {
  private constructor(private readonly props: MemberProps) {}

  static restore(props: MemberProps): Member {
    return new Member(props);
  }

  static register(props: MemberProps): Member {
    return new Member({ ...props, email: normaliseEmail(props.email) });
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): MemberProps {
    return this.props;
  }

  checkPassword(password: string): Promise<boolean> {
    return this.props.passwordHash.matches(password);
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
