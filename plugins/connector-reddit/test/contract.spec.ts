import { runConnectorContractTests } from '@chorus/connector-testkit';
import { redditConnector } from '../src/index.js';
import { createRedditContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: redditConnector, setup: () => createRedditContractSetup() });
