import { Query } from '@nestjs/cqrs';
import type { Role } from '@chorus/access';

export interface MeView {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly agency: { readonly id: string; readonly name: string };
  readonly workspaces: readonly {
    readonly id: string;
    readonly name: string;
    readonly roles: readonly Role[];
  }[];
}

export class GetMeQuery extends Query<MeView> {
  constructor(
    readonly tenantId: string,
    readonly userId: string,
  ) {
    super();
  }
}
