import { runConnectorContractTests } from '@chorus/connector-testkit';
import { linkedinConnector } from '../src/index.js';
import { createLinkedinContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: linkedinConnector, setup: () => createLinkedinContractSetup() });
