import { runConnectorContractTests } from '@chorus/connector-testkit';
import { xConnector } from '../src/index.js';
import { createXContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: xConnector, setup: () => createXContractSetup() });
