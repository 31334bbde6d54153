import { runConnectorContractTests } from '@chorus/connector-testkit';
import { facebookConnector } from '../src/index.js';
import { createFacebookContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: facebookConnector, setup: () => createFacebookContractSetup() });
