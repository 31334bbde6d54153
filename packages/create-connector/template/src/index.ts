export { __networkCamel__Connector } from './__network__.connector.js';
export { __networkCamel__Manifest } from './manifest.js';
