export { InstagramFake, type InstagramFakeOptions } from './fake/instagram-fake.js';
export type {
  AccountRecord,
  ContainerRecord,
  MediaRecord,
  TokenRecord,
  HostedMedia,
} from './fake/instagram-state.js';
export { InstagramPeer } from './instagram-peer.js';
export {
  createInstagramContractSetup,
  SAMPLE_IMAGE_URL,
  SAMPLE_VIDEO_URL,
  type InstagramContractSetup,
} from './contract-setup.js';
