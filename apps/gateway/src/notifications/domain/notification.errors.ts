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
