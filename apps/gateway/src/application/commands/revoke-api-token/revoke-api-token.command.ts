import { Command } from '@nestjs/cqrs';

/** Throws ApiTokenNotFoundError when the member has no active named token with this id. */
export class RevokeApiTokenCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly id: string,
  ) {
    super();
  }
}
