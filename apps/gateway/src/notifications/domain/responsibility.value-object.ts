import type { RecipientRule } from './notification.entity.js';

/**
 * Who is responsible for a post that failed or needs review (docs/adr/0015). PostFailed v1 and PostNeedsReview
 * v1 do not name the post's author, so the rule is the workspace's: its content managers, who run publishing,
 * and its admins. A later event version that names the author will address the author alone.
 */
export const RESPONSIBLE_FOR_PUBLISHING: RecipientRule = {
  rule: 'roles',
  roles: ['content-manager', 'admin'],
};
