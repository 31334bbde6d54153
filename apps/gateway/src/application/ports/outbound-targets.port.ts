import { ChannelInputError } from '../../domain/channel/channel.errors.js';
import { PrivateNetworkTargetError } from '../../domain/network-target.errors.js';

/** Addresses a member gives us to call (a webhook, a server to connect to), checked at input (ADR 0018). */
export interface OutboundTargets {
  /** Throws PrivateNetworkTargetError when the URL's host is, or resolves to, a non-public address. */
  assertPublic(url: URL): Promise<void>;
}

/**
 * The auth form's values that are web addresses (a Mastodon server) must be public: the connector would call
 * them from inside the installation. Generic: any http(s) value, whatever the network.
 */
export async function assertPublicUrlParams(
  targets: OutboundTargets,
  params: Readonly<Record<string, string>> | undefined,
): Promise<void> {
  for (const [key, value] of Object.entries(params ?? {})) {
    if (!/^https?:\/\//i.test(value.trim()) || !URL.canParse(value.trim())) {
      continue;
    }
    try {
      await targets.assertPublic(new URL(value.trim()));
    } catch (error) {
      if (error instanceof PrivateNetworkTargetError) {
        throw new ChannelInputError(
          `params.${key}`,
          'must be a public address, not a loopback, private or link-local one',
        );
      }
      throw error;
    }
  }
}
