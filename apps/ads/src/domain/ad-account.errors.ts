/** This ad account is already registered in the workspace. */
export class DuplicateAdAccountError extends Error {
  constructor() {
    super('This ad account is already registered in the workspace');
    this.name = 'DuplicateAdAccountError';
  }
}
