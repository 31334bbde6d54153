import {
  brandVoiceChangedV1,
  channelConnectedV1,
  channelDisconnectedV1,
  channelReauthRequiredV1,
  createEnvelope,
  uuidv7,
} from '@chorus/contracts';
import type { Caller } from './content-test-service.js';

const account = (handle: string) => ({ remoteId: `remote-${handle}`, handle, displayName: `Acme ${handle}` });

export const channelConnected = (caller: Caller, channelId: string, network: string, handle: string) =>
  createEnvelope(
    channelConnectedV1,
    { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() },
    {
      channelId,
      network,
      account: account(handle),
      avatarUrl: null,
      capabilities: ['publish'],
      connectedById: caller.userId,
    },
  );

export const channelDisconnected = (caller: Caller, channelId: string, network: string, handle: string) =>
  createEnvelope(
    channelDisconnectedV1,
    { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() },
    {
      channelId,
      network,
      account: account(handle),
      reason: 'revoked-on-network',
      disconnectedById: null,
    },
  );

export const channelReauthRequired = (
  caller: Caller,
  channelId: string,
  network: string,
  handle: string,
  mustReconnectBy: string | null,
) =>
  createEnvelope(
    channelReauthRequiredV1,
    { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() },
    {
      channelId,
      network,
      account: account(handle),
      reason: { code: 'token-expired', message: 'The token expired' },
      mustReconnectBy,
    },
  );

export const brandVoiceChanged = (caller: Caller, identityVersion: number, wordsToAvoid: string[]) =>
  createEnvelope(
    brandVoiceChangedV1,
    { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() },
    {
      identityVersion,
      toneAdjectives: ['warm'],
      wordsToUse: ['fresh'],
      wordsToAvoid,
      requiredHashtags: ['acmecoffee'],
      emojiPolicy: 'sparingly',
      hashtagPolicy: { maxPerPost: 3, placement: 'end-of-text' },
      maxLengthGuidance: 120,
    },
  );

export const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

export const image = (n = 1) => ({
  mediaId: uuidv7(),
  kind: 'image',
  mimeType: 'image/jpeg',
  url: `https://media.acme.test/${n}.jpg`,
  sizeBytes: 200_000,
  width: 1080,
  height: 1080,
  altText: 'A bag of beans',
});
