import type { FindPublishedFn, PublishFn } from '@chorus/connector-sdk';

/** A loaded connector, as publishing needs it. */
export interface PublishingNetwork {
  readonly displayName: string;
  /** Content kinds the network publishes (a link card only where it has 'link'). */
  readonly kinds: readonly string[];
  readonly publish: PublishFn;
  /** Absent: the connector cannot look posts up, so an ambiguous attempt goes to a person. */
  readonly findPublished: FindPublishedFn | undefined;
  /**
   * How long a new post may stay invisible to findPublished on this network (its manifest's
   * `findPublished.visibilityDelaySeconds`): "not found" is believed only after the longer of this and the
   * publishing policy's visibility delay.
   */
  readonly visibilityDelayMs: number;
}

/** The connectors this Chorus loaded that can publish, by network id. */
export interface PublishingNetworks {
  find(network: string): PublishingNetwork | undefined;
}
