import { runConnectorContractTests } from '@chorus/connector-testkit';
import { youtubeConnector } from '../src/index.js';
import { createYoutubeContractSetup } from '../src/testing/index.js';

runConnectorContractTests({ connector: youtubeConnector, setup: () => createYoutubeContractSetup() });
