import { Id, NetworkId } from '../shared/primitives.js';

// Names one target: the post as it goes to one channel. Shared by the per-target events of version 1.
export const postTargetRefV1Fields = {
  postId: Id,
  targetId: Id.describe('The post on one channel'),
  channelId: Id,
  network: NetworkId,
};
