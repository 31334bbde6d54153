import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { MaterialiseSeriesCommand } from '../../application/commands/materialise-series/materialise-series.command.js';
import { RequeueEvergreenPostCommand } from '../../application/commands/requeue-evergreen-post/requeue-evergreen-post.command.js';
import type { EvergreenRepository } from '../../application/ports/evergreen-repository.port.js';
import type { SeriesRepository } from '../../application/ports/series-repository.port.js';
import { EVERGREEN_REPOSITORY, PLANNER_OPTIONS, SERIES_REPOSITORY } from '../../content.tokens.js';

export interface PlannerOptions {
  /** false: no periodic rounds (series still make their first occurrences when created or edited). */
  readonly enabled?: boolean;
  /** How often a round runs (default 5 minutes). */
  readonly everyMs?: number;
  /** How far ahead series occurrences are made (default 28 days, at most 30 per series). */
  readonly horizonDays?: number;
  readonly maxAhead?: number;
}

const DEFAULT_EVERY_MS = 5 * 60_000;
const BATCH = 500;

/**
 * The planner of one content process: every few minutes, makes the occurrences of active series that entered
 * the horizon and re-queues evergreen posts whose last appearance went out. Every content process runs it;
 * each unit of work locks its series or evergreen row, so rounds on several processes never make a post twice.
 */
@Injectable()
export class PlannerWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly options: { enabled: boolean; everyMs: number };

  constructor(
    @Inject(SERIES_REPOSITORY) private readonly series: SeriesRepository,
    @Inject(EVERGREEN_REPOSITORY) private readonly evergreen: EvergreenRepository,
    private readonly commands: CommandBus,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Optional() @Inject(PLANNER_OPTIONS) options: PlannerOptions | undefined,
  ) {
    this.options = { enabled: options?.enabled ?? true, everyMs: options?.everyMs ?? DEFAULT_EVERY_MS };
  }

  onApplicationBootstrap(): void {
    if (!this.options.enabled) {
      return;
    }
    this.timer = setInterval(() => {
      void this.runOnce();
    }, this.options.everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  /** One round (a round already running is joined, not doubled). */
  runOnce(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<void> {
    for (const { tenantId, seriesId } of await this.safely(() => this.series.activeSeries(BATCH), [])) {
      await this.safely(() => this.commands.execute(new MaterialiseSeriesCommand(tenantId, seriesId)), 0, {
        seriesId,
      });
    }
    for (const { tenantId, postId } of await this.safely(() => this.evergreen.active(BATCH), [])) {
      await this.safely(
        () => this.commands.execute(new RequeueEvergreenPostCommand(tenantId, postId)),
        null,
        {
          postId,
        },
      );
    }
  }

  // One series or post failing (a channel's connector down, a conflict with another process) never stops the round.
  private async safely<T>(work: () => Promise<T>, fallback: T, context: object = {}): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.write('warn', 'planner: a step failed; it is tried again next round', {
        ...context,
        error,
      });
      return fallback;
    }
  }
}
