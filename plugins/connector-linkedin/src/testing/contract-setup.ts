import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MediaInput } from '@chorus/connector-sdk';
import type { ContractFault, ContractSetup } from '@chorus/connector-testkit';
import { LINKEDIN_SCOPES } from '../config.js';
import type { MemberRecord, OrganizationRecord } from './fake/fake-state.js';
import { LinkedinFake, type FakeFault, type LinkedinFakeOptions } from './fake/linkedin-fake.js';
import { LinkedinPeer } from './linkedin-peer.js';

const POSTS = { method: 'POST', path: /^\/rest\/posts$/u } as const;
// Magic numbers are what the fake checks; the pixels do not matter.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface LinkedinContractSetup extends ContractSetup {
  readonly fake: LinkedinFake;
  /** The member who connects, ADMINISTRATOR of `page`. */
  readonly admin: MemberRecord;
  readonly page: OrganizationRecord;
  readonly other: MemberRecord;
  readonly peer: LinkedinPeer;
}

/**
 * The fake LinkedIn with a page (`Chorus Test`) administered by the connecting member, another member as the
 * peer, a webhook subscription for the page, and small video parts so uploads take several parts.
 */
export async function createLinkedinContractSetup(
  options: LinkedinFakeOptions = {},
): Promise<LinkedinContractSetup> {
  const fake = await LinkedinFake.start({ videoPartBytes: 16, ...options });
  const admin = fake.createMember('Ada Admin');
  const other = fake.createMember('Pat Peer');
  const page = fake.createOrganization('Chorus Test', 'chorus-test');
  fake.grantRole(admin, page, 'ADMINISTRATOR');
  fake.consentAs(admin);
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  fake.subscribe(
    page,
    admin,
    `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/linkedin`,
  );
  const peer = new LinkedinPeer(fake, other, page, fake.tokenFor(other, ['w_member_social']));
  const adminToken = fake.tokenFor(admin, LINKEDIN_SCOPES);
  const media = (
    kind: MediaInput['kind'],
    mimeType: string,
    data: Uint8Array,
    extra: Partial<MediaInput> = {},
  ): MediaInput => ({
    kind,
    mimeType,
    source: { kind: 'bytes', data },
    sizeBytes: data.length,
    width: 1280,
    height: 720,
    ...extra,
  });
  return {
    fake,
    admin,
    page,
    other,
    peer,
    config: {
      clientId: fake.settings.clientId,
      clientSecret: fake.settings.clientSecret,
      apiUrl: fake.url,
      authUrl: fake.url,
      mediaPollIntervalMs: 5,
    },
    httpTimeoutMs: 1000,
    auth: {
      oauth2: {
        redirectUri: 'https://chorus.test/oauth/callback',
        params: { organizationId: page.id },
        async consent(url) {
          const response = await fetch(url, { redirect: 'manual' });
          const location = response.headers.get('location');
          if (response.status !== 302 || !location) {
            throw new Error(`consent failed: HTTP ${response.status} ${await response.text()}`);
          }
          const redirect = new URL(location);
          return { code: redirect.searchParams.get('code') ?? '', state: redirect.searchParams.get('state') };
        },
      },
      expire: (credentials) => {
        fake.expire(credentials.accessToken);
        return Promise.resolve();
      },
    },
    media: {
      image: () => media('image', 'image/png', PNG),
      gif: () => media('gif', 'image/gif', GIF),
      video: () => media('video', 'video/mp4', new Uint8Array(40).fill(7), { durationSeconds: 10 }),
    },
    faults: { next: (fault) => fake.injectFault(toFakeFault(fault)) },
    network: { publishedCount: () => Promise.resolve(fake.published().length) },
    webhook: {
      // A peer's comment on a page post: LinkedIn posts ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS for it.
      async deliver() {
        const created = await fetch(new URL('/rest/posts', fake.url), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${adminToken}`,
            'linkedin-version': '202610',
            'x-restli-protocol-version': '2.0.0',
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            author: page.urn,
            commentary: `Webhook root ${Date.now()}`,
            visibility: 'PUBLIC',
            distribution: { feedDistribution: 'MAIN_FEED' },
            lifecycleState: 'PUBLISHED',
          }),
        });
        const before = fake.deliveries.length;
        await peer.reply(created.headers.get('x-restli-id')!, 'A comment that arrives by webhook');
        await fake.webhooksSettled();
        const delivery = fake.deliveries[before];
        if (!delivery) {
          throw new Error('the fake queued no webhook delivery');
        }
        return { rawBody: delivery.rawBody, headers: delivery.headers };
      },
    },
    teardown: async () => {
      await fake.close();
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    },
  };
}

function toFakeFault(fault: ContractFault): FakeFault {
  switch (fault.kind) {
    case 'rate-limited':
      // LinkedIn documents no rate-limit headers; its infrastructure-protection 429s may carry Retry-After,
      // which the connector honours before falling back to 00:00 UTC. The kit's fault needs a value back.
      return {
        kind: 'respond',
        status: 429,
        headers: { 'retry-after': String(fault.retryAfterSeconds) },
        body: JSON.stringify({ status: 429, message: 'Too many requests' }),
        match: POSTS,
      };
    case 'invalid-content':
      return {
        kind: 'respond',
        status: 422,
        body: JSON.stringify({
          errorDetailType: 'com.linkedin.common.error.BadRequest',
          message: 'ERROR :: /commentary :: Content violates the Professional Community Policies',
          errorDetails: {
            inputErrors: [
              {
                description: 'Content is not allowed',
                input: { inputPath: { fieldPath: '/commentary' } },
                code: 'INVALID_VALUE',
              },
            ],
          },
          status: 422,
        }),
        match: POSTS,
      };
    case 'server-error':
      return {
        kind: 'respond',
        status: 500,
        body: JSON.stringify({ status: 500, message: 'Internal Server Error' }),
        match: POSTS,
      };
    case 'timeout-after-send':
      return { kind: 'timeout-after-send', match: POSTS };
  }
}
