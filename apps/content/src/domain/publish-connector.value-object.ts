import type { PostInput, ValidationIssue } from '@chorus/connector-sdk';
import type { PublishProfile } from './content-type.value-object.js';

/** One loaded connector, as validation needs it. */
export interface PublishConnector {
  readonly profile: PublishProfile;
  /** The connector's own validation: its manifest's limits, counted the way its network counts. */
  validate(post: PostInput): Promise<ValidationIssue[]>;
}

/** The connectors this Chorus loaded, by network id. */
export interface PublishConnectors {
  find(network: string): PublishConnector | undefined;
}
