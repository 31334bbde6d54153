export { contractExamples, exampleMeta, examplePayload, type ContractExample } from './contract-examples.js';
