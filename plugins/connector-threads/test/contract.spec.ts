import { runConnectorContractTests } from '@chorus/connector-testkit';
import { threadsConnector } from '../src/index.js';
import { createThreadsContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: threadsConnector, setup: () => createThreadsContractSetup() });
