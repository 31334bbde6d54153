import type { ConnectorError, FindPublishedResult, PublishResult } from '@chorus/connector-sdk';
import type {
  Explanation,
  FailureCode,
  ReviewCode,
  WaitingReason,
} from './publication-state.value-object.js';
import { backoffMs, type PublishingPolicy } from './publishing-policy.value-object.js';

/** What happens to a target after one step of an attempt. */
export type Transition =
  | {
      readonly kind: 'published';
      readonly remoteId: string;
      readonly url: string;
      readonly publishedAt: Date;
    }
  | {
      readonly kind: 'waiting';
      readonly reason: WaitingReason;
      readonly until: Date;
      /** True when a call may have reached the network: the next attempt looks before it publishes. */
      readonly mustLook: boolean;
      /** Counts towards the failures after which a person is asked (a quota wait does not). */
      readonly failed: boolean;
      readonly message: string;
    }
  | ({ readonly kind: 'failed' } & Explanation<FailureCode>)
  | ({ readonly kind: 'needs-review' } & Explanation<ReviewCode>)
  /** Looked, found nothing, long enough after the last call: publishing again is safe. */
  | { readonly kind: 'publish' };

/** A transition that ends the attempt (everything but "publish now"). */
export type Settlement = Exclude<Transition, { readonly kind: 'publish' }>;

export interface StepContext {
  readonly now: Date;
  readonly policy: PublishingPolicy;
  /** Failures so far, before this step. */
  readonly failures: number;
  /** The network's display name, for people. */
  readonly network: string;
}

export function published(result: PublishResult | (FindPublishedResult & { status: 'found' })): Settlement {
  return {
    kind: 'published',
    remoteId: result.remoteId,
    url: result.url,
    publishedAt: new Date(result.publishedAt),
  };
}

/** A publish call failed: classified by the connector taxonomy (docs/adr/0019, DESIGN.md section 5). */
export function afterPublishError(error: ConnectorError, ctx: StepContext): Settlement {
  const { now, network } = ctx;
  switch (error.kind) {
    case 'rate-limited': {
      const seconds = Math.max(1, Math.ceil((error as ConnectorError & { retryAfter: number }).retryAfter));
      return {
        kind: 'waiting',
        reason: 'quota',
        until: new Date(now.getTime() + seconds * 1000),
        mustLook: false,
        failed: false,
        message: `${network}'s quota for this account is used up; it goes out when the quota resets`,
      };
    }
    case 'retriable':
      return notSent(ctx, `${network} could not be reached; nothing was sent (${error.message})`);
    case 'invalid-content':
      return {
        kind: 'failed',
        code: 'rejected-by-network',
        message: `${network} refused the post: ${error.message}`,
        action: 'Edit the post so that the network accepts it, then retry.',
      };
    case 'reauth-required':
      return reconnect(network);
    case 'ambiguous':
      return checking(
        ctx,
        `${network} did not confirm the post (${error.message}); checking whether it went out`,
      );
  }
}

/**
 * findPublished answered. `lastCallEndedAt` is when the earlier call ended (its answer, its timeout, the end
 * of its lease): its request may still land on the network until then, so "not found" is believed only a
 * visibility delay after the end, however long the call took, never counted from its start.
 */
export function afterLookup(
  result: FindPublishedResult,
  ctx: StepContext & { readonly lastCallEndedAt: Date | null },
): Transition {
  if (result.status === 'found') {
    return published(result);
  }
  if (result.status === 'unknown') {
    return needsReview(ctx.network, 'outcome-unknown', result.reason);
  }
  const visibleFrom =
    ctx.lastCallEndedAt === null ? 0 : ctx.lastCallEndedAt.getTime() + ctx.policy.visibilityDelayMs;
  if (ctx.now.getTime() < visibleFrom) {
    return {
      kind: 'waiting',
      reason: 'checking',
      until: new Date(visibleFrom),
      mustLook: true,
      failed: false,
      message: `Checking whether the last attempt reached ${ctx.network}; a new post can take a moment to show`,
    };
  }
  return { kind: 'publish' };
}

/** findPublished itself failed: look again later, and ask a person when it keeps failing. */
export function afterLookupError(error: ConnectorError, ctx: StepContext): Settlement {
  if (error.kind === 'reauth-required') {
    return needsReview(
      ctx.network,
      'outcome-unknown',
      `the channel must be reconnected before Chorus can check (${error.message})`,
    );
  }
  if (error.kind === 'rate-limited') {
    // The network's quota, not a failure to look: look again when it resets, without counting a failure.
    const seconds = Math.max(1, Math.ceil((error as ConnectorError & { retryAfter: number }).retryAfter));
    return {
      kind: 'waiting',
      reason: 'checking',
      until: new Date(ctx.now.getTime() + seconds * 1000),
      mustLook: true,
      failed: false,
      message: `${ctx.network}'s quota for this account is used up; checking whether the post went out when it resets`,
    };
  }
  return checking(ctx, `Could not check with ${ctx.network} whether the post went out (${error.message})`);
}

/** The connector cannot look posts up: only a person can tell whether the earlier call went out. */
export function lookupUnsupported(network: string): Settlement {
  return needsReview(network, 'lookup-unsupported', `${network}'s connector cannot look posts up`);
}

/** The channel's credentials are refused by the gateway: a member must reconnect it. */
export function reconnect(network: string): Settlement {
  return {
    kind: 'failed',
    code: 'reauth-required',
    message: `${network} no longer accepts Chorus's access to this account`,
    action: 'Reconnect the channel in Settings > Channels, then retry the post.',
  };
}

/** The gateway has no such channel any more: a member must connect it again. */
export function disconnected(network: string): Settlement {
  return {
    kind: 'failed',
    code: 'channel-disconnected',
    message: `The ${network} channel is no longer connected to Chorus`,
    action: 'Connect the channel again in Settings > Channels, then retry the post.',
  };
}

/**
 * The post changed since this attempt was claimed and nothing of the older version is out: the target takes
 * the newest revision (at settlement) and goes again at once, or at its new time.
 */
export function supersededByEdit(ctx: StepContext): Settlement {
  return {
    kind: 'waiting',
    reason: 'retry',
    until: ctx.now,
    mustLook: false,
    failed: false,
    message: 'The post was edited: its newest version goes instead',
  };
}

/** Nothing was sent (a refused connection, the gateway unreachable): retry with backoff, then give up. */
export function notSent(ctx: StepContext, message: string): Settlement {
  const failures = ctx.failures + 1;
  if (failures >= ctx.policy.maxFailures) {
    return {
      kind: 'failed',
      code: 'retries-exhausted',
      message: `${message}; Chorus tried ${failures} times`,
      action: `Check that ${ctx.network} is up and the channel connected, then retry the post.`,
    };
  }
  return {
    kind: 'waiting',
    reason: 'retry',
    until: new Date(ctx.now.getTime() + backoffMs(ctx.policy, failures)),
    mustLook: false,
    failed: true,
    message,
  };
}

function checking(ctx: StepContext, message: string): Settlement {
  const failures = ctx.failures + 1;
  if (failures >= ctx.policy.maxFailures) {
    return needsReview(ctx.network, 'outcome-unknown', message);
  }
  const wait = Math.max(ctx.policy.visibilityDelayMs, backoffMs(ctx.policy, failures));
  return {
    kind: 'waiting',
    reason: 'checking',
    until: new Date(ctx.now.getTime() + wait),
    mustLook: true,
    failed: true,
    message,
  };
}

function needsReview(network: string, code: ReviewCode, why: string): Settlement {
  return {
    kind: 'needs-review',
    code,
    message: `Chorus cannot tell whether the post went out on ${network}: ${why}`,
    action: `Look at the account on ${network}. If the post is there, tell Chorus its link ("it was published"); if it is not, retry it.`,
  };
}
