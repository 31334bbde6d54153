import { afterEach, describe, expect, it } from 'vitest';
import { InvalidContentError } from '@chorus/connector-sdk';
import { signedRawDelivery } from '@chorus/meta-graph/testing';
import { connectedInstagram, type ConnectedInstagram } from './support/connected-instagram.js';

// network-apis.md 1.6, 3.3: a genuine (signed) delivery that cannot be read is an error the intake counts, never [].
let connected: ConnectedInstagram | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const delivery = (entryId: string, value: string) =>
  `{"object":"instagram","entry":[{"id":${entryId},"time":1700000000,"changes":[{"field":"comments","value":${value}}]}]}`;

describe('Instagram webhook deliveries that cannot be read', () => {
  it('not JSON, a delivery without its object or a comment without its media throws a classified error', async () => {
    connected = await connectedInstagram();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) =>
      signedRawDelivery(String(connected!.setup.config!.instagramAppSecret), text);
    expect(webhook.verify(sign('not json'))).toBe(true);
    expect(() => webhook.parse(sign('not json'))).toThrow(/not JSON/u);
    expect(() => webhook.parse(sign('{"entry":[]}'))).toThrow(/the delivery .* at object/u);
    expect(() => webhook.parse(sign(delivery('"1"', '{"id":"c1","text":"hi"}')))).toThrow(
      /comments change of entry 0 .* at media/u,
    );
  });

  it('another object and fields Chorus does not read give [], as on Facebook; a malformed one it reads throws', async () => {
    connected = await connectedInstagram();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) =>
      signedRawDelivery(String(connected!.setup.config!.instagramAppSecret), text);
    expect(
      webhook.parse(sign('{"object":"page","entry":[{"id":"1","changes":[{"field":"feed"}]}]}')),
    ).toEqual([]);
    expect(webhook.parse(sign('{"object":"permissions","entry":[]}'))).toEqual([]);
    const story =
      '{"object":"instagram","entry":[{"id":"1","time":1700000000,"changes":[{"field":"story_insights","value":{"media_id":"5"}}]}]}';
    expect(webhook.parse(sign(story))).toEqual([]);
    expect(() => webhook.parse(sign('{"object":"instagram","entry":[{"id":"1"}]}'))).toThrow(
      /the delivery .* at entry.0.time/u,
    );
  });

  it('a time or message timestamp a Date cannot hold is a classified error, not a RangeError', async () => {
    connected = await connectedInstagram();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) =>
      signedRawDelivery(String(connected!.setup.config!.instagramAppSecret), text);
    const comment = delivery('"1"', '{"id":"c1","text":"hi","media":{"id":"m1"}}');
    const farTime = () => webhook.parse(sign(comment.replace('1700000000', '1e300')));
    expect(farTime).toThrow(InvalidContentError);
    expect(farTime).toThrow(/at entry.0.time/u);
    const message = () =>
      webhook.parse(
        sign(
          '{"object":"instagram","entry":[{"id":"1","time":1700000000,"messaging":[{"sender":{"id":"2"},"timestamp":9e20,"message":{"mid":"m1","text":"hi"}}]}]}',
        ),
      );
    expect(message).toThrow(InvalidContentError);
    expect(message).toThrow(/at timestamp/u);
  });

  it('ids past 2^53 keep every digit; read receipts without a message are skipped', async () => {
    connected = await connectedInstagram();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) =>
      signedRawDelivery(String(connected!.setup.config!.instagramAppSecret), text);
    const [item] = webhook.parse(
      sign(
        delivery(
          '17841405793187217',
          '{"id":17895695668004550,"text":"hi","media":{"id":"18000000000000001"}}',
        ),
      ),
    );
    expect(item).toMatchObject({ channelAccountId: '17841405793187217', remoteId: '17895695668004550' });
    const seen =
      '{"object":"instagram","entry":[{"id":"1","time":1700000000,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1700000000000,"read":{"mid":"m1"}}]}]}';
    expect(webhook.parse(sign(seen))).toEqual([]);
  });
});
