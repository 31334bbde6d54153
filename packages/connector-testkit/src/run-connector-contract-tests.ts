import { afterAll, beforeAll, describe, it } from 'vitest';
import { describeManifestProblems, parseManifest } from '@chorus/connector-sdk';
import type { ContractTestOptions } from './contract-setup.js';
import { HarnessHolder } from './harness.js';
import { authContract } from './sections/auth.contract.js';
import { deleteContract } from './sections/delete.contract.js';
import { errorsContract } from './sections/errors.contract.js';
import { findPublishedContract } from './sections/find-published.contract.js';
import { inboxContract } from './sections/inbox.contract.js';
import { insightsContract } from './sections/insights.contract.js';
import { manifestContract } from './sections/manifest.contract.js';
import { publishContract } from './sections/publish.contract.js';
import { validationContract } from './sections/validation.contract.js';

/**
 * The suite every connector runs with vitest. It tests what the manifest declares and, for what it does not
 * declare, registers skipped tests that say so; a missing piece of setup needed by a declaration fails.
 */
export function runConnectorContractTests(options: ContractTestOptions): void {
  const parsed = parseManifest(options.connector.manifest);
  const title = `connector contract: ${String((options.connector.manifest as { network?: unknown }).network)}`;
  if (!parsed.ok) {
    describe(title, () => {
      it('has a valid manifest', () => {
        throw new Error(`Invalid manifest: ${describeManifestProblems(parsed.problems)}`);
      });
    });
    return;
  }
  const { manifest } = parsed;
  const timeout = options.timeoutMs ?? 30_000;
  describe(title, () => {
    const holder = new HarnessHolder(manifest, options);
    beforeAll(() => holder.start(), 120_000);
    afterAll(() => holder.stop(), 60_000);
    manifestContract(manifest, holder, timeout);
    authContract(manifest, holder, timeout);
    validationContract(manifest, holder, timeout);
    publishContract(manifest, holder, timeout);
    findPublishedContract(manifest, holder, timeout);
    deleteContract(manifest, holder, timeout);
    inboxContract(manifest, holder, timeout);
    insightsContract(manifest, holder, timeout);
    errorsContract(manifest, holder, timeout);
  });
}
