// Text counting alone, free of zod and Node built-ins, so that a browser (the console's composer) counts with
// the very code connectors validate with: `@chorus/connector-sdk/text`.
export { countText, countGraphemes, unitName } from './count-text.js';
export { findUrls, type FindUrlsOptions, type UrlMatch } from './find-urls.js';
export type { CharacterWeights, CountingMethod, TextRule } from '../manifest/text-rule.schema.js';
