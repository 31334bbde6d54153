export { FacebookFake, FAKE_GRAPH_VERSION, type FacebookFakeOptions } from './fake/facebook-fake.js';
export type {
  CommentRecord,
  PageRecord,
  PostRecord,
  UserRecord,
  TokenRecord,
} from './fake/facebook-state.js';
export { FacebookPeer } from './facebook-peer.js';
export { createFacebookContractSetup, type FacebookContractSetup } from './contract-setup.js';
