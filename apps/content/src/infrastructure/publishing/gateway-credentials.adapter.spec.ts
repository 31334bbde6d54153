import { describe, expect, it } from 'vitest';
import type { Upstream } from '@chorus/service-kit';
import {
  ChannelDisconnectedError,
  ChannelMustReconnectError,
} from '../../application/ports/channel-credentials.port.js';
import { GatewayCredentialsAdapter } from './gateway-credentials.adapter.js';

// The gateway's answers as its internal API gives them: 404 no such channel, 409 access refused.
const answering = (status: number, body: unknown): Upstream => ({
  forward: () => Promise.resolve({ status, headers: {}, body: Buffer.from(JSON.stringify(body), 'utf8') }),
});

describe('gateway credentials', () => {
  it('a channel the gateway does not know is disconnected, not a reconnect', async () => {
    const adapter = new GatewayCredentialsAdapter(answering(404, { message: 'no such channel' }), 'token');
    const error = await adapter.credentialsFor('t', 'c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelDisconnectedError);
    // Other services match the parent's name.
    expect((error as Error).name).toBe('ChannelMustReconnectError');
  });

  it('refused access asks for a reconnect', async () => {
    const adapter = new GatewayCredentialsAdapter(answering(409, { message: 'revoked' }), 'token');
    const error = await adapter.credentialsFor('t', 'c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelMustReconnectError);
    expect(error).not.toBeInstanceOf(ChannelDisconnectedError);
  });
});
