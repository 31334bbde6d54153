export class NotificationNotFoundError extends Error {
  constructor() {
    super('No such notification among yours');
    this.name = 'NotificationNotFoundError';
  }
}

export class WebhookNotFoundError extends Error {
  constructor() {
    super('No such notification webhook in your agency');
    this.name = 'WebhookNotFoundError';
  }
}

/** The URL a webhook would post to is refused; `problem` says why, for the `url` field. */
export class InvalidWebhookUrlError extends Error {
  constructor(readonly problem: string) {
    super(`url: ${problem}`);
    this.name = 'InvalidWebhookUrlError';
  }
}

/** Agency-wide webhooks are an agency-level action (ADR 0018). */
export class AgencyWebhookForbiddenError extends Error {
  constructor() {
    super('Agency-wide webhooks need an agency role (owner or admin); add one for this workspace instead');
    this.name = 'AgencyWebhookForbiddenError';
  }
}

/** Some signing secrets could not be sealed or re-wrapped (their key is not in the ring); the rest were. */
export class WebhookSecretsNotRewrappedError extends Error {
  constructor(
    readonly webhookIds: readonly string[],
    readonly rewrapped: number,
  ) {
    super(
      `${webhookIds.length} webhook signing secret(s) stay under an old key (${rewrapped} re-wrapped): ` +
        `webhooks ${webhookIds.slice(0, 20).join(', ')}`,
    );
    this.name = 'WebhookSecretsNotRewrappedError';
  }
}

/** Webhook signing secrets are kept only sealed by the token vault, which the host configures. */
export class WebhookVaultMissingError extends Error {
  constructor() {
    super(
      'Notification webhooks need the token vault to keep their signing secrets, and it has no master key: ' +
        'set CHORUS_VAULT_MASTER_KEYS (docs/adr/0013-token-vault.md)',
    );
    this.name = 'WebhookVaultMissingError';
  }
}
