import { mayActAs, READING_ROLES } from '../fake-activity.js';
import { inputError, type Route, type RouteContext } from '../fake-http.js';
import type { OrganizationRecord } from '../fake-state.js';
import { decodePathUrn, parseRestliList, rawQueryParam } from '../restli.js';

function readableOrg(context: RouteContext, urn: string): OrganizationRecord | null {
  const org = context.state.organizationOf(urn);
  const allowed =
    org !== undefined &&
    context.token.scopes.includes('rw_organization_admin') &&
    mayActAs(context.state, context.member.urn, context.member.id, urn, READING_ROLES);
  if (!allowed) {
    context.fail(
      403,
      'ACCESS_DENIED',
      `Not enough permissions to access ${urn} (rw_organization_admin)`,
      100,
    );
    return null;
  }
  return org;
}

/** Page roles, page profile and page analytics (network-apis.md 6.2, 6.5). */
export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/rest\/organizationAcls$/u,
    endpoint: 'organizationAcls.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const query = context.request.url.searchParams;
      if (query.get('q') !== 'roleAssignee') {
        return context.send(400, inputError('/q', 'the finder is q=roleAssignee', 'MISSING_PARAMETER'));
      }
      const role = query.get('role');
      const elements = [...context.state.organizations.values()].flatMap((org) => {
        const held = org.roles.get(context.member.id);
        return held && (!role || role === held)
          ? [{ role: held, state: 'APPROVED', roleAssignee: context.member.urn, organization: org.urn }]
          : [];
      });
      context.send(200, { elements, paging: { start: 0, count: elements.length, links: [] } });
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/organizations\/(\d+)$/u,
    endpoint: 'organizations.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const org = context.state.organizations.get(context.match[1]!);
      if (!org) {
        return context.fail(404, 'NOT_FOUND', 'Not Found', 100);
      }
      context.send(200, {
        id: Number(org.id),
        localizedName: org.name,
        vanityName: org.vanityName,
        name: { localized: { en_US: org.name } },
      });
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/organizationalEntityShareStatistics$/u,
    endpoint: 'shareStatistics.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const { state } = context;
      const raw = context.request.rawUrl;
      const orgUrn = decodeURIComponent(rawQueryParam(raw, 'organizationalEntity') ?? '');
      if (context.request.url.searchParams.get('q') !== 'organizationalEntity' || !orgUrn) {
        return context.send(
          400,
          inputError('/q', 'q=organizationalEntity needs organizationalEntity', 'MISSING_PARAMETER'),
        );
      }
      const org = readableOrg(context, orgUrn);
      if (!org) {
        return;
      }
      const shares = parseRestliList(rawQueryParam(raw, 'shares'));
      const ugcPosts = parseRestliList(rawQueryParam(raw, 'ugcPosts'));
      const wanted = [...(shares ?? []), ...(ugcPosts ?? [])];
      const own = (urn: string) => state.livePost(urn)?.author === org.urn;
      const statistics = (urns: string[]) => {
        const likes = state.reactions.filter((reaction) => urns.includes(reaction.root)).length;
        const comments = state.comments.filter(
          (comment) => urns.includes(comment.object) && !comment.deleted,
        ).length;
        const reshares = state.posts.filter(
          (post) =>
            post.reshareParent !== null && urns.includes(post.reshareParent) && post.deletedAt === null,
        ).length;
        const impressions = state.impressions(urns);
        return {
          impressionCount: impressions,
          uniqueImpressionsCount: Math.ceil(impressions * 0.8),
          clickCount: state.clicks(urns),
          likeCount: likes,
          commentCount: comments,
          shareCount: reshares,
          engagement: impressions === 0 ? 0 : (likes + comments + reshares) / impressions,
        };
      };
      const element = (urn: string | null, urns: string[]) => ({
        organizationalEntity: org.urn,
        ...(urn === null ? {} : urn.startsWith('urn:li:ugcPost:') ? { ugcPost: urn } : { share: urn }),
        totalShareStatistics: statistics(urns),
      });
      const elements =
        shares === null && ugcPosts === null
          ? [
              element(
                null,
                state.posts.filter((post) => post.author === org.urn).map((post) => post.urn),
              ),
            ]
          : wanted.filter(own).map((urn) => element(urn, [urn]));
      context.send(200, { elements, paging: { start: 0, count: elements.length, links: [] } });
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/networkSizes\/([^/?]+)$/u,
    endpoint: 'networkSizes.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const urn = decodePathUrn(context.match[1]!);
      const edgeType = context.request.url.searchParams.get('edgeType');
      const accepted = context.settings.followerEdgeType;
      if (edgeType !== accepted) {
        return context.send(400, inputError('/edgeType', `edgeType must be ${accepted}`));
      }
      const org = urn ? context.state.organizationOf(urn) : undefined;
      return org
        ? context.send(200, { firstDegreeSize: org.followers.size })
        : context.fail(404, 'NOT_FOUND', 'Not Found', 100);
    },
  },
  {
    method: 'GET',
    path: /^\/rest\/organizationPageStatistics$/u,
    endpoint: 'pageStatistics.read',
    versioned: true,
    bearer: true,
    handle(context) {
      const orgUrn = decodeURIComponent(rawQueryParam(context.request.rawUrl, 'organization') ?? '');
      if (context.request.url.searchParams.get('q') !== 'organization' || !orgUrn) {
        return context.send(400, inputError('/q', 'q=organization needs organization', 'MISSING_PARAMETER'));
      }
      const org = readableOrg(context, orgUrn);
      if (!org) {
        return;
      }
      context.send(200, {
        elements: [
          {
            organization: org.urn,
            totalPageStatistics: {
              views: {
                allPageViews: { pageViews: org.pageViews, uniquePageViews: Math.ceil(org.pageViews / 2) },
              },
            },
          },
        ],
      });
    },
  },
];
