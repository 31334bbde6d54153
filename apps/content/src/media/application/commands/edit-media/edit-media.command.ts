import { Command } from '@nestjs/cqrs';

/** Changes what the library says about a file: its alt text (null: none). */
export class EditMediaCommand extends Command<void> {
  constructor(
    readonly data: {
      readonly tenantId: string;
      readonly workspaceId: string;
      readonly mediaId: string;
      readonly altText: string | null;
    },
  ) {
    super();
  }
}
