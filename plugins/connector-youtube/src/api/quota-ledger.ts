import { RateLimitedError, type Clock } from '@chorus/connector-sdk';
import type { YoutubeConfig } from '../config.js';
import { pacificDay, secondsUntilQuotaReset } from './pacific-time.js';
import { QUOTA_COSTS, type YoutubeMethod } from './quota-costs.js';

/** A charge against the day's quota: units of the shared pool, or one call of the upload bucket. */
interface Charge {
  readonly units: number;
  readonly uploads: number;
}

/**
 * The project's daily quota as this process spends it (network-apis.md 8.5). The quota belongs to the Google
 * Cloud project, so one ledger serves every connected account. It starts each Pacific day at zero and also
 * trusts YouTube: a `quotaExceeded` answer marks the day spent whatever the count says (other processes or
 * apps of the project spend the same quota).
 */
export class QuotaLedger {
  private day = '';
  private units = 0;
  private uploads = 0;
  private exhausted = false;

  constructor(
    private readonly config: Pick<YoutubeConfig, 'dailyQuotaUnits' | 'quotaModel' | 'dailyUploadCalls'>,
    private readonly clock: Clock,
  ) {}

  /** What the methods would cost together, in this project's model. */
  cost(methods: readonly YoutubeMethod[]): Charge {
    return methods.reduce<Charge>(
      (sum, method) => {
        const one = this.costOf(method);
        return { units: sum.units + one.units, uploads: sum.uploads + one.uploads };
      },
      { units: 0, uploads: 0 },
    );
  }

  /** Throws rate-limited, before anything is sent, when the day's quota cannot pay for all of `methods`. */
  ensure(methods: readonly YoutubeMethod[], endpoint?: string): void {
    this.roll();
    const need = this.cost(methods);
    const unitsLeft = this.config.dailyQuotaUnits - this.units;
    const uploadsLeft = this.config.dailyUploadCalls - this.uploads;
    if (this.exhausted || need.units > unitsLeft || need.uploads > uploadsLeft) {
      const what = this.exhausted
        ? 'YouTube reported the quota exceeded today'
        : need.uploads > uploadsLeft
          ? `the day's ${this.config.dailyUploadCalls} videos.insert calls are used`
          : `${need.units} quota units are needed and ${Math.max(0, unitsLeft)} of ${this.config.dailyQuotaUnits} are left today`;
      throw new RateLimitedError(
        `Not sent: ${what}. The YouTube quota resets at midnight Pacific time; ask Google for more quota on the project's Quotas page if this happens often.`,
        secondsUntilQuotaReset(this.clock.now()),
        { endpoint },
      );
    }
  }

  /** Counts one request about to be sent (after ensure). */
  charge(method: YoutubeMethod): void {
    this.roll();
    const one = this.costOf(method);
    this.units += one.units;
    this.uploads += one.uploads;
  }

  /** YouTube said quotaExceeded: nothing more is sent until the reset. */
  markExhausted(): void {
    this.roll();
    this.exhausted = true;
  }

  /** Units spent today by this process. */
  spent(): { readonly units: number; readonly uploads: number; readonly day: string } {
    this.roll();
    return { units: this.units, uploads: this.uploads, day: this.day };
  }

  private costOf(method: YoutubeMethod): Charge {
    if (method === 'videos.insert' && this.config.quotaModel === 'upload-bucket') {
      return { units: 0, uploads: 1 };
    }
    return { units: QUOTA_COSTS[method], uploads: 0 };
  }

  private roll(): void {
    const today = pacificDay(this.clock.now());
    if (today !== this.day) {
      this.day = today;
      this.units = 0;
      this.uploads = 0;
      this.exhausted = false;
    }
  }
}
