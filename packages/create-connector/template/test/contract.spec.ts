import { runConnectorContractTests } from '@chorus/connector-testkit';
import { __networkCamel__Connector } from '../src/index.js';
import { create__Network__ContractSetup } from '../src/testing/index.js';

runConnectorContractTests({
  connector: __networkCamel__Connector,
  setup: () => create__Network__ContractSetup(),
});
