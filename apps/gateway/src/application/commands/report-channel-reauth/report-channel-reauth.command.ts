/** A service met a refusal on the network with this channel's credentials (reauth-required). */
export class ReportChannelReauthCommand {
  constructor(
    readonly tenantId: string,
    readonly channelId: string,
  ) {}
}

/** `confirmed`: the network refused the credentials again, the channel now waits for a member. */
export type ReauthReportOutcome = 'confirmed' | 'still-valid' | 'already-lapsed';
