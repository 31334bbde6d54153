/** A campaign with this name already exists in the workspace. */
export class DuplicateCampaignError extends Error {
  constructor() {
    super('A campaign with this name already exists in the workspace');
    this.name = 'DuplicateCampaignError';
  }
}
