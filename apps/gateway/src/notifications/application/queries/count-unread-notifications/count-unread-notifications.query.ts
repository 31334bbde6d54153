import { Query } from '@nestjs/cqrs';

export class CountUnreadNotificationsQuery extends Query<number> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
  ) {
    super();
  }
}
