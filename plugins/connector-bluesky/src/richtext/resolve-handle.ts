import type { ConnectorOperation } from '@chorus/connector-sdk';
import type { XrpcClient } from '../xrpc/xrpc-client.js';
import type { HandleResolver } from './build-facets.js';

/** Resolves handles through the account's PDS, each once per call of the returned function. */
export function handleResolver(xrpc: XrpcClient, operation: ConnectorOperation): HandleResolver {
  return async (handle) => {
    const result = await xrpc.send<{ did: string }>({
      operation,
      endpoint: 'identity.resolve',
      nsid: 'com.atproto.identity.resolveHandle',
      params: { handle },
      // Unknown handles are an answer, not a failure: the mention stays plain text.
      accept: ['InvalidRequest', 'HandleNotFound'],
    });
    return result.ok ? result.body.did : undefined;
  };
}
