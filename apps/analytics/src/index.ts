export { AnalyticsModule, analyticsService } from './analytics.module.js';
