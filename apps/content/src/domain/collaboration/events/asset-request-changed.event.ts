import type { AssetRequestProps } from '../asset-request.aggregate.js';

/** An asset request was opened or moved to another status, by someone (who is not notified of their own act). */
export class AssetRequestChangedEvent {
  constructor(
    readonly request: AssetRequestProps,
    readonly by: string,
  ) {}
}
