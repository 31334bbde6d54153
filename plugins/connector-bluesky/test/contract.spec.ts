import { runConnectorContractTests } from '@chorus/connector-testkit';
import { blueskyConnector } from '../src/index.js';
import { createBlueskyContractSetup } from '../src/testing/index.js';

// Against the real local network (@atproto/dev-env), through the fault injector for 429s and timeouts.
runConnectorContractTests({ connector: blueskyConnector, setup: () => createBlueskyContractSetup() });
