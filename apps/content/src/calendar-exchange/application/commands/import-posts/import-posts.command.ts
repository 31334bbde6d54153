import { Command } from '@nestjs/cqrs';
import type { ContentProblem } from '../../../../domain/content.errors.js';

export type ImportMode = 'all-or-nothing' | 'valid-rows-only';

export interface ImportedRow {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  /** scheduled / draft: stored (draft when the workspace's posts need approval first); valid: a dry run's. */
  readonly status: 'scheduled' | 'draft' | 'valid' | 'invalid';
  readonly postId: string | null;
  readonly problems: readonly ContentProblem[];
  readonly warnings: readonly ContentProblem[];
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly imported: number;
  readonly skipped: number;
  readonly rows: readonly ImportedRow[];
}

/**
 * Posts from a CSV, one per row, each validated as scheduling validates it. All-or-nothing (the default)
 * refuses the file with every row's problems when one row is wrong; valid-rows-only stores the good rows and
 * reports the others. Whatever is stored is stored in one transaction.
 */
export class ImportPostsCommand extends Command<ImportReport> {
  constructor(
    readonly data: {
      readonly tenantId: string;
      readonly workspaceId: string;
      readonly by: string;
      readonly csv: string;
      readonly mode: ImportMode;
      readonly dryRun: boolean;
    },
  ) {
    super();
  }
}
