import { runConnectorContractTests } from '@chorus/connector-testkit';
import { instagramConnector } from '../src/index.js';
import { createInstagramContractSetup } from '../src/testing/index.js';

// Instagram Login (graph.instagram.com).
runConnectorContractTests({ connector: instagramConnector, setup: () => createInstagramContractSetup() });
