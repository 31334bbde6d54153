/** A saved reply with this title already exists in the workspace. */
export class DuplicateSavedReplyError extends Error {
  constructor() {
    super('A saved reply with this title already exists in the workspace');
    this.name = 'DuplicateSavedReplyError';
  }
}
