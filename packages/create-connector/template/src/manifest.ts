import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import { __networkCamel__ConfigSchema, __networkCamel__PostSettingsSchema } from './config.js';

/** What __Display__ can do and its limits; declare only what the connector implements and the fake proves. */
export const __networkCamel__Manifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: '__network__',
  displayName: '__Display__',
  sdk: '__sdkRange__',
  capabilities: {
    auth: { methods: ['app-password'] },
    publish: { kinds: ['text'], idempotency: { kind: 'native', windowSeconds: 86_400 } },
    findPublished: { maxWindowSeconds: 7 * 86_400 },
    delete: true,
  },
  limits: { text: [{ counting: 'graphemes', max: 280 }] },
  rateLimits: {
    endpoints: [{ endpoint: '*', requests: 100, windowSeconds: 60 }],
    headers: { remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', resetFormat: 'delta-seconds' },
  },
  configSchema: jsonSchemaOf(__networkCamel__ConfigSchema),
  postSettingsSchema: jsonSchemaOf(__networkCamel__PostSettingsSchema),
};
