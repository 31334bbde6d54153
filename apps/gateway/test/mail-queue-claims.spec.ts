import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantTransactions } from '@chorus/service-kit';
import { uuidv7 } from '@chorus/contracts';
import { MailQueueTypeormRepository } from '../src/infrastructure/persistence/mail-queue.typeorm-repository.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';

// ADR 0029: the durable mail queue is shared by every gateway instance. A message is claimed by one sender for a
// lease; two senders never hold it together, a lease that ran out lets another take it over, and the sender
// that lost it can no longer hand it back for a retry (it would free the message for a third, sending it twice).

const LEASE_MS = 60_000;

describe('the mail queue shared by several gateways (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let queue: MailQueueTypeormRepository;
  const tenantId = uuidv7();

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    queue = new MailQueueTypeormRepository(new TenantTransactions(g.gateway.serviceDb));
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  const mail = (to: string) => ({ tenantId, to, subject: 'Reset your password', text: 'the link' });

  it('hands each due message to one sender only, even when they claim at the same moment', async () => {
    const now = new Date(Date.parse('2030-01-01T00:00:00Z'));
    for (let i = 0; i < 6; i++) {
      expect(await queue.enqueue(mail(`claims-${i}@example.test`), now, 10_000)).toBe(true);
    }
    const [a, b] = await Promise.all([
      queue.claimDue(uuidv7(), now, 4, LEASE_MS),
      queue.claimDue(uuidv7(), now, 4, LEASE_MS),
    ]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    // Claimed: a third sender finds nothing due until the leases end.
    expect(await queue.claimDue(uuidv7(), now, 10, LEASE_MS)).toEqual([]);
    for (const id of ids) {
      await queue.remove(id);
    }
  });

  it('lets another sender take a message over once the lease ran out; the first can no longer free it', async () => {
    const start = new Date(Date.parse('2030-02-01T00:00:00Z'));
    await queue.enqueue(mail('lease@example.test'), start, 10_000);
    const slow = uuidv7();
    const [claimed] = await queue.claimDue(slow, start, 10, LEASE_MS);
    expect(claimed?.mail.to).toBe('lease@example.test');

    const later = new Date(start.getTime() + LEASE_MS + 1_000);
    const next = uuidv7();
    const [takenOver] = await queue.claimDue(next, later, 10, LEASE_MS);
    expect(takenOver?.id).toBe(claimed!.id);

    // The slow sender's SMTP attempt fails at last: its retry must not free the message the next one holds.
    await queue.retryAt(claimed!.id, slow, 1, later, 'timeout');
    expect(await queue.claimDue(uuidv7(), new Date(later.getTime() + 1_000), 10, LEASE_MS)).toEqual([]);

    // The holder's own retry frees it for whoever comes when it is due.
    await queue.retryAt(claimed!.id, next, 1, later, 'timeout');
    const [again] = await queue.claimDue(uuidv7(), new Date(later.getTime() + 1_000), 10, LEASE_MS);
    expect(again).toMatchObject({ id: claimed!.id, attempts: 1 });
    await queue.remove(claimed!.id);
  });
});
