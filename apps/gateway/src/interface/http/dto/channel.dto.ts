import { z } from 'zod';
import { CHANNEL_STATES, type ChannelProps } from '../../../domain/channel/channel.aggregate.js';

const Network = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'a connector id such as mastodon or bluesky')
  .describe('The connector id, e.g. mastodon, bluesky');
const Params = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), z.string().max(2000))
  .default({})
  .describe("Values of the connector's auth form, e.g. { instanceUrl: 'https://mastodon.social' }");

export const StartAuthorizationBody = z.strictObject({ network: Network, params: Params });
export type StartAuthorizationBody = z.infer<typeof StartAuthorizationBody>;

export const AuthorizationStartedResponse = z.object({
  authorizeUrl: z
    .url()
    .describe("Send the member's browser here; the network redirects back to the callback"),
  expiresAt: z.iso.datetime().describe('The authorization must complete before this (10 minutes)'),
});

export const OAuthCallbackQuery = z.object({
  state: z.string().min(1).max(200),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
export type OAuthCallbackQuery = z.infer<typeof OAuthCallbackQuery>;

export const AppPasswordBody = z.strictObject({
  network: Network,
  identifier: z.string().trim().min(1).max(320).describe('The handle or e-mail of the account'),
  password: z.string().min(1).max(1000).describe('An app password, never the account password'),
  params: Params,
});
export type AppPasswordBody = z.infer<typeof AppPasswordBody>;

export const ChannelIdParam = z.uuid();

export const ChannelResponse = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  network: z.string(),
  account: z.object({
    remoteId: z.string().describe("The account's id on the network"),
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
  }),
  state: z.enum(CHANNEL_STATES),
  stateReason: z.string().nullable().describe('Why a member must reconnect it'),
  scopes: z.array(z.string()),
  tokenExpiresAt: z.iso.datetime().nullable(),
  connectedById: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ChannelListResponse = z.object({ items: z.array(ChannelResponse) });

export function channelResponse(p: ChannelProps): z.infer<typeof ChannelResponse> {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    network: p.network,
    account: { ...p.account },
    state: p.state,
    stateReason: p.stateReason,
    scopes: [...p.scopes],
    tokenExpiresAt: p.tokenExpiresAt?.toISOString() ?? null,
    connectedById: p.connectedById,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
