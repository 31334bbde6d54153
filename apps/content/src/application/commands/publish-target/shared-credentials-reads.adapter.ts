import { SharedCalls, type Credentials } from '@chorus/connector-sdk';
import type { ChannelCredentials } from '../../ports/channel-credentials.port.js';

/**
 * Attempts of one channel that ask for its credentials while a read is already on its way share that read
 * (a burst puts many posts of one channel in flight together). Nothing is kept once the read answers: the
 * next attempt reads again, so a refreshed or revoked token is seen at once.
 */
export class SharedCredentialsReads implements ChannelCredentials {
  private readonly reads = new SharedCalls<Credentials>();

  constructor(private readonly source: ChannelCredentials) {}

  credentialsFor(tenantId: string, channelId: string): Promise<Credentials> {
    return this.reads.run(`${tenantId}/${channelId}`, () => this.source.credentialsFor(tenantId, channelId));
  }
}
