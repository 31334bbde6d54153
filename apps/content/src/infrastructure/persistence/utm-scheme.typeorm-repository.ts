import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { UtmSchemeRepository } from '../../application/ports/utm-scheme-repository.port.js';
import { DEFAULT_UTM_SCHEME, type UtmScheme } from '../../domain/utm-scheme.value-object.js';

@Injectable()
export class UtmSchemeTypeormRepository implements UtmSchemeRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async find(tenantId: string, workspaceId: string): Promise<UtmScheme> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ scheme: UtmScheme }>(`SELECT scheme FROM content.utm_scheme WHERE workspace_id = $1`, [
        workspaceId,
      ]),
    );
    return rows[0]?.scheme ?? DEFAULT_UTM_SCHEME;
  }

  async save(tenantId: string, workspaceId: string, scheme: UtmScheme, by: string): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.utm_scheme (workspace_id, tenant_id, scheme, updated_at, updated_by)
         VALUES ($1, $2, $3::jsonb, now(), $4)
         ON CONFLICT (workspace_id) DO UPDATE SET
           scheme = EXCLUDED.scheme, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [workspaceId, tenantId, JSON.stringify(scheme), by],
      ),
    );
  }
}
