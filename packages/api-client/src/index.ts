export {
  createChorusClient,
  type AdsPaths,
  type AnalyticsPaths,
  type ChorusClient,
  type ChorusClientOptions,
  type CommunityPaths,
  type ContentPaths,
  type GatewayPaths,
  type StrategyPaths,
} from './chorus-client.js';
export { fieldProblemsOf, type FieldProblem } from './field-problems.js';
export type { Middleware } from 'openapi-fetch';
