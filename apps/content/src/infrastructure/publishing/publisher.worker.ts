import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { PublishTargetCommand } from '../../application/commands/publish-target/publish-target.command.js';
import type { ChannelCredentials } from '../../application/ports/channel-credentials.port.js';
import type {
  ClaimedAttempt,
  PublicationRepository,
} from '../../application/ports/publication-repository.port.js';
import type { PublishingNetworks } from '../../application/ports/publishing-networks.port.js';
import {
  CHANNEL_CREDENTIALS,
  PUBLICATION_REPOSITORY,
  PUBLISHER_OPTIONS,
  PUBLISHING_NETWORKS,
} from '../../content.tokens.js';
import {
  publisherOptions,
  type PublisherOptions,
  type PublisherOptionsInput,
} from '../../domain/publishing/publisher-options.value-object.js';

const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The publisher of one content process: beats its heartbeat, claims due targets (any number of processes
 * share them through SKIP LOCKED), runs each attempt, and on start and periodically sends the attempts of dead
 * publishers back to be looked up. It runs only where the host gave it connectors and credentials.
 */
@Injectable()
export class PublisherWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly instanceId = uuidv7();
  private readonly options: PublisherOptions;
  private readonly inFlight = new Set<Promise<unknown>>();
  private timers: NodeJS.Timeout[] = [];
  private stopping = false;
  private ticking = false;
  private lastBeatAt = 0;

  constructor(
    @Inject(PUBLICATION_REPOSITORY) private readonly publications: PublicationRepository,
    private readonly commands: CommandBus,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Optional() @Inject(PUBLISHING_NETWORKS) private readonly networks: PublishingNetworks | undefined,
    @Optional() @Inject(CHANNEL_CREDENTIALS) private readonly credentials: ChannelCredentials | undefined,
    @Optional() @Inject(PUBLISHER_OPTIONS) options: PublisherOptionsInput | undefined,
  ) {
    this.options = publisherOptions(options);
  }

  get running(): boolean {
    return this.timers.length > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled || this.networks === undefined || this.credentials === undefined) {
      return;
    }
    await this.beat();
    await this.reconcile();
    const every = (ms: number, work: () => Promise<unknown>) => {
      const timer = setInterval(() => {
        if (!this.stopping) {
          work().catch((error: unknown) => this.fail(error));
        }
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.heartbeatMs, () => this.beat());
    every(this.options.reconcileEveryMs, () => this.reconcile());
    every(this.options.pollMs, () => this.tick());
    this.logger.write('info', 'publisher started', { instanceId: this.instanceId });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) {
      clearInterval(timer);
    }
    this.timers = [];
    // Let running attempts record their outcome, for a while: a publish may take minutes (media).
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
    // With attempts still out, the instance row is left to go stale: others look those attempts up later,
    // once this process's calls can no longer land.
    if (this.lastBeatAt > 0 && this.inFlight.size === 0) {
      await this.publications.removeInstance(this.instanceId).catch((error: unknown) => this.fail(error));
    }
  }

  /** Claims as many due targets as there is room for, until none is due; each attempt runs on its own. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopping) {
      return;
    }
    this.ticking = true;
    try {
      for (;;) {
        const room = Math.min(this.options.batchSize, this.options.concurrency - this.inFlight.size);
        // A publisher that cannot prove it is alive could be taken for dead: it should not claim. (Should it
        // be taken for dead anyway, startCall's fence keeps its call from going out.)
        if (room <= 0 || this.stopping || Date.now() - this.lastBeatAt > this.options.staleAfterMs / 2) {
          return;
        }
        const claimed = await this.publications.claimDue(this.instanceId, room, this.options.leaseMs);
        for (const attempt of claimed) {
          this.start(attempt);
        }
        if (claimed.length < room) {
          return;
        }
      }
    } finally {
      this.ticking = false;
    }
  }

  private start(attempt: ClaimedAttempt): void {
    const running = this.commands
      .execute(new PublishTargetCommand(attempt))
      .then((applied) => {
        if (!applied) {
          this.logger.write('warn', 'publish attempt fenced out: another attempt holds the target now', {
            targetId: attempt.targetId,
            attemptId: attempt.attemptId,
          });
        }
      })
      .catch((error: unknown) => {
        this.fail(error, attempt);
        return this.release(attempt);
      })
      .finally(() => {
        this.inFlight.delete(running);
        // A slot is free: take the next due target now rather than at the next poll.
        void this.tick().catch((error: unknown) => this.fail(error));
      });
    this.inFlight.add(running);
  }

  /**
   * The attempt ended without its outcome recorded (the database failed under it): hand the target back to
   * be looked up, since the call may have gone out. If even that fails, the lease recovers it.
   */
  private async release(attempt: ClaimedAttempt): Promise<void> {
    const now = new Date();
    await this.publications
      .settle(
        attempt,
        {
          kind: 'waiting',
          reason: 'checking',
          until: new Date(now.getTime() + this.options.policy.visibilityDelayMs),
          mustLook: true,
          failed: true,
          message: 'The outcome of the last attempt could not be recorded; checking whether it went out',
        },
        now,
      )
      .catch((error: unknown) => this.fail(error, attempt));
  }

  private async beat(): Promise<void> {
    const at = Date.now();
    await this.publications.heartbeat(this.instanceId);
    this.lastBeatAt = at;
  }

  private async reconcile(): Promise<void> {
    const recovered = await this.publications.recoverOrphans(
      this.options.staleAfterMs,
      this.options.policy.visibilityDelayMs,
    );
    if (recovered > 0) {
      this.logger.write('warn', 'attempts of a stopped publisher sent back to be looked up', { recovered });
    }
  }

  // An attempt that failed to record its outcome stays publishing: the lease or the heartbeat recovers it.
  private fail(error: unknown, attempt?: ClaimedAttempt): void {
    this.logger.write('error', 'publisher error', {
      error,
      ...(attempt === undefined ? {} : { targetId: attempt.targetId, attemptId: attempt.attemptId }),
    });
  }
}
