import { runConnectorContractTests } from '@chorus/connector-testkit';
import { tiktokConnector } from '../src/index.js';
import { createTikTokContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: tiktokConnector, setup: () => createTikTokContractSetup() });
