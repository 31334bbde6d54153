import { googleError, jsonBody, page, stringAt } from '../youtube-fake-http.js';
import { SCOPES, digits, roundSubscribers, type Route, type RouteDeps } from '../youtube-fake-routing.js';
import type { ChannelRecord } from '../youtube-fake-state.js';

function renderChannel(channel: ChannelRecord, parts: readonly string[], totalViews: number, videos: number) {
  return {
    kind: 'youtube#channel',
    id: channel.id,
    ...(parts.includes('snippet')
      ? {
          snippet: {
            title: channel.title,
            customUrl: channel.customUrl,
            thumbnails: { default: { url: `https://yt3.ggpht.com/${channel.id}` } },
          },
        }
      : {}),
    ...(parts.includes('contentDetails')
      ? { contentDetails: { relatedPlaylists: { uploads: channel.uploadsPlaylistId, likes: '' } } }
      : {}),
    ...(parts.includes('statistics')
      ? {
          statistics: {
            viewCount: digits(totalViews),
            subscriberCount: digits(roundSubscribers(channel.subscribers)),
            hiddenSubscriberCount: channel.hiddenSubscriberCount,
            videoCount: digits(videos),
          },
        }
      : {}),
  };
}

/** channels.list (mine) and playlistItems list/insert (network-apis.md 8.1, 8.2, 8.6). */
export function channelsRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  return [
    {
      method: 'GET',
      path: /^\/youtube\/v3\/channels$/u,
      auth: 'bearer',
      quota: 'channels.list',
      scopes: SCOPES.read.concat(SCOPES.upload, SCOPES.analytics),
      handle(exchange) {
        const query = exchange.url.searchParams;
        const parts = (query.get('part') ?? '').split(',').filter(Boolean);
        if (parts.length === 0) {
          return googleError(exchange, 400, 'required', 'Required parameter: part', 'global');
        }
        const channels =
          query.get('mine') === 'true'
            ? [exchange.channel!]
            : (query.get('id') ?? '').split(',').flatMap((id) => state.channels.get(id) ?? []);
        const items = channels.map((channel) => {
          const videos = [...state.videos.values()].filter(
            (video) => video.channelId === channel.id && !video.deleted,
          );
          return renderChannel(
            channel,
            parts,
            videos.reduce((sum, video) => sum + video.views, 0),
            videos.length,
          );
        });
        exchange.send(200, {
          kind: 'youtube#channelListResponse',
          items,
          pageInfo: { totalResults: items.length },
        });
      },
    },
    {
      method: 'GET',
      path: /^\/youtube\/v3\/playlistItems$/u,
      auth: 'bearer',
      quota: 'playlistItems.list',
      scopes: SCOPES.read.concat(SCOPES.upload),
      handle(exchange) {
        const playlist = state.playlists.get(exchange.url.searchParams.get('playlistId') ?? '');
        if (!playlist) {
          return googleError(
            exchange,
            404,
            'playlistNotFound',
            "The playlist identified with the request's playlistId parameter cannot be found.",
          );
        }
        const owner = playlist.channelId === exchange.channel!.id;
        const visible = playlist.items.filter((item) => {
          const video = state.videos.get(item.videoId);
          return video && !video.deleted && (owner || video.privacyStatus !== 'private');
        });
        const slice = page(visible, exchange.url, 5, 50);
        if (!slice) {
          return googleError(
            exchange,
            400,
            'invalidValue',
            'maxResults must be 0..50 and pageToken one this API gave.',
            'global',
          );
        }
        exchange.send(200, {
          kind: 'youtube#playlistItemListResponse',
          items: slice.slice.map((item) => {
            const video = state.videos.get(item.videoId)!;
            return {
              kind: 'youtube#playlistItem',
              snippet: {
                publishedAt: item.publishedAt,
                title: video.title,
                description: video.description,
                resourceId: { kind: 'youtube#video', videoId: video.id },
              },
            };
          }),
          ...(slice.next ? { nextPageToken: slice.next } : {}),
          pageInfo: { totalResults: slice.total, resultsPerPage: slice.size },
        });
      },
    },
    {
      method: 'POST',
      path: /^\/youtube\/v3\/playlistItems$/u,
      auth: 'bearer',
      quota: 'playlistItems.insert',
      scopes: SCOPES.manage,
      handle(exchange) {
        const body = jsonBody(exchange);
        if (typeof body === 'string') {
          return googleError(exchange, 400, 'parseError', body, 'global');
        }
        const playlist = state.playlists.get(stringAt(body, 'snippet', 'playlistId') ?? '');
        const videoId = stringAt(body, 'snippet', 'resourceId', 'videoId') ?? '';
        if (!playlist) {
          return googleError(exchange, 404, 'playlistNotFound', 'Playlist not found.');
        }
        if (playlist.channelId !== exchange.channel!.id) {
          return googleError(
            exchange,
            403,
            'playlistItemsNotAccessible',
            'The request is not properly authorized to insert the specified playlist item.',
          );
        }
        if (!state.videos.get(videoId) || state.videos.get(videoId)!.deleted) {
          return googleError(exchange, 404, 'videoNotFound', 'Video not found.');
        }
        playlist.items.unshift({ videoId, publishedAt: deps.now().toISOString() });
        exchange.send(200, {
          kind: 'youtube#playlistItem',
          snippet: {
            playlistId: stringAt(body, 'snippet', 'playlistId'),
            resourceId: { kind: 'youtube#video', videoId },
          },
        });
      },
    },
  ];
}
