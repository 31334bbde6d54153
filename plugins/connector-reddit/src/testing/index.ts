export { RedditFake, type RedditFakeOptions, type RequestLogEntry } from './fake/reddit-fake.js';
export type { RedditFakeFault, FaultMatch } from './fake/fake-faults.js';
export type { RedditFakeSettings } from './fake/fake-routing.js';
export type {
  CommentRecord,
  MessageRecord,
  PostRecord,
  SubredditRecord,
  UserRecord,
} from './fake/fake-state.js';
export { RedditPeer, PEER_SCOPES, PEER_USER_AGENT } from './reddit-peer.js';
export { createRedditContractSetup, sampleMedia, type RedditContractSetup } from './contract-setup.js';
