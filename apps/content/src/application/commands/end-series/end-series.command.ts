import { Command } from '@nestjs/cqrs';
import type { SeriesView } from '../create-series/create-series.command.js';

/** Ends the series now: no more occurrences; upcoming ones nothing has happened to are withdrawn. */
export class EndSeriesCommand extends Command<SeriesView> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      seriesId: string;
      expectedRevision: number;
      by: string;
    },
  ) {
    super();
  }
}
