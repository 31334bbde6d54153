export { postApprovedV1, type PostApprovedV1 } from './post-approved.v1.js';
export { postFailedV1, type PostFailedV1 } from './post-failed.v1.js';
export { postNeedsReviewV1, type PostNeedsReviewV1 } from './post-needs-review.v1.js';
export { postPublishedV1, type PostPublishedV1 } from './post-published.v1.js';
export { postScheduledV1, type PostScheduledV1 } from './post-scheduled.v1.js';
export { postScheduledV2, type PostScheduledV2 } from './post-scheduled.v2.js';
