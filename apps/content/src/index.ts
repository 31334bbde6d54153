export { ContentModule, contentService } from './content.module.js';
