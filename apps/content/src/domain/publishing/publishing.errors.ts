import { ContentConflictError } from '../content.errors.js';

/** A retry asked for a target that is already out: refused with where it is. */
export class AlreadyPublishedError extends ContentConflictError {
  constructor(readonly url: string) {
    super(`This post is already published on this channel, at ${url}; it is not sent again`);
    this.name = 'AlreadyPublishedError';
  }
}
