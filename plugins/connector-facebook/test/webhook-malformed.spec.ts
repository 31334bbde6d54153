import { afterEach, describe, expect, it } from 'vitest';
import { signedRawDelivery } from '@chorus/meta-graph/testing';
import { connectedFacebook, type ConnectedFacebook } from './support/connected-facebook.js';

// network-apis.md 1.6: a genuine (signed) delivery that cannot be read is an error the intake counts, never [].
let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const comment = (entryId: string) =>
  `{"object":"page","entry":[{"id":${entryId},"time":1700000000,"changes":[{"field":"feed","value":` +
  `{"item":"comment","verb":"add","post_id":"1_2","comment_id":"2_3","from":{"id":"9","name":"V"},"message":"hi","created_time":1700000000}}]}]}`;

describe('Facebook webhook deliveries that cannot be read', () => {
  it('a body that is not JSON, or JSON of another shape, throws a classified error naming what is wrong', async () => {
    connected = await connectedFacebook();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) => signedRawDelivery(String(connected!.setup.config!.appSecret), text);
    expect(webhook.verify(sign('<html>502</html>'))).toBe(true);
    expect(() => webhook.parse(sign('<html>502</html>'))).toThrow(/not JSON/u);
    expect(() => webhook.parse(sign('{"object":"page"}'))).toThrow(/documented shape at entry/u);
    const noVerb = comment('"42"').replace('"verb":"add",', '');
    let thrown: unknown;
    try {
      webhook.parse(sign(noVerb));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ kind: 'invalid-content' });
    expect((thrown as Error).message).toMatch(/feed change of entry 0 .* at verb/u);
  });

  it('a new comment without comment_id or post_id, or a mention without post_id, throws naming the field', async () => {
    connected = await connectedFacebook();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) => signedRawDelivery(String(connected!.setup.config!.appSecret), text);
    expect(() => webhook.parse(sign(comment('"42"').replace('"comment_id":"2_3",', '')))).toThrow(
      /feed change of entry 0 .* at comment_id/u,
    );
    expect(() => webhook.parse(sign(comment('"42"').replace('"post_id":"1_2",', '')))).toThrow(
      /feed change of entry 0 .* at post_id/u,
    );
    const mention =
      '{"object":"page","entry":[{"id":"42","time":1700000000,"changes":[{"field":"mention","value":' +
      '{"item":"post","verb":"add","from":{"id":"9"},"message":"@Page"}}]}]}';
    expect(() => webhook.parse(sign(mention))).toThrow(/mention change of entry 0 .* at post_id/u);
    const [found] = webhook.parse(sign(mention.replace('"verb":"add"', '"verb":"add","post_id":"9_1"')));
    expect(found).toMatchObject({ kind: 'mention', remoteId: '9_1', conversationId: '9_1' });
  });

  it('ids past 2^53 keep every digit; changes Chorus does not read (reactions) are skipped', async () => {
    connected = await connectedFacebook();
    const webhook = connected.connector.inbox!.webhook!;
    const sign = (text: string) => signedRawDelivery(String(connected!.setup.config!.appSecret), text);
    const [item] = webhook.parse(sign(comment('1234567890123456789')));
    expect(item?.channelAccountId).toBe('1234567890123456789');
    const reaction =
      '{"object":"page","entry":[{"id":"42","time":1700000000,"changes":[{"field":"feed","value":' +
      '{"item":"reaction","verb":"add","post_id":"1_2","reaction_type":"like","from":{"id":"9"}}}]}]}';
    expect(webhook.parse(sign(reaction))).toEqual([]);
    // Another object's delivery has entries of its own shape: [] as on Instagram, never "malformed".
    expect(webhook.parse(sign('{"object":"user","entry":[{"uid":"7","changed_fields":["name"]}]}'))).toEqual(
      [],
    );
  });
});
