import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import {
  AGENCY_ROLES,
  type AgencyActor,
  type AgencyRole,
  type AgencyRoles,
} from '../../application/ports/agency-roles.port.js';

@Injectable()
export class AgencyRolesTypeormRepository implements AgencyRoles {
  constructor(private readonly transactions: TenantTransactions) {}

  async roleOf(tenantId: string, actor: AgencyActor): Promise<AgencyRole | null> {
    if (actor.scopedCredential) {
      return null;
    }
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ role: string }>(`SELECT role FROM gateway.agency_role WHERE member_id = $1`, [
        actor.memberId,
      ]),
    );
    const role = rows[0]?.role;
    return (AGENCY_ROLES as readonly string[]).includes(role ?? '') ? (role as AgencyRole) : null;
  }
}
