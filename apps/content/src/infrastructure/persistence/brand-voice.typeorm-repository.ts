import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { BrandVoiceStore } from '../../application/ports/brand-voice-store.port.js';
import type { BrandVoice } from '../../domain/brand-voice.value-object.js';

@Injectable()
export class BrandVoiceTypeormRepository implements BrandVoiceStore {
  constructor(private readonly transactions: TenantTransactions) {}

  async keep(tenantId: string, workspaceId: string, voice: BrandVoice): Promise<void> {
    // A copy as new as (or older than) the one held changes nothing: redeliveries and late arrivals.
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.brand_voice (workspace_id, tenant_id, identity_version, voice, updated_at)
         VALUES ($1, $2, $3, $4::jsonb, now())
         ON CONFLICT (workspace_id) DO UPDATE SET
           identity_version = EXCLUDED.identity_version, voice = EXCLUDED.voice, updated_at = now()
         WHERE content.brand_voice.identity_version < EXCLUDED.identity_version`,
        [workspaceId, tenantId, voice.identityVersion, JSON.stringify(voice)],
      ),
    );
  }

  async find(tenantId: string, workspaceId: string): Promise<BrandVoice | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ voice: BrandVoice }>(`SELECT voice FROM content.brand_voice WHERE workspace_id = $1`, [
        workspaceId,
      ]),
    );
    return rows[0]?.voice ?? null;
  }
}
