import { z } from '@chorus/connector-sdk';

export const __networkCamel__ConfigSchema = z.object({
  baseUrl: z.url().default('https://api.__network__.example').describe('The API root of __Display__'),
});

export const __networkCamel__PostSettingsSchema = z.object({});
