export const CAMPAIGN_REPOSITORY = Symbol('content:campaign-repository');
export const CAMPAIGN_NAMES = Symbol('content:campaign-names');
export const POST_REPOSITORY = Symbol('content:post-repository');
export const CHANNEL_DIRECTORY = Symbol('content:channel-directory');
export const BRAND_VOICE_STORE = Symbol('content:brand-voice-store');
export const UTM_SCHEME_REPOSITORY = Symbol('content:utm-scheme-repository');
export const QUEUE_REPOSITORY = Symbol('content:queue-repository');
/** Provided by the host that loads connector plugins (see publishConnectorsOf); absent, nothing can be scheduled. */
export const PUBLISH_CONNECTORS = Symbol.for('@chorus/content:publish-connectors');
export const PUBLICATION_REPOSITORY = Symbol('content:publication-repository');
export const PUBLISHING_PAUSES = Symbol('content:publishing-pauses');
/** Provided by the host: the loaded connectors that publish (see publishingNetworksOf); absent, nothing is sent. */
export const PUBLISHING_NETWORKS = Symbol.for('@chorus/content:publishing-networks');
/** Provided by the host: channel credentials from the gateway's internal API; absent, nothing is sent. */
export const CHANNEL_CREDENTIALS = Symbol.for('@chorus/content:channel-credentials');
/** Optional tuning of the publisher (PublisherOptions); `{ enabled: false }` runs the API without publishing. */
export const PUBLISHER_OPTIONS = Symbol.for('@chorus/content:publisher-options');
export const APPROVAL_REPOSITORY = Symbol('content:approval-repository');
export const APPROVAL_LINK_REPOSITORY = Symbol('content:approval-link-repository');
export const TEAM_REPOSITORY = Symbol('content:team-repository');
export const UNIT_OF_WORK = Symbol('content:unit-of-work');
export const SERIES_REPOSITORY = Symbol('content:series-repository');
export const EVERGREEN_REPOSITORY = Symbol('content:evergreen-repository');
export const CALENDAR_FEED_LINKS = Symbol('content:calendar-feed-links');
/** Optional tuning of the planner (PlannerOptions): how often it makes occurrences and re-queues. */
export const PLANNER_OPTIONS = Symbol.for('@chorus/content:planner-options');
