import { Inject, Injectable } from '@nestjs/common';
import type { EventBus } from '@chorus/messaging';
import type { ServiceDatabase } from '@chorus/persistence';
import { isBusReady } from '../messaging/bus-lifecycle.js';
import { RuntimeState } from '../runtime/runtime-state.js';
import { EVENT_BUS, SERVICE_DATABASE, SERVICE_RUNTIME_STATE } from '../runtime/service-kit.tokens.js';

export type CheckStatus = 'up' | 'down';
export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Record<string, CheckStatus>;
}

const DATABASE_TIMEOUT_MS = 2000;

@Injectable()
export class Readiness {
  constructor(
    @Inject(SERVICE_DATABASE) private readonly db: ServiceDatabase,
    @Inject(EVENT_BUS) private readonly bus: EventBus | null,
    @Inject(SERVICE_RUNTIME_STATE) private readonly state: RuntimeState,
  ) {}

  async check(): Promise<ReadinessReport> {
    const [databaseUp, busUp] = await Promise.all([
      this.databaseUp(),
      this.bus === null ? Promise.resolve(null) : isBusReady(this.bus),
    ]);
    const checks: Record<string, CheckStatus> = {
      database: databaseUp ? 'up' : 'down',
      ...(busUp === null ? {} : { bus: busUp ? 'up' : 'down' }),
      shutdown: this.state.shuttingDown ? 'down' : 'up',
    };
    return { ready: Object.values(checks).every((s) => s === 'up'), checks };
  }

  private async databaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
    });
    const query = this.db
      .asSystem((tx) => tx.query('SELECT 1'))
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
