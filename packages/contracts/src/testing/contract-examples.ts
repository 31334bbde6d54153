import { budgetActualsRecordedV1 } from '../analytics/budget-actuals-recorded.v1.js';
import { crisisDetectedV1 } from '../community/crisis-detected.v1.js';
import { crisisResolvedV1 } from '../community/crisis-resolved.v1.js';
import { interactionReceivedV1 } from '../community/interaction-received.v1.js';
import { leadQualifiedV1 } from '../community/lead-qualified.v1.js';
import { postApprovedV1 } from '../content/post-approved.v1.js';
import { postFailedV1 } from '../content/post-failed.v1.js';
import { postNeedsReviewV1 } from '../content/post-needs-review.v1.js';
import { postPublishedV1 } from '../content/post-published.v1.js';
import { postScheduledV1 } from '../content/post-scheduled.v1.js';
import { postScheduledV2 } from '../content/post-scheduled.v2.js';
import type { EventContract, PayloadOf } from '../envelope/event-contract.js';
import { channelConnectedV1 } from '../gateway/channel-connected.v1.js';
import { channelDisconnectedV1 } from '../gateway/channel-disconnected.v1.js';
import { channelReauthRequiredV1 } from '../gateway/channel-reauth-required.v1.js';
import { notificationRequestedV1 } from '../gateway/notification-requested.v1.js';
import { notificationRequestedV2 } from '../gateway/notification-requested.v2.js';
import { brandVoiceChangedV1 } from '../strategy/brand-voice-changed.v1.js';
import { goalChangedV1 } from '../strategy/goal-changed.v1.js';
import { goalRetiredV1 } from '../strategy/goal-retired.v1.js';
import { goalSetV1, type GoalSetV1 } from '../strategy/goal-set.v1.js';

export interface ContractExample<P> {
  readonly contract: EventContract<P>;
  readonly payload: P;
}

// Typed per contract, so an example that drifts from its schema fails to compile.
function example<C extends EventContract<unknown>>(
  contract: C,
  payload: PayloadOf<C>,
): ContractExample<unknown> {
  return { contract, payload };
}

// Fixed ids keep examples readable in test failures.
const ids = {
  goal: '01960000-0000-7000-8000-000000000001',
  goal2: '01960000-0000-7000-8000-000000000002',
  member: '01960000-0000-7000-8000-000000000003',
  channel: '01960000-0000-7000-8000-000000000004',
  audience: '01960000-0000-7000-8000-000000000005',
  post: '01960000-0000-7000-8000-000000000006',
  target: '01960000-0000-7000-8000-000000000007',
  attempt: '01960000-0000-7000-8000-000000000008',
  campaign: '01960000-0000-7000-8000-000000000009',
  pillar: '01960000-0000-7000-8000-00000000000a',
  interaction: '01960000-0000-7000-8000-00000000000b',
  conversation: '01960000-0000-7000-8000-00000000000c',
  contact: '01960000-0000-7000-8000-00000000000d',
  crisis: '01960000-0000-7000-8000-00000000000e',
  lead: '01960000-0000-7000-8000-00000000000f',
} as const;

const account = { remoteId: 'did:plc:abc123', handle: '@chorus.bsky.social', displayName: 'Chorus' };
const target = { postId: ids.post, targetId: ids.target, channelId: ids.channel, network: 'bluesky' };
const goal: GoalSetV1 = {
  goalId: ids.goal,
  revision: 1,
  title: 'Grow Bluesky followers',
  metric: 'followers',
  baseline: { unit: 'count', value: 1200 },
  target: { unit: 'count', value: 2000 },
  startsAt: '2025-01-01T00:00:00.000Z',
  deadline: '2025-06-30T22:00:00.000Z',
  timeZone: 'Europe/Rome',
  scope: { channelIds: [ids.channel], audienceIds: [ids.audience] },
  ownerId: ids.member,
  status: 'active',
};

/** One valid payload per contract, for tests of producers, consumers and transports. */
export const contractExamples: ContractExample<unknown>[] = [
  example(goalSetV1, goal),
  example(goalChangedV1, {
    ...goal,
    revision: 2,
    target: { unit: 'count', value: 2500 },
    changedFields: ['target'],
  }),
  example(goalRetiredV1, {
    goalId: ids.goal,
    reason: 'replaced',
    replacedByGoalId: ids.goal2,
    retiredById: ids.member,
  }),
  example(brandVoiceChangedV1, {
    identityVersion: 3,
    toneAdjectives: ['warm', 'confident'],
    wordsToUse: ['together'],
    wordsToAvoid: ['cheap'],
    requiredHashtags: ['chorus'],
    emojiPolicy: 'sparingly',
    hashtagPolicy: { maxPerPost: 3, placement: 'end-of-text' },
    maxLengthGuidance: 280,
  }),
  example(channelConnectedV1, {
    channelId: ids.channel,
    network: 'bluesky',
    account,
    avatarUrl: null,
    capabilities: ['publish', 'inbox', 'insights'],
    connectedById: ids.member,
  }),
  example(channelDisconnectedV1, {
    channelId: ids.channel,
    network: 'bluesky',
    account,
    reason: 'disconnected-by-member',
    disconnectedById: ids.member,
  }),
  example(channelReauthRequiredV1, {
    channelId: ids.channel,
    network: 'bluesky',
    account,
    reason: { code: 'access-revoked', message: 'The app password was revoked on Bluesky.' },
    mustReconnectBy: null,
  }),
  example(postScheduledV1, {
    postId: ids.post,
    targets: [
      {
        targetId: ids.target,
        channelId: ids.channel,
        network: 'bluesky',
        scheduledFor: '2025-05-01T07:30:00.000Z',
      },
    ],
    timeZone: 'Europe/Rome',
    goalIds: [ids.goal],
    campaignId: ids.campaign,
    pillarId: null,
    scheduledById: ids.member,
  }),
  example(postScheduledV2, {
    postId: ids.post,
    targetId: ids.target,
    channelId: ids.channel,
    network: 'instagram',
    revision: 3,
    scheduledFor: '2025-05-01T07:30:00.000Z',
    timeZone: 'Europe/Rome',
    contentType: 'carousel',
    text: 'New roast #acmecoffee',
    firstComment: 'https://acme.test/roast?utm_source=instagram&utm_medium=social&utm_campaign=spring',
    thread: [],
    media: [
      {
        mediaId: ids.goal2,
        kind: 'image',
        mimeType: 'image/jpeg',
        url: 'https://media.acme.test/1.jpg',
        sizeBytes: 200000,
        width: 1080,
        height: 1080,
        durationSeconds: null,
        altText: 'A bag of beans',
      },
    ],
    settings: {},
    utm: { source: 'instagram', medium: 'social', campaign: 'spring', term: null, content: ids.post },
    goalIds: [ids.goal],
    campaignId: ids.campaign,
    pillarKey: 'behind-the-roast',
    tags: ['roast'],
    scheduledById: ids.member,
  }),
  example(postApprovedV1, {
    postId: ids.post,
    step: 2,
    totalSteps: 2,
    approvedById: ids.member,
    approverRole: 'client-approver',
  }),
  example(postPublishedV1, {
    ...target,
    remoteId: 'at://did:plc:abc123/app.bsky.feed.post/3kq2',
    url: 'https://bsky.app/profile/chorus.bsky.social/post/3kq2',
    publishedAt: '2025-05-01T07:30:02.120Z',
    utm: { source: 'bluesky', medium: 'social', campaign: 'spring-launch', term: null, content: null },
    goalIds: [ids.goal],
    contentType: 'image',
    campaignId: ids.campaign,
    pillarId: ids.pillar,
  }),
  example(postFailedV1, {
    ...target,
    attemptId: ids.attempt,
    attempts: 1,
    reason: {
      code: 'invalid-content',
      message: 'Bluesky refused the post: it is longer than 300 characters.',
      action: 'Shorten the Bluesky variant, then publish again.',
    },
  }),
  example(postNeedsReviewV1, {
    ...target,
    attemptId: ids.attempt,
    attemptedAt: '2025-05-01T07:30:00.000Z',
    reason: {
      code: 'outcome-unknown',
      message: 'The network did not answer after the post was sent.',
      action: 'Check the channel on Bluesky, then mark the post as published or retry it.',
    },
  }),
  example(crisisDetectedV1, {
    crisisId: ids.crisis,
    severity: 'high',
    signal: { negativeInteractions: 140, windowMinutes: 30, usualNegativeInteractions: 6 },
    channelIds: [ids.channel],
    pausePublishing: true,
    declaredById: null,
  }),
  example(crisisResolvedV1, {
    crisisId: ids.crisis,
    resolution: 'resolved',
    resumePublishing: true,
    resolvedById: ids.member,
  }),
  example(interactionReceivedV1, {
    interactionId: ids.interaction,
    conversationId: ids.conversation,
    channelId: ids.channel,
    network: 'bluesky',
    kind: 'reply',
    remoteId: 'at://did:plc:xyz/app.bsky.feed.post/3kq9',
    contactId: ids.contact,
    postId: ids.post,
    targetId: ids.target,
    sentiment: 'negative',
    writtenAt: '2025-05-01T08:00:00.000Z',
  }),
  example(leadQualifiedV1, {
    leadId: ids.lead,
    contactId: ids.contact,
    qualifiedById: null,
    score: 80,
    estimatedValue: { amountMinor: 150_000, currency: 'EUR' },
    attribution: {
      channelId: ids.channel,
      network: 'bluesky',
      interactionId: ids.interaction,
      postId: ids.post,
      campaignId: ids.campaign,
      utm: null,
    },
  }),
  example(budgetActualsRecordedV1, {
    month: '2025-03',
    currency: 'EUR',
    asOf: '2025-04-02T06:00:00.000Z',
    lines: [
      { category: 'paid-media', network: 'bluesky', goalId: ids.goal, amountMinor: 120_000 },
      { category: 'team', network: null, goalId: null, amountMinor: 480_000 },
      { category: 'revenue', network: 'bluesky', goalId: ids.goal, amountMinor: 900_000 },
    ],
  }),
  example(notificationRequestedV1, {
    requestedBy: 'community',
    kind: 'crisis-detected',
    title: 'Negative spike on @chorus.bsky.social',
    body: 'Negative replies tripled in the last hour. Scheduled posts are paused until someone resumes them.',
    link: `/community/crises/${ids.crisis}`,
    object: { type: 'crisis', id: ids.crisis },
    recipients: { rule: 'roles', roles: ['community-manager', 'admin'] },
  }),
  example(notificationRequestedV2, {
    requestedBy: 'content',
    kind: 'approval-link',
    title: 'A post awaits your approval',
    body: 'Open the link to read version 2 of the post and approve or reject it, once, without an account.',
    link: '/api/content/approval-link?token=a1.eyJsaW5rSWQiOiIwMTk2In0.c2lnbmF0dXJl',
    object: { type: 'post', id: ids.post },
    recipients: { rule: 'addresses', addresses: [{ email: 'maria@client.example', name: 'Maria, Acme' }] },
  }),
];

/** Envelope metadata for tests: one agency, one brand. */
export const exampleMeta = {
  tenantId: '01960000-0000-7000-8000-0000000000a1',
  workspaceId: '01960000-0000-7000-8000-0000000000b1',
  correlationId: '01960000-0000-7000-8000-0000000000c1',
} as const;

/** The example payload of a contract, typed; throws if the contract has none. */
export function examplePayload<P>(contract: EventContract<P>): P {
  const found = contractExamples.find((candidate) => candidate.contract.topic === contract.topic);
  if (found === undefined) {
    throw new Error(`No example payload for ${contract.topic}; add one to contractExamples.`);
  }
  return structuredClone(found.payload) as P;
}
