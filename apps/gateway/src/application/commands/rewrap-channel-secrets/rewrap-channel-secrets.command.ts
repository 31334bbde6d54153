/** After a master key rotation: re-wrap every channel's data key under the active key (ADR 0013). */
export class RewrapChannelSecretsCommand {
  constructor(readonly batchSize = 100) {}
}
