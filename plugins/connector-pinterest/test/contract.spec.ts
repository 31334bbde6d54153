import { runConnectorContractTests } from '@chorus/connector-testkit';
import { pinterestConnector } from '../src/index.js';
import { createPinterestContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: pinterestConnector, setup: () => createPinterestContractSetup() });
