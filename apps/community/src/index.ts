export { CommunityModule, communityService } from './community.module.js';
