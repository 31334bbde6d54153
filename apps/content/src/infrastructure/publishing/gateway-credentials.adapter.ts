import type { Credentials } from '@chorus/connector-sdk';
import type { Upstream } from '@chorus/service-kit';
import {
  ChannelDisconnectedError,
  ChannelMustReconnectError,
  type ChannelCredentials,
} from '../../application/ports/channel-credentials.port.js';

// The gateway's internal API (apps/gateway, internal-channels.http-controller.ts and its guard).
const SERVICE_TOKEN_HEADER = 'x-chorus-service-token';
const TENANT_HEADER = 'x-chorus-tenant';
// Who reads the tokens and why: the gateway writes both to its audit log with every read.
const SERVICE_NAME_HEADER = 'x-chorus-service';
const PURPOSE_HEADER = 'x-chorus-purpose';

/**
 * Channel credentials from the gateway's token vault, over its internal API: HTTP in distributed mode,
 * injection in embedded mode (an Upstream either way). The answer is used for one attempt and never stored,
 * logged or put on Kafka.
 */
export class GatewayCredentialsAdapter implements ChannelCredentials {
  constructor(
    private readonly gateway: Upstream,
    private readonly internalToken: string,
    /** Who reads and why, for the gateway's audit log: the community intake reuses this client. */
    private readonly reader: { readonly service: string; readonly purpose: string } = {
      service: 'content',
      purpose: 'publish',
    },
  ) {}

  async credentialsFor(tenantId: string, channelId: string): Promise<Credentials> {
    const response = await this.gateway.forward({
      method: 'GET',
      path: `/internal/channels/${encodeURIComponent(channelId)}/credentials`,
      headers: {
        [SERVICE_TOKEN_HEADER]: this.internalToken,
        [TENANT_HEADER]: tenantId,
        [SERVICE_NAME_HEADER]: this.reader.service,
        [PURPOSE_HEADER]: this.reader.purpose,
        accept: 'application/json',
      },
      body: undefined,
    });
    if (response.status === 200) {
      return (JSON.parse(response.body.toString('utf8')) as { credentials: Credentials }).credentials;
    }
    const message = messageOf(response.body);
    if (response.status === 404) {
      throw new ChannelDisconnectedError(message);
    }
    if (response.status === 409) {
      throw new ChannelMustReconnectError(message);
    }
    throw new Error(`the gateway answered ${response.status}: ${message}`);
  }
}

function messageOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : 'no reason given';
  } catch {
    return 'no reason given';
  }
}
