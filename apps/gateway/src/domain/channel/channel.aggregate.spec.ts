import { describe, expect, it } from 'vitest';
import { Channel } from './channel.aggregate.js';
import { ChannelConnectedEvent } from './events/channel-connected.event.js';
import { ChannelDisconnectedEvent } from './events/channel-disconnected.event.js';
import { ChannelReauthRequiredEvent } from './events/channel-reauth-required.event.js';

const now = new Date('2026-11-27T12:00:00Z');
const account = { remoteId: '42@social.example', handle: 'brand', displayName: 'Brand', avatarUrl: null };

function connected(): Channel {
  const channel = Channel.connect({
    id: '0190a1b2-0000-7000-8000-0000000000c1',
    tenantId: '0190a1b2-0000-7000-8000-000000000001',
    workspaceId: '0190a1b2-0000-7000-8000-0000000000b1',
    network: 'mastodon',
    account,
    grant: { scopes: ['read', 'write'], expiresAt: null },
    connectedById: '0190a1b2-0000-7000-8000-0000000000a1',
    capabilities: ['publish'],
    now,
  });
  return channel;
}

describe('channel', () => {
  it('is connected with a ChannelConnected event', () => {
    const channel = connected();
    expect(channel.state).toBe('connected');
    expect(channel.pendingEvents()).toEqual([expect.any(ChannelConnectedEvent)]);
  });

  it('lapses once: a second reauth-required report changes nothing and raises no event', () => {
    const channel = connected();
    channel.clearPendingEvents();
    expect(channel.requireReauth('access-revoked', 'revoked', now)).toBe(true);
    expect(channel.requireReauth('access-revoked', 'revoked again', now)).toBe(false);
    expect(channel.state).toBe('reauth-required');
    expect(channel.snapshot().stateReason).toBe('revoked');
    expect(channel.pendingEvents()).toEqual([expect.any(ChannelReauthRequiredEvent)]);
  });

  it('reconnects from reauth-required, clearing the reason', () => {
    const channel = connected();
    channel.requireReauth('token-expired', 'expired', now);
    channel.clearPendingEvents();
    channel.reconnect({
      account,
      grant: { scopes: ['read'], expiresAt: new Date('2026-11-27T14:00:00Z') },
      connectedById: '0190a1b2-0000-7000-8000-0000000000a2',
      capabilities: ['publish'],
      now,
    });
    expect(channel.snapshot()).toMatchObject({ state: 'connected', stateReason: null, scopes: ['read'] });
    expect(channel.pendingEvents()).toEqual([expect.any(ChannelConnectedEvent)]);
  });

  it('disconnects once, forgetting the token expiry; a disconnected channel does not lapse', () => {
    const channel = connected();
    channel.clearPendingEvents();
    expect(channel.disconnect('0190a1b2-0000-7000-8000-0000000000a1', now)).toBe(true);
    expect(channel.disconnect('0190a1b2-0000-7000-8000-0000000000a1', now)).toBe(false);
    expect(channel.requireReauth('token-expired', 'x', now)).toBe(false);
    expect(channel.pendingEvents()).toEqual([expect.any(ChannelDisconnectedEvent)]);
    expect(channel.snapshot().tokenExpiresAt).toBeNull();
  });
});
