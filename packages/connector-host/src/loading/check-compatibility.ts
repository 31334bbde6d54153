import semver from 'semver';
import type { ChorusPackageJson } from './package-json.js';

export const SDK_PACKAGE = '@chorus/connector-sdk';

/** Why a plugin cannot run on this host's SDK, or undefined when it can. */
export function sdkIncompatibility(
  pkg: ChorusPackageJson,
  manifestSdk: string | undefined,
  hostSdk: string,
): string | undefined {
  const peer = pkg.peerDependencies?.[SDK_PACKAGE];
  if (!peer) {
    return `it declares no peerDependency on ${SDK_PACKAGE}`;
  }
  if (!semver.validRange(peer)) {
    return `its peerDependency range for ${SDK_PACKAGE} ("${peer}") is not a semver range`;
  }
  if (!semver.satisfies(hostSdk, peer, { includePrerelease: true })) {
    return `it needs ${SDK_PACKAGE} ${peer} but this host runs ${hostSdk}`;
  }
  if (manifestSdk !== undefined && !semver.satisfies(hostSdk, manifestSdk, { includePrerelease: true })) {
    return `its manifest needs ${SDK_PACKAGE} ${manifestSdk} but this host runs ${hostSdk}`;
  }
  return undefined;
}
