import { randomUUID } from 'node:crypto';
import { Outbox } from '@chorus/messaging';
import { openTestPglite } from '@chorus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabases, type TestDatabases } from './support/open-test-databases.js';
import { thingEvent, uniqueThingContract } from './support/test-events.js';

describe('Outbox', { timeout: 30_000 }, () => {
  let dbs: TestDatabases;
  const contract = uniqueThingContract();

  beforeAll(async () => {
    dbs = await openTestDatabases((await openTestPglite()).config);
  }, 60_000);

  afterAll(async () => {
    await dbs?.database.close();
  });

  const rowsOf = (eventIds: string[]) =>
    dbs.producerDb.asSystem((tx) =>
      tx.query<{
        event_id: string;
        topic: string;
        message_key: string;
        tenant_id: string;
      }>(
        `SELECT event_id::text AS event_id, topic, message_key, tenant_id::text AS tenant_id
           FROM producer.outbox WHERE event_id = ANY($1::uuid[]) ORDER BY id`,
        [eventIds],
      ),
    );

  it("writes the events in the caller's transaction, keyed by workspace (by agency when agency-wide)", async () => {
    const tenantId = randomUUID();
    const workspaceId = randomUUID();
    const events = [
      thingEvent(contract, { tenantId, workspaceId }, { seq: 1, label: 'brand' }),
      thingEvent(contract, { tenantId, workspaceId: null }, { seq: 2, label: 'agency-wide' }),
    ];
    const outbox = new Outbox(dbs.producerDb);
    await dbs.producerDb.withTenant(tenantId, (tx) => outbox.add(tx, events));
    expect(await rowsOf(events.map((e) => e.eventId))).toEqual([
      {
        event_id: events[0]!.eventId,
        topic: contract.topic,
        message_key: workspaceId,
        tenant_id: tenantId,
      },
      {
        event_id: events[1]!.eventId,
        topic: contract.topic,
        message_key: tenantId,
        tenant_id: tenantId,
      },
    ]);
  });

  it('keeps nothing when the transaction rolls back', async () => {
    const tenantId = randomUUID();
    const event = thingEvent(contract, { tenantId, workspaceId: null }, { seq: 1, label: 'doomed' });
    await expect(
      dbs.producerDb.withTenant(tenantId, async (tx) => {
        await new Outbox(dbs.producerDb).add(tx, [event]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rowsOf([event.eventId])).toEqual([]);
  });

  it("refuses an event of another tenant than the transaction's (row-level security)", async () => {
    const event = thingEvent(
      contract,
      { tenantId: randomUUID(), workspaceId: null },
      { seq: 1, label: 'foreign' },
    );
    await expect(
      dbs.producerDb.withTenant(randomUUID(), (tx) => new Outbox(dbs.producerDb).add(tx, [event])),
    ).rejects.toThrow(/row-level security/);
  });
});
