import type { Role } from '@chorus/access';
import type { PasswordHash } from './password-hash.value-object.js';
import { TotpSecret } from './totp.value-object.js';

export interface Membership {
  readonly workspaceId: string;
  readonly roles: readonly Role[];
}

export interface TwoFactor {
  /** Base32 secret, confirmed with a first code. */
  readonly secret: string | null;
  /** Base32 secret handed out by set-up, waiting for its first code. */
  readonly pendingSecret: string | null;
  readonly lastUsedStep: number | null;
}

export interface MemberProps {
  readonly id: string;
  readonly tenantId: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: PasswordHash;
  readonly memberships: readonly Membership[];
  readonly createdAt: Date;
  readonly twoFactor?: TwoFactor;
}

const NO_TWO_FACTOR: TwoFactor = { secret: null, pendingSecret: null, lastUsedStep: null };

/** A person of an agency, with roles per workspace, a password and optionally a second factor. */
export class Member {
  private constructor(private props: MemberProps) {}

  static restore(props: MemberProps): Member {
    return new Member(props);
  }

  static register(props: MemberProps): Member {
    return new Member({ ...props, email: normaliseEmail(props.email) });
  }

  get id(): string {
    return this.props.id;
  }

  get twoFactorEnabled(): boolean {
    return this.twoFactor.secret !== null;
  }

  private get twoFactor(): TwoFactor {
    return this.props.twoFactor ?? NO_TWO_FACTOR;
  }

  snapshot(): MemberProps {
    return this.props;
  }

  checkPassword(password: string): Promise<boolean> {
    return this.props.passwordHash.matches(password);
  }

  changePassword(passwordHash: PasswordHash): void {
    this.props = { ...this.props, passwordHash };
  }

  /** Hands out a fresh secret; two-factor is on only once a code from it is confirmed. */
  startTwoFactorSetUp(secret: TotpSecret): void {
    this.props = { ...this.props, twoFactor: { ...this.twoFactor, pendingSecret: secret.base32 } };
  }

  /** True when the code belongs to the pending secret: it becomes the member's second factor. */
  confirmTwoFactor(code: string, now: Date): boolean {
    const pending = this.twoFactor.pendingSecret;
    const step = pending === null ? null : TotpSecret.fromBase32(pending).verify(code, now, null);
    if (step === null) {
      return false;
    }
    this.props = { ...this.props, twoFactor: { secret: pending, pendingSecret: null, lastUsedStep: step } };
    return true;
  }

  /** True for a current code not used before; the code's step is remembered so it cannot be replayed. */
  checkSecondFactor(code: string, now: Date): boolean {
    const { secret, lastUsedStep } = this.twoFactor;
    const step = secret === null ? null : TotpSecret.fromBase32(secret).verify(code, now, lastUsedStep);
    if (step === null) {
      return false;
    }
    this.props = { ...this.props, twoFactor: { ...this.twoFactor, lastUsedStep: step } };
    return true;
  }

  rolesIn(workspaceId: string): readonly Role[] {
    return this.props.memberships.find((ms) => ms.workspaceId === workspaceId)?.roles ?? [];
  }

  /** Sets the member's roles in a workspace, joining it when they were not in it yet. */
  grant(workspaceId: string, roles: readonly Role[]): void {
    const unique = [...new Set(roles)];
    const others = this.props.memberships.filter((ms) => ms.workspaceId !== workspaceId);
    this.props = { ...this.props, memberships: [...others, { workspaceId, roles: unique }] };
  }

  leave(workspaceId: string): void {
    this.props = {
      ...this.props,
      memberships: this.props.memberships.filter((ms) => ms.workspaceId !== workspaceId),
    };
  }

  disableTwoFactor(): void {
    this.props = { ...this.props, twoFactor: NO_TWO_FACTOR };
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
