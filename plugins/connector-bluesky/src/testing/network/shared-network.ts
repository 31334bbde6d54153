import { startLocalBlueskyNetwork, type LocalBlueskyNetwork } from './local-network.js';
import type { BlueskyTestNetwork, NetworkDescription } from './test-network.js';

/** Set by the global setup (global-setup.ts) to its control server, so that every test file shares one network. */
export const SHARED_NETWORK_ENV = 'CHORUS_BLUESKY_NETWORK';

let local: { network: Promise<LocalBlueskyNetwork>; users: number } | undefined;

/**
 * The local Bluesky network for this test file: the run's shared one when the global setup is registered,
 * otherwise one started in this process, shared by the users in it and stopped when the last releases it.
 */
export async function useBlueskyTestNetwork(): Promise<BlueskyTestNetwork> {
  const control = process.env[SHARED_NETWORK_ENV];
  return control ? remoteNetwork(control) : localNetwork();
}

async function remoteNetwork(control: string): Promise<BlueskyTestNetwork> {
  const response = await fetch(`${control}/network`);
  if (!response.ok) {
    throw new Error(`the shared Bluesky test network did not start: ${await response.text()}`);
  }
  const description = (await response.json()) as NetworkDescription;
  return {
    ...description,
    async processAll() {
      const answer = await fetch(`${control}/process-all`, { method: 'POST' });
      if (!answer.ok) {
        throw new Error(`the AppView did not catch up: ${await answer.text()}`);
      }
    },
    release: () => Promise.resolve(),
  };
}

async function localNetwork(): Promise<BlueskyTestNetwork> {
  local ??= { network: startLocalBlueskyNetwork(), users: 0 };
  const current = local;
  current.users += 1;
  const network = await current.network;
  let released = false;
  return {
    pdsUrl: network.pdsUrl,
    appViewUrl: network.appViewUrl,
    plcUrl: network.plcUrl,
    accessTokenSecret: network.accessTokenSecret,
    processAll: () => network.processAll(),
    async release() {
      if (released) {
        return;
      }
      released = true;
      current.users -= 1;
      if (current.users === 0 && local === current) {
        local = undefined;
        await network.close();
      }
    },
  };
}
