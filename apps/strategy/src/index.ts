export { StrategyModule, strategyService } from './strategy.module.js';
