import type { EventEnvelope } from '@chorus/contracts';
import type { ServiceDatabase } from '@chorus/persistence';
import type { HandlerSet } from './handler-set.js';

/**
 * Applies events in ONE transaction of the consuming service: the processed mark and the handler's effect
 * commit together, so a redelivered event finds its mark and is skipped. Events are grouped by tenant (each
 * key belongs to one tenant, so per-key order is kept) to switch the row-level-security tenant once per group.
 */
export async function applyOnce(
  db: ServiceDatabase,
  processedTable: string,
  group: string,
  handlers: HandlerSet,
  events: readonly EventEnvelope[],
): Promise<void> {
  const byTenant = new Map<string, EventEnvelope[]>();
  for (const event of events) {
    const list = byTenant.get(event.tenantId);
    if (list) {
      list.push(event);
    } else {
      byTenant.set(event.tenantId, [event]);
    }
  }
  const first = events[0];
  if (!first) {
    return;
  }
  await db.withTenant(first.tenantId, async (tx) => {
    let current = first.tenantId;
    for (const [tenantId, tenantEvents] of byTenant) {
      if (tenantId !== current) {
        await tx.setTenant(tenantId);
        current = tenantId;
      }
      const inserted = await tx.query<{ event_id: string }>(
        `INSERT INTO ${processedTable} (consumer_group, event_id, tenant_id)
         SELECT $1, event_id, $3 FROM unnest($2::uuid[]) AS event_id
         ON CONFLICT DO NOTHING
         RETURNING event_id::text AS event_id`,
        [group, tenantEvents.map((event) => event.eventId), tenantId],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      // delete(): a duplicate inside the same batch runs once too.
      const toApply = tenantEvents.filter((event) => fresh.delete(event.eventId.toLowerCase()));
      for (const run of runsOfOneContract(toApply)) {
        await handlers.apply(run, tx);
      }
    }
  });
}

/** Splits events into maximal runs of one type and version, keeping their order. */
function runsOfOneContract(events: readonly EventEnvelope[]): EventEnvelope[][] {
  const runs: EventEnvelope[][] = [];
  for (const event of events) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.type === event.type && last.version === event.version) {
      run.push(event);
    } else {
      runs.push([event]);
    }
  }
  return runs;
}
