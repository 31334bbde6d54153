export const CAMPAIGN_REPOSITORY = Symbol('content:campaign-repository');
