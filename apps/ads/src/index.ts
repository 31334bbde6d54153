export { AdsModule, adsService } from './ads.module.js';
