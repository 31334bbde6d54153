import { adsService } from '@chorus/ads';
import { analyticsService } from '@chorus/analytics';
import { communityService } from '@chorus/community';
import { contentService } from '@chorus/content';
import { gatewayService } from '@chorus/gateway';
import { strategyService } from '@chorus/strategy';
import type { ServiceDefinition } from '@chorus/service-kit';

/** The services behind the gateway, in start order (producers before consumers is not required: the outbox waits). */
export const BACKEND_SERVICES: readonly ServiceDefinition[] = [
  strategyService,
  contentService,
  communityService,
  adsService,
  analyticsService,
];

export const ALL_SERVICES: readonly ServiceDefinition[] = [gatewayService, ...BACKEND_SERVICES];

export const SERVICE_NAMES = ALL_SERVICES.map((s) => s.name);

export function serviceNamed(name: string): ServiceDefinition | undefined {
  return ALL_SERVICES.find((s) => s.name === name);
}
