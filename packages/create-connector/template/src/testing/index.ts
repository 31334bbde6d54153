export { __Network__Fake, type __Network__Fault } from './__network__-fake.js';
export { create__Network__ContractSetup } from './contract-setup.js';
