export { GatewayModule, gatewayService } from './gateway.module.js';
export { IDENTITY_SIGNING_KEY, UPSTREAMS } from './gateway.tokens.js';
