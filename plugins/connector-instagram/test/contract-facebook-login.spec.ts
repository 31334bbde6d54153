import { runConnectorContractTests } from '@chorus/connector-testkit';
import { instagramConnector } from '../src/index.js';
import { createInstagramContractSetup } from '../src/testing/index.js';

// Facebook Login through the linked Page (graph.facebook.com).
runConnectorContractTests({
  connector: instagramConnector,
  setup: () => createInstagramContractSetup({ login: 'facebook' }),
});
