/** The network's redirect back: `code` and `state`, or `error` when the person declined. */
export class CompleteChannelAuthorizationCommand {
  constructor(
    readonly state: string,
    readonly code: string | undefined,
    readonly error: string | undefined,
  ) {}
}
