import type { Credentials, ConnectorOperation } from '@chorus/connector-sdk';
import { creatorInfo, type CreatorInfo } from '../api/tiktok-schemas.js';
import type { TikTokDeps } from '../tiktok-deps.js';

/**
 * The creator's posting options, mandatory before a Direct Post (network-apis.md 7.2): which privacy levels
 * they may use, whether comments, duets and stitches are off for them, and their longest video.
 */
export async function queryCreatorInfo(
  deps: TikTokDeps,
  credentials: Credentials,
  operation: ConnectorOperation,
): Promise<CreatorInfo> {
  return deps.api.call(
    {
      operation,
      endpoint: 'creator.info',
      path: '/v2/post/publish/creator_info/query/',
      json: {},
      token: credentials.accessToken,
    },
    creatorInfo,
  );
}
