import { Command } from '@nestjs/cqrs';

export interface CreatedWorkspace {
  readonly id: string;
  readonly name: string;
}

/** A new brand in the agency; its creator is its first admin. */
export class CreateWorkspaceCommand extends Command<CreatedWorkspace> {
  constructor(
    readonly tenantId: string,
    readonly creatorId: string,
    readonly name: string,
  ) {
    super();
  }
}
