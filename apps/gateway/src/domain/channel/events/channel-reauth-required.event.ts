import type { ChannelProps } from '../channel.aggregate.js';

export type ReauthCode =
  'token-expired' | 'access-revoked' | 'permissions-changed' | 'password-changed' | 'unknown';

export class ChannelReauthRequiredEvent {
  constructor(
    readonly channel: ChannelProps,
    readonly code: ReauthCode,
    readonly message: string,
  ) {}
}
