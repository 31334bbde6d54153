import { afterEach, describe, expect, it } from 'vitest';
import { InvalidContentError } from '@chorus/connector-sdk';
import { signedRawDelivery } from '@chorus/meta-graph/testing';
import { connectedThreads, type ConnectedThreads } from './support/connected-threads.js';

// network-apis.md 1.6, 4.3: a genuine (signed) delivery that cannot be read is an error the intake counts, never [].
let connected: ConnectedThreads | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

describe('Threads webhook deliveries that cannot be read', () => {
  it('not JSON, no target_id or a reply without its fields throws a classified error; other fields are skipped', async () => {
    connected = await connectedThreads();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) => signedRawDelivery(String(connected!.setup.config!.appSecret), text);
    expect(webhook.verify(sign('{"truncated":'))).toBe(true);
    expect(() => webhook.parse(sign('{"truncated":'))).toThrow(/not JSON/u);
    expect(() => webhook.parse(sign('{"values":{"field":"replies","value":{}}}'))).toThrow(/at target_id/u);
    expect(() =>
      webhook.parse(sign('{"target_id":"5","values":{"field":"replies","value":{"id":"7"}}}')),
    ).toThrow(/replies value .* at timestamp/u);
    expect(webhook.parse(sign('{"target_id":"5","values":{"field":"publish","value":{}}}'))).toEqual([]);
    const [item] = webhook.parse(
      sign(
        '{"target_id":18012345678901234567,"values":{"field":"replies","value":{"id":18098765432109876543,"text":"hi","timestamp":"2024-08-07T10:33:16+0000"}}}',
      ),
    );
    expect(item).toMatchObject({
      channelAccountId: '18012345678901234567',
      remoteId: '18098765432109876543',
    });
  });

  it("the account's own reply under its own post is left out, as the pull leaves it out", async () => {
    connected = await connectedThreads();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) => signedRawDelivery(String(connected!.setup.config!.appSecret), text);
    const replyBy = (username: string) =>
      sign(
        `{"target_id":"5","values":{"field":"replies","value":{"id":"7","username":"${username}","text":"hi",` +
          `"timestamp":"2024-08-07T10:33:16+0000","root_post":{"id":"6","owner_id":"5","username":"chorus"}}}}`,
      );
    expect(webhook.parse(replyBy('chorus'))).toEqual([]);
    const [visitor] = webhook.parse(replyBy('visitor'));
    expect(visitor).toMatchObject({ remoteId: '7', kind: 'comment', channelAccountId: '5' });
  });

  it('a timestamp that is not a date-time is a classified error naming it, not a RangeError', async () => {
    connected = await connectedThreads();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) => signedRawDelivery(String(connected!.setup.config!.appSecret), text);
    const yesterday = () =>
      webhook.parse(
        sign('{"target_id":"5","values":{"field":"replies","value":{"id":"7","timestamp":"yesterday"}}}'),
      );
    expect(yesterday).toThrow(InvalidContentError);
    expect(yesterday).toThrow(/replies value .* at timestamp: not an ISO 8601 date-time/u);
  });
});
