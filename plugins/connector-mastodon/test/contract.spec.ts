import { runConnectorContractTests } from '@chorus/connector-testkit';
import { mastodonConnector } from '../src/index.js';
import { createMastodonContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: mastodonConnector, setup: () => createMastodonContractSetup() });
