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
