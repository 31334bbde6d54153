export { GraphFakeServer, type GraphFakeOptions, type RequestLogEntry } from './graph-fake-server.js';
export {
  GraphFakeRouter,
  type GraphFakeHandler,
  type GraphFakeRequest,
  type GraphFakeResponse,
} from './fake-router.js';
export type { UploadedFile } from './fake-body.js';
export type { GraphFault, FaultMatch } from './fake-faults.js';
export { FakeUsage, usageHeaders, type UsageBucket, type UsageConfig } from './fake-usage.js';
export {
  graphError,
  invalidToken,
  expiredToken,
  missingPermission,
  unknownObject,
  invalidParameter,
  ok,
  type FakeGraphError,
} from './graph-fake-errors.js';
export { page } from './fake-paging.js';
export { signedDelivery, signedRawDelivery, handshake } from './webhook-signer.js';
export {
  registerCodeLoginRoutes,
  type FakeCodeLoginOptions,
  type FakeLoginToken,
} from './fake-code-login.js';
export { registerFacebookLoginRoutes, type FakeFacebookLoginOptions } from './fake-facebook-login.js';
