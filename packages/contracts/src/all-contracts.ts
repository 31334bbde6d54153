import { budgetActualsRecordedV1 } from './analytics/budget-actuals-recorded.v1.js';
import { crisisDetectedV1 } from './community/crisis-detected.v1.js';
import { crisisResolvedV1 } from './community/crisis-resolved.v1.js';
import { interactionReceivedV1 } from './community/interaction-received.v1.js';
import { leadQualifiedV1 } from './community/lead-qualified.v1.js';
import { postApprovedV1 } from './content/post-approved.v1.js';
import { postFailedV1 } from './content/post-failed.v1.js';
import { postNeedsReviewV1 } from './content/post-needs-review.v1.js';
import { postPublishedV1 } from './content/post-published.v1.js';
import { postScheduledV1 } from './content/post-scheduled.v1.js';
import { postScheduledV2 } from './content/post-scheduled.v2.js';
import type { EventContract } from './envelope/event-contract.js';
import { channelConnectedV1 } from './gateway/channel-connected.v1.js';
import { channelDisconnectedV1 } from './gateway/channel-disconnected.v1.js';
import { channelReauthRequiredV1 } from './gateway/channel-reauth-required.v1.js';
import { notificationRequestedV1 } from './gateway/notification-requested.v1.js';
import { notificationRequestedV2 } from './gateway/notification-requested.v2.js';
import { brandVoiceChangedV1 } from './strategy/brand-voice-changed.v1.js';
import { goalChangedV1 } from './strategy/goal-changed.v1.js';
import { goalRetiredV1 } from './strategy/goal-retired.v1.js';
import { goalSetV1 } from './strategy/goal-set.v1.js';

/** Every contract of the package. A new event version is added here, and never removed. */
export const allContracts: EventContract<unknown>[] = [
  goalSetV1,
  goalChangedV1,
  goalRetiredV1,
  brandVoiceChangedV1,
  channelConnectedV1,
  channelDisconnectedV1,
  channelReauthRequiredV1,
  postScheduledV1,
  postScheduledV2,
  postApprovedV1,
  postPublishedV1,
  postFailedV1,
  postNeedsReviewV1,
  crisisDetectedV1,
  crisisResolvedV1,
  interactionReceivedV1,
  leadQualifiedV1,
  budgetActualsRecordedV1,
  notificationRequestedV1,
  notificationRequestedV2,
];
