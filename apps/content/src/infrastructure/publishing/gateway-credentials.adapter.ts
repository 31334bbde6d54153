import type { Credentials } from '@chorus/connector-sdk';
import type { Upstream } from '@chorus/service-kit';
import {
  ChannelDisconnectedError,
  ChannelMustReconnectError,
  type ChannelCredentials,
} from '../../application/ports/channel-credentials.port.js';
import { MicroBatcher } from '../../shared/micro-batcher.js';

// The gateway's internal API (apps/gateway, internal-channels.http-controller.ts and its guard).
const SERVICE_TOKEN_HEADER = 'x-chorus-service-token';
const TENANT_HEADER = 'x-chorus-tenant';
// Who reads the tokens and why: the gateway writes both to its audit log with every read.
const SERVICE_NAME_HEADER = 'x-chorus-service';
const PURPOSE_HEADER = 'x-chorus-purpose';
/** The gateway's limit on one batched read (CREDENTIALS_BATCH_MAX). */
const BATCH_MAX = 100;

interface Read {
  readonly tenantId: string;
  readonly channelId: string;
}

type BatchResult =
  | { readonly channelId: string; readonly status: 200; readonly credentials: Credentials }
  | { readonly channelId: string; readonly status: number; readonly message?: string };

/**
 * Channel credentials from the gateway's token vault, over its internal API: HTTP in distributed mode,
 * injection in embedded mode (an Upstream either way). Reads asked for together (a publishing burst) go as
 * one batched request per tenant; each answer is used for one attempt and never stored, logged or put on
 * Kafka.
 */
export class GatewayCredentialsAdapter implements ChannelCredentials {
  private readonly reads = new MicroBatcher<Read, Credentials>(
    (batch) => this.readBatch(batch),
    BATCH_MAX,
    4,
  );

  constructor(
    private readonly gateway: Upstream,
    private readonly internalToken: string,
    /** Who reads and why, for the gateway's audit log: the community intake reuses this client. */
    private readonly reader: { readonly service: string; readonly purpose: string } = {
      service: 'content',
      purpose: 'publish',
    },
  ) {}

  credentialsFor(tenantId: string, channelId: string): Promise<Credentials> {
    return this.reads.add({ tenantId, channelId });
  }

  private async readBatch(batch: readonly Read[]): Promise<PromiseSettledResult<Credentials>[]> {
    const channelsByTenant = new Map<string, Set<string>>();
    for (const { tenantId, channelId } of batch) {
      channelsByTenant.set(tenantId, (channelsByTenant.get(tenantId) ?? new Set()).add(channelId));
    }
    const answers = new Map<string, PromiseSettledResult<Credentials>>();
    await Promise.all(
      [...channelsByTenant].map(async ([tenantId, channelIds]) => {
        try {
          for (const result of await this.readMany(tenantId, [...channelIds])) {
            answers.set(`${tenantId}/${result.channelId}`, settledOf(result));
          }
        } catch (error) {
          for (const channelId of channelIds) {
            answers.set(`${tenantId}/${channelId}`, { status: 'rejected', reason: error });
          }
        }
      }),
    );
    return batch.map(
      ({ tenantId, channelId }) =>
        answers.get(`${tenantId}/${channelId}`) ?? {
          status: 'rejected',
          reason: new Error(`the gateway's answer left out channel ${channelId}`),
        },
    );
  }

  private async readMany(tenantId: string, channelIds: readonly string[]): Promise<readonly BatchResult[]> {
    const response = await this.gateway.forward({
      method: 'POST',
      path: '/internal/channels/credentials',
      headers: {
        [SERVICE_TOKEN_HEADER]: this.internalToken,
        [TENANT_HEADER]: tenantId,
        [SERVICE_NAME_HEADER]: this.reader.service,
        [PURPOSE_HEADER]: this.reader.purpose,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: Buffer.from(JSON.stringify({ channelIds }), 'utf8'),
    });
    if (response.status !== 200) {
      throw new Error(`the gateway answered ${response.status}: ${messageOf(response.body)}`);
    }
    const parsed = JSON.parse(response.body.toString('utf8')) as { results?: unknown };
    if (!Array.isArray(parsed.results)) {
      throw new Error("the gateway's answer has no results");
    }
    return parsed.results as BatchResult[];
  }
}

function settledOf(result: BatchResult): PromiseSettledResult<Credentials> {
  if (result.status === 200 && 'credentials' in result) {
    return { status: 'fulfilled', value: result.credentials };
  }
  const message = ('message' in result ? result.message : undefined) ?? 'no reason given';
  if (result.status === 404) {
    return { status: 'rejected', reason: new ChannelDisconnectedError(message) };
  }
  if (result.status === 409) {
    return { status: 'rejected', reason: new ChannelMustReconnectError(message) };
  }
  return { status: 'rejected', reason: new Error(`the gateway answered ${result.status}: ${message}`) };
}

function messageOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : 'no reason given';
  } catch {
    return 'no reason given';
  }
}
