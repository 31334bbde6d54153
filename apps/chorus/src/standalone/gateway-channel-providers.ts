import { CHANNEL_CONNECTORS, INTERNAL_API_TOKEN, TOKEN_VAULT, createTokenVault } from '@chorus/gateway';
import { startConnectorHost } from '../config/connectors-file.js';
import type { GatewayConfig } from '../config/service-config.js';

/**
 * What channel connections need in a distributed gateway (docs/adr/0014): the vault from
 * CHORUS_VAULT_MASTER_KEYS (already validated), the connectors from CHORUS_CONNECTORS_FILE, the internal token.
 * Each is optional: without the keys, channel endpoints answer 503 naming the variable.
 */
export async function gatewayChannelProviders(
  config: GatewayConfig,
  root: string,
): Promise<{ provide: symbol; useValue: unknown }[]> {
  const connectors =
    config.CHORUS_CONNECTORS_FILE === undefined
      ? undefined
      : await startConnectorHost(config.CHORUS_CONNECTORS_FILE, root, undefined, {
          allowPrivateNetworkTargets: config.CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS,
        });
  return [
    ...(config.CHORUS_VAULT_MASTER_KEYS === undefined
      ? []
      : [{ provide: TOKEN_VAULT, useValue: createTokenVault(config.CHORUS_VAULT_MASTER_KEYS) }]),
    ...(config.CHORUS_INTERNAL_TOKEN === undefined
      ? []
      : [{ provide: INTERNAL_API_TOKEN, useValue: config.CHORUS_INTERNAL_TOKEN }]),
    ...(connectors === undefined ? [] : [{ provide: CHANNEL_CONNECTORS, useValue: connectors }]),
  ];
}
