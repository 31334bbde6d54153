/**
 * The network's redirect back: `code` and `state`, or `error` when the person declined; `browserNonce` is the
 * httpOnly cookie set when this browser started the authorization (undefined when it carries none).
 */
export class CompleteChannelAuthorizationCommand {
  constructor(
    readonly state: string,
    readonly browserNonce: string | undefined,
    readonly code: string | undefined,
    readonly error: string | undefined,
  ) {}
}
