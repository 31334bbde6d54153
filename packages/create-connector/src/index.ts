export {
  scaffoldConnector,
  TargetNotEmptyError,
  type ScaffoldOptions,
  type ScaffoldResult,
} from './scaffold-connector.js';
export { namesFor, InvalidNetworkIdError, type ConnectorNames } from './names.js';
export { runCli, USAGE } from './cli.js';
