import { describe, expect, it } from 'vitest';
import { Audience, type AudienceContent, type TargetProfile } from './audience.aggregate.js';

const profile: TargetProfile = {
  demographics: {
    ageMin: 25,
    ageMax: 40,
    genders: [],
    locations: [{ country: 'IT', region: null, city: 'Milano' }],
    languages: ['it'],
    jobTitles: [],
    industries: [],
  },
  interests: ['specialty coffee'],
  pains: ['bad office coffee'],
  objections: ['price'],
  networks: [{ network: 'instagram', presence: 'primary' }],
  buyingStage: 'consideration',
};
const content: AudienceContent = {
  ...profile,
  kind: 'persona',
  name: 'Office manager',
  description: '',
  priority: 4,
  subTargets: [{ ...profile, key: 'beans', name: 'Beans buyers', productLine: 'Beans' }],
};
const ids = { id: 'a', tenantId: 't', workspaceId: 'w' };

describe('Audience', () => {
  it('keeps sub-targets per product line and counts revisions', () => {
    const audience = Audience.create({ ...content, ...ids }, new Date());
    audience.replace({ ...content, name: 'Office managers' }, new Date());
    expect(audience.snapshot()).toMatchObject({ revision: 2, name: 'Office managers' });
  });

  it('refuses an age range upside down, naming the sub-target field', () => {
    const upsideDown = { ...profile.demographics, ageMin: 50, ageMax: 30 };
    expect(() =>
      Audience.create(
        { ...content, ...ids, subTargets: [{ ...content.subTargets[0]!, demographics: upsideDown }] },
        new Date(),
      ),
    ).toThrow('subTargets.0.demographics.ageMax: must not be below ageMin (50)');
  });

  it('refuses two sub-targets with one key and a network listed twice', () => {
    expect(() =>
      Audience.create(
        { ...content, ...ids, subTargets: [content.subTargets[0]!, content.subTargets[0]!] },
        new Date(),
      ),
    ).toThrow(/^subTargets\.1\.key/);
    expect(() =>
      Audience.create(
        { ...content, ...ids, networks: [profile.networks[0]!, profile.networks[0]!] },
        new Date(),
      ),
    ).toThrow(/^networks\.1\.network/);
  });
});
