export const CAMPAIGN_REPOSITORY = Symbol('content:campaign-repository');
export const CAMPAIGN_NAMES = Symbol('content:campaign-names');
export const POST_REPOSITORY = Symbol('content:post-repository');
export const CHANNEL_DIRECTORY = Symbol('content:channel-directory');
export const BRAND_VOICE_STORE = Symbol('content:brand-voice-store');
export const UTM_SCHEME_REPOSITORY = Symbol('content:utm-scheme-repository');
export const QUEUE_REPOSITORY = Symbol('content:queue-repository');
/** Provided by the host that loads connector plugins (see publishConnectorsOf); absent, nothing can be scheduled. */
export const PUBLISH_CONNECTORS = Symbol.for('@chorus/content:publish-connectors');
