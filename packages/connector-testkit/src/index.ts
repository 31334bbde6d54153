export { runConnectorContractTests } from './run-connector-contract-tests.js';
export type {
  ContractAuth,
  ContractFault,
  ContractSetup,
  ContractTestOptions,
  NetworkPeer,
  ViewedPost,
} from './contract-setup.js';
export { textOfLength } from './text-builder.js';
export {
  startFaultProxy,
  type FaultProxy,
  type FaultProxyOptions,
  type ProxiedResponse,
} from './fault-proxy.js';
