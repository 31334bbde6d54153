import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReauthRequiredError, classifyError, type Credentials } from '@chorus/connector-sdk';
import {
  CHANNEL_CREDENTIALS,
  PUBLICATION_REPOSITORY,
  PUBLISHER_OPTIONS,
  PUBLISHING_NETWORKS,
} from '../../../content.tokens.js';
import {
  publisherOptions,
  type PublisherOptions,
  type PublisherOptionsInput,
} from '../../../domain/publishing/publisher-options.value-object.js';
import {
  afterLookup,
  afterLookupError,
  afterPublishError,
  disconnected,
  lookupUnsupported,
  notSent,
  published,
  reconnect,
  supersededByEdit,
  type StepContext,
  type Transition,
} from '../../../domain/publishing/publish-outcome.value-object.js';
import type { PublishingPolicy } from '../../../domain/publishing/publishing-policy.value-object.js';
import { postInputOf } from '../../../domain/schedule-checks.value-object.js';
import {
  ChannelDisconnectedError,
  ChannelMustReconnectError,
  type ChannelCredentials,
} from '../../ports/channel-credentials.port.js';
import type {
  ClaimedAttempt,
  PublicationRepository,
  SettleTransition,
} from '../../ports/publication-repository.port.js';
import type { PublishingNetworks } from '../../ports/publishing-networks.port.js';
import { PublishTargetCommand } from './publish-target.command.js';
import { SharedCredentialsReads } from './shared-credentials-reads.adapter.js';

/**
 * One attempt, by the rules of DESIGN.md section 5: the intent is already committed (the claim); an attempt
 * that follows one that may have reached the network looks it up first (found: published; cannot tell: a
 * person reviews; not found after the visibility delay: publish again under the same idempotency key); the
 * outcome is recorded only while this attempt still holds the target. No transaction spans a network call.
 */
@CommandHandler(PublishTargetCommand)
export class PublishTargetHandler implements ICommandHandler<PublishTargetCommand, boolean> {
  private readonly policy: PublishingPolicy;
  private readonly options: PublisherOptions;
  private readonly credentials: ChannelCredentials | undefined;

  constructor(
    @Inject(PUBLICATION_REPOSITORY) private readonly publications: PublicationRepository,
    @Optional() @Inject(PUBLISHING_NETWORKS) private readonly networks: PublishingNetworks | undefined,
    @Optional() @Inject(CHANNEL_CREDENTIALS) credentials: ChannelCredentials | undefined,
    @Optional() @Inject(PUBLISHER_OPTIONS) options: PublisherOptionsInput | undefined,
  ) {
    this.options = publisherOptions(options);
    this.policy = this.options.policy;
    this.credentials = credentials && new SharedCredentialsReads(credentials);
  }

  async execute({ attempt }: PublishTargetCommand): Promise<boolean> {
    const outcome = await this.attempt(attempt);
    return this.publications.settle(attempt, outcome.transition, new Date(), { callMade: outcome.callMade });
  }

  private async attempt(
    attempt: ClaimedAttempt,
  ): Promise<{ transition: SettleTransition; callMade: boolean }> {
    const noCall = (transition: SettleTransition) => ({ transition, callMade: false });
    const network = this.networks?.find(attempt.network);
    const name = network?.displayName ?? attempt.network;
    // Times here are compared with stored ones (the last call's start, next_attempt_at), which are the
    // database's: read its clock once and run on it, whatever this process's clock says.
    const skewMs = (await this.publications.databaseNow()).getTime() - Date.now();
    const dbNow = () => new Date(Date.now() + skewMs);
    // A network whose new posts take longer to show than the policy allows for gets its own, longer delay.
    const policy =
      network === undefined || network.visibilityDelayMs <= this.policy.visibilityDelayMs
        ? this.policy
        : { ...this.policy, visibilityDelayMs: network.visibilityDelayMs };
    const ctx = (): StepContext => ({
      now: dbNow(),
      policy,
      failures: attempt.failures,
      network: name,
    });
    // Nothing below reaches the network: an earlier call that may be out still needs its look-up.
    const beforeAnyCall = (transition: SettleTransition): SettleTransition => {
      if (transition.kind === 'waiting') {
        return { ...transition, mustLook: transition.mustLook || attempt.mustLook };
      }
      if (transition.kind === 'failed' && attempt.mustLook) {
        return afterLookupError(new ReauthRequiredError(transition.message), ctx());
      }
      return transition;
    };
    const cancelled = noCall({ kind: 'cancelled' });
    // The post left the calendar and nothing of this target can be out: it is never published.
    if (attempt.cancelRequested && !attempt.mustLook) {
      return cancelled;
    }
    // Edited since: nothing of this version is out, so the newest revision goes instead (taken at settling).
    if (attempt.superseded && !attempt.mustLook) {
      return noCall(supersededByEdit(ctx()));
    }
    if (network === undefined || this.credentials === undefined) {
      return noCall(
        beforeAnyCall(notSent(ctx(), `no ${attempt.network} connector is loaded in this Chorus`)),
      );
    }
    let credentials: Credentials;
    try {
      credentials = await this.credentials.credentialsFor(attempt.tenantId, attempt.channelId);
    } catch (error) {
      return noCall(
        beforeAnyCall(
          error instanceof ChannelDisconnectedError
            ? disconnected(name)
            : error instanceof ChannelMustReconnectError
              ? reconnect(name)
              : notSent(ctx(), `the channel's access could not be read (${(error as Error).message})`),
        ),
      );
    }
    const post = postInputOf(attempt.payload, network.kinds);
    const keys = { idempotencyKey: attempt.idempotencyKey, fingerprint: attempt.fingerprint, post };
    if (attempt.mustLook) {
      if (network.findPublished === undefined) {
        return noCall(lookupUnsupported(name));
      }
      let next: Transition;
      try {
        const found = await network.findPublished(credentials, {
          ...keys,
          window: { from: attempt.firstAttemptAt.toISOString(), to: dbNow().toISOString() },
        });
        next = afterLookup(found, { ...ctx(), lastCallEndedAt: this.lastCallEnd(attempt) });
      } catch (error) {
        next = afterLookupError(classifyError(error, 'findPublished'), ctx());
      }
      if (next.kind !== 'publish') {
        return noCall(next);
      }
      // Not out: a post taken off the calendar meanwhile ends here; an edited one takes its newest revision.
      if (attempt.cancelRequested) {
        return cancelled;
      }
      if (attempt.superseded) {
        return noCall(supersededByEdit(ctx()));
      }
    }
    // Fenced, right before the call: if another attempt took the target over (this worker was taken for dead
    // before its call started), no call is made. The lease now covers the publish timeout.
    const lease = this.options.publishTimeoutMs + this.options.leaseMarginMs;
    if (!(await this.publications.startCall(attempt, lease))) {
      // Taken over (the settle below is fenced out too), or since the claim the post left the calendar or was
      // edited (the target then takes its newest revision).
      return cancelled;
    }
    try {
      return { transition: published(await network.publish(credentials, keys)), callMade: true };
    } catch (error) {
      return { transition: afterPublishError(classifyError(error, 'publish'), ctx()), callMade: true };
    }
  }

  /**
   * When the earlier call ended; for a call recorded before ends were kept, the latest it can have ended:
   * its start plus the publish timeout.
   */
  private lastCallEnd(attempt: ClaimedAttempt): Date | null {
    if (attempt.lastCallEndedAt !== null || attempt.lastCallAt === null) {
      return attempt.lastCallEndedAt;
    }
    return new Date(attempt.lastCallAt.getTime() + this.options.publishTimeoutMs);
  }
}
