import { readFileSync } from 'node:fs';
import type { RedditConfig } from '../config.js';

let version: string | undefined;

/** This plugin's version, from its package.json (one level above both src/ and dist/). */
function pluginVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return version;
}

/**
 * Reddit throttles or blocks generic User-Agents (network-apis.md 12.1): every request names the platform, the
 * app, its version and the developer, as `server:chorus:0.1.0 (by /u/someone)`.
 */
export function userAgentOf(config: RedditConfig): string {
  return config.userAgent ?? `server:${config.appId}:${pluginVersion()} (by /u/${config.developerUsername})`;
}
