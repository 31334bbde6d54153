import {
  isConnectorError,
  z,
  type InsightsCapability,
  type MetricValues,
  type PostMetrics,
} from '@chorus/connector-sdk';
import { readAnswer, type LinkedinApi } from '../api/linkedin-api.js';
import { encodeUrn, isOrganization, restliList } from '../api/urn.js';
import { authorOf, type LinkedinDeps } from '../linkedin-deps.js';

const totals = z.object({
  impressionCount: z.number().optional(),
  uniqueImpressionsCount: z.number().optional(),
  clickCount: z.number().optional(),
  likeCount: z.number().optional(),
  commentCount: z.number().optional(),
  shareCount: z.number().optional(),
});
const shareStatistics = z.object({
  elements: z.array(
    z.object({ share: z.string().optional(), ugcPost: z.string().optional(), totalShareStatistics: totals }),
  ),
});
const socialActions = z.object({
  likesSummary: z.object({ totalLikes: z.number() }).optional(),
  commentsSummary: z
    .object({ totalFirstLevelComments: z.number(), aggregatedTotalComments: z.number().optional() })
    .optional(),
});
const networkSize = z.object({ firstDegreeSize: z.number() });
const pageStatistics = z.object({
  elements: z.array(
    z.object({
      totalPageStatistics: z.object({
        views: z.object({ allPageViews: z.object({ pageViews: z.number() }) }),
      }),
    }),
  ),
});

/** LinkedIn's share statistics in the SDK's vocabulary (network-apis.md 6.5). */
function fromTotals(value: z.output<typeof totals>): MetricValues {
  return {
    impressions: value.impressionCount,
    reach: value.uniqueImpressionsCount,
    clicks: value.clickCount,
    likes: value.likeCount,
    comments: value.commentCount,
    shares: value.shareCount,
  };
}

/**
 * Page posts: `organizationalEntityShareStatistics` (shares and ugcPosts asked for separately). Member posts:
 * likes and comments from `socialActions`, the only counts LinkedIn gives without the restricted member
 * analytics scope. Page totals: followers (`networkSizes`), page views and the page's share statistics.
 */
export function createLinkedinInsights(deps: LinkedinDeps): InsightsCapability {
  const now = () => deps.context.clock.now().toISOString();
  return {
    async post(credentials, input): Promise<PostMetrics[]> {
      const api = deps.api(credentials);
      const author = authorOf(credentials);
      if (!isOrganization(author)) {
        return memberPostMetrics(api, input.remoteIds, now());
      }
      const shares = input.remoteIds.filter((urn) => urn.startsWith('urn:li:share:'));
      const ugcPosts = input.remoteIds.filter((urn) => urn.startsWith('urn:li:ugcPost:'));
      const results: PostMetrics[] = [];
      for (const [parameter, urns] of [
        ['shares', shares],
        ['ugcPosts', ugcPosts],
      ] as const) {
        if (urns.length === 0) {
          continue;
        }
        const answer = await api.json(
          {
            operation: 'insights.post',
            endpoint: 'shareStatistics.read',
            path: `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeUrn(author)}&${parameter}=${restliList(urns)}`,
          },
          (value) => shareStatistics.parse(value),
        );
        for (const element of answer.elements) {
          const remoteId = element.share ?? element.ugcPost;
          if (remoteId) {
            results.push({ remoteId, measuredAt: now(), metrics: fromTotals(element.totalShareStatistics) });
          }
        }
      }
      return results;
    },

    async account(credentials) {
      const author = authorOf(credentials);
      if (!isOrganization(author)) {
        return { measuredAt: now(), metrics: {} }; // member analytics need the restricted r_member_postAnalytics
      }
      const api = deps.api(credentials);
      const followers = await followerCount(api, author);
      const pages = await api.json(
        {
          operation: 'insights.account',
          endpoint: 'pageStatistics.read',
          path: `/rest/organizationPageStatistics?q=organization&organization=${encodeUrn(author)}`,
        },
        (value) => pageStatistics.parse(value),
      );
      const shares = await api.json(
        {
          operation: 'insights.account',
          endpoint: 'shareStatistics.read',
          path: `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeUrn(author)}`,
        },
        (value) => shareStatistics.parse(value),
      );
      const { reach: _reach, ...postTotals } = fromTotals(shares.elements[0]?.totalShareStatistics ?? {});
      return {
        measuredAt: now(),
        metrics: {
          ...postTotals,
          followers,
          views: pages.elements[0]?.totalPageStatistics.views.allPageViews.pageViews ?? 0,
        },
      };
    },
  };
}

async function memberPostMetrics(
  api: LinkedinApi,
  urns: readonly string[],
  measuredAt: string,
): Promise<PostMetrics[]> {
  const results: PostMetrics[] = [];
  for (const urn of urns) {
    const call = {
      operation: 'insights.post',
      endpoint: 'socialActions.read',
      path: `/rest/socialActions/${encodeUrn(urn)}`,
      accept: [404],
    } as const;
    const found = await api.call(call);
    if (found.status === 404) {
      continue;
    }
    const summary = readAnswer(call, found, (value) => socialActions.parse(value));
    results.push({
      remoteId: urn,
      measuredAt,
      metrics: {
        likes: summary.likesSummary?.totalLikes ?? 0,
        comments:
          summary.commentsSummary?.aggregatedTotalComments ??
          summary.commentsSummary?.totalFirstLevelComments ??
          0,
      },
    });
  }
  return results;
}

// The edge type's spelling changed between API generations (6.5, "verify enum spelling"): the current
// upper-case name first, the v2-era name when a version refuses it.
const FOLLOWER_EDGE_TYPES = ['COMPANY_FOLLOWED_BY_MEMBER', 'CompanyFollowedByMember'];

async function followerCount(api: LinkedinApi, organization: string): Promise<number> {
  for (const [index, edgeType] of FOLLOWER_EDGE_TYPES.entries()) {
    try {
      const size = await api.json(
        {
          operation: 'insights.account',
          endpoint: 'networkSizes.read',
          path: `/rest/networkSizes/${encodeUrn(organization)}?edgeType=${edgeType}`,
        },
        (value) => networkSize.parse(value),
      );
      return size.firstDegreeSize;
    } catch (error) {
      const last = index === FOLLOWER_EDGE_TYPES.length - 1;
      if (last || !isConnectorError(error) || error.kind !== 'invalid-content') {
        throw error;
      }
    }
  }
  return 0;
}
