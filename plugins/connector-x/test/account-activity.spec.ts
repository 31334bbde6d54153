import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '@chorus/connector-sdk';
import { xConfigSchema } from '../src/config.js';
import { connectedX, type ConnectedX } from './support/connected-x.js';

// network-apis.md 5.3: each user is subscribed to the app's webhook with that user's own token.
describe('X Account Activity subscription at connection', () => {
  let x: ConnectedX | undefined;
  afterEach(() => x?.close());

  it('subscribes the account when webhookId is set; a refused subscription only warns', async () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ level: 'warn', sink: (record) => records.push(record) });
    // The first connection (in connectedX) names a webhook X does not know: the fake refuses it.
    x = await connectedX({}, { webhookId: '424242' }, undefined, logger);
    const { fake, account } = x.setup;
    expect(x.credentials.accountId).toBe(account.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 'warn', accountId: account.id, webhookId: '424242' });
    expect(records[0]!.message).toMatch(/could not subscribe/u);

    // Once the webhook exists and passed its CRC, connecting subscribes the account with its own token.
    fake.webhooks.subscribedUserIds.clear();
    fake.webhooks.webhooks.set('424242', {
      id: '424242',
      url: 'https://chorus.example/api/community/webhooks/x-twitter',
      valid: true,
      createdAt: new Date().toISOString(),
    });
    const again = await x.connect();
    expect(again.accountId).toBe(account.id);
    expect([...fake.webhooks.subscribedUserIds]).toEqual([account.id]);
    expect(records).toHaveLength(1);
  });

  it('subscribes nobody without webhookId and refuses a webhookId that is not a number', async () => {
    x = await connectedX();
    x.setup.fake.webhooks.subscribedUserIds.clear();
    await x.connect();
    expect(x.setup.fake.webhooks.subscribedUserIds.size).toBe(0);
    const parsed = xConfigSchema.safeParse({ clientId: 'x-client-id', webhookId: 'abc' });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['webhookId'] });
    expect(parsed.error?.issues[0]?.message).toMatch(/numeric id/u);
  });
});
