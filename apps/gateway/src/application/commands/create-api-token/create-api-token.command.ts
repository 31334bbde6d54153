import { Command } from '@nestjs/cqrs';
import type { Role } from '@chorus/access';

export interface CreatedApiToken {
  readonly id: string;
  readonly name: string;
  readonly token: string;
  readonly scopes: readonly Role[] | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** A named token for automation, limited to `scopes` (roles) when given. */
export class CreateApiTokenCommand extends Command<CreatedApiToken> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly name: string,
    readonly scopes: readonly Role[] | null,
    readonly expiresInDays: number,
  ) {
    super();
  }
}
