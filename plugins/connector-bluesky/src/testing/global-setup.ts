// A vitest globalSetup that shares one local Bluesky network with every test file of a run (DESIGN.md: "share
// one Bluesky test network across the whole test run"). Register it after the root infra setup, which provides
// DATABASE_URL; the network itself starts only when a test first asks for it.
import { startNetworkControlServer } from './network/network-control-server.js';
import { SHARED_NETWORK_ENV } from './network/shared-network.js';

export async function setup(): Promise<() => Promise<void>> {
  const control = await startNetworkControlServer();
  // Test workers inherit the environment of the main process.
  process.env[SHARED_NETWORK_ENV] = control.url;
  return async () => {
    delete process.env[SHARED_NETWORK_ENV];
    await control.close();
  };
}
