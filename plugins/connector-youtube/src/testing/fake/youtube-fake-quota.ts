import { pacificDay } from '../../api/pacific-time.js';
import { QUOTA_COSTS, type YoutubeMethod } from '../../api/quota-costs.js';

export interface FakeQuotaConfig {
  readonly dailyUnits: number;
  /** 'units': videos.insert costs 1,600 units; 'upload-bucket': 100 calls a day of their own (2026 docs). */
  readonly model: 'units' | 'upload-bucket';
  readonly dailyUploadCalls: number;
}

/** Each project's (OAuth client's) daily quota, reset at midnight Pacific time (network-apis.md 8.5). */
export class YoutubeFakeQuota {
  private readonly spent = new Map<string, { day: string; units: number; uploads: number }>();

  constructor(
    readonly config: FakeQuotaConfig,
    private readonly now: () => Date,
  ) {}

  /** Charges the call; false when the day's quota cannot pay for it (the call is then refused, and free). */
  take(clientId: string, method: YoutubeMethod): boolean {
    const today = pacificDay(this.now());
    const entry = this.spent.get(clientId);
    const current = entry && entry.day === today ? entry : { day: today, units: 0, uploads: 0 };
    this.spent.set(clientId, current);
    if (method === 'videos.insert' && this.config.model === 'upload-bucket') {
      if (current.uploads + 1 > this.config.dailyUploadCalls) {
        return false;
      }
      current.uploads += 1;
      return true;
    }
    const cost = QUOTA_COSTS[method];
    if (current.units + cost > this.config.dailyUnits) {
      return false;
    }
    current.units += cost;
    return true;
  }

  used(clientId: string): { units: number; uploads: number } {
    const entry = this.spent.get(clientId);
    return entry && entry.day === pacificDay(this.now())
      ? { units: entry.units, uploads: entry.uploads }
      : { units: 0, uploads: 0 };
  }
}
