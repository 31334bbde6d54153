/** A request of ours would have gone to a loopback, private or link-local address (ADR 0018). */
export class PrivateNetworkTargetError extends Error {
  override readonly name = 'PrivateNetworkTargetError';
  readonly code = 'ECHORUS_PRIVATE_TARGET';

  constructor(readonly host: string) {
    super(
      `${host} is a loopback, private or link-local address; Chorus only calls public addresses ` +
        '(CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS=true lifts this for tests and local fakes)',
    );
  }
}
