import { Command } from '@nestjs/cqrs';
import type { SeriesInput, SeriesView } from '../create-series/create-series.command.js';

/**
 * Changes what the series makes from now on: its upcoming occurrences that nothing has happened to are
 * replaced; those already published, being published, or changed by a person stay as they are.
 */
export class EditSeriesCommand extends Command<SeriesView> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      seriesId: string;
      expectedRevision: number;
      by: string;
      input: SeriesInput;
    },
  ) {
    super();
  }
}
