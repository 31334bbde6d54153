import { Command } from '@nestjs/cqrs';

/**
 * Makes the series' occurrences within the horizon that have no post yet, as ordinary posts scheduled with
 * every check (drafts where the workspace needs approval or a check fails). Returns how many it made.
 */
export class MaterialiseSeriesCommand extends Command<number> {
  constructor(
    readonly tenantId: string,
    readonly seriesId: string,
  ) {
    super();
  }
}
