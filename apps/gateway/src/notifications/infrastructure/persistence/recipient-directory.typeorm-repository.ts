import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  MemberRule,
  Recipient,
  RecipientDirectory,
} from '../../application/ports/recipient-directory.port.js';

/** Reads the gateway's own members and memberships: the people a rule names, each once. */
@Injectable()
export class RecipientDirectoryTypeormRepository implements RecipientDirectory {
  constructor(private readonly transactions: TenantTransactions) {}

  async resolve(tenantId: string, workspaceId: string | null, rule: MemberRule): Promise<Recipient[]> {
    const filter = rule.rule === 'members' ? 'ms.member_id = ANY($2::uuid[])' : 'ms.roles && $2::text[]';
    const values = rule.rule === 'members' ? rule.memberIds : rule.roles;
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ id: string; email: string; name: string }>(
        `SELECT DISTINCT m.id, m.email, m.name
           FROM gateway.membership ms JOIN gateway.member m ON m.id = ms.member_id
          WHERE ($1::uuid IS NULL OR ms.workspace_id = $1) AND ${filter}
          ORDER BY m.id`,
        [workspaceId, [...values]],
      ),
    );
    return rows.map((r) => ({ memberId: r.id, email: r.email, name: r.name }));
  }
}
