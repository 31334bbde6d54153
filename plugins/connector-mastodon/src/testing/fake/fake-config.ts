/** An instance's configuration, as /api/v2/instance reports it; defaults are Mastodon's. */
export interface FakeInstanceConfig {
  readonly domain: string;
  readonly title: string;
  readonly version: string;
  readonly maxCharacters: number;
  readonly maxMediaAttachments: number;
  readonly charactersReservedPerUrl: number;
  readonly supportedMimeTypes: readonly string[];
  readonly imageSizeLimit: number;
  readonly imageMatrixLimit: number;
  readonly videoSizeLimit: number;
  readonly videoMatrixLimit: number;
  readonly videoFrameRateLimit: number;
  readonly descriptionLimit: number;
  readonly pollMaxOptions: number;
  readonly pollMaxCharactersPerOption: number;
  readonly pollMinExpiration: number;
  readonly pollMaxExpiration: number;
  /** How long an Idempotency-Key is remembered. */
  readonly idempotencyTtlSeconds: number;
  /** How many GET /api/v1/media/:id answer 206 before an asynchronously processed upload is ready. */
  readonly mediaProcessingPolls: number;
}

export const DEFAULT_INSTANCE_CONFIG: FakeInstanceConfig = {
  domain: 'fake.social',
  title: 'Fake Mastodon',
  version: '4.4.0',
  maxCharacters: 500,
  maxMediaAttachments: 4,
  charactersReservedPerUrl: 23,
  supportedMimeTypes: [
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/webp',
    'video/mp4',
    'video/quicktime',
    'video/webm',
    'audio/mpeg',
  ],
  imageSizeLimit: 16_777_216,
  imageMatrixLimit: 33_177_600,
  videoSizeLimit: 103_809_024,
  videoMatrixLimit: 8_294_400,
  videoFrameRateLimit: 120,
  descriptionLimit: 1500,
  pollMaxOptions: 4,
  pollMaxCharactersPerOption: 50,
  pollMinExpiration: 300,
  pollMaxExpiration: 2_629_746,
  idempotencyTtlSeconds: 3600,
  mediaProcessingPolls: 2,
};
