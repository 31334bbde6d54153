import type { RecipientRule } from '../../domain/notification.entity.js';

/** The rules that name members (outside addresses need no directory). */
export type MemberRule = Exclude<RecipientRule, { rule: 'addresses' }>;

export interface Recipient {
  readonly memberId: string;
  readonly email: string;
  readonly name: string;
}

/** Who a rule names, among the members of the workspace (or of the agency when the workspace is null). */
export interface RecipientDirectory {
  resolve(tenantId: string, workspaceId: string | null, rule: MemberRule): Promise<Recipient[]>;
}
