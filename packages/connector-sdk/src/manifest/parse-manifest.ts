import { z } from 'zod';
import { ConnectorManifestSchema, type ConnectorManifest } from './manifest.schema.js';

export interface ManifestProblem {
  readonly path: string;
  readonly message: string;
}

export type ParsedManifest =
  | { readonly ok: true; readonly manifest: ConnectorManifest }
  | { readonly ok: false; readonly problems: readonly ManifestProblem[] };

/** Parses a manifest, filling defaults; never throws, so that a host can refuse one plugin and load the rest. */
export function parseManifest(raw: unknown): ParsedManifest {
  const result = ConnectorManifestSchema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message })),
    };
  }
  const problems: ManifestProblem[] = [];
  const manifest = result.data;
  for (const key of ['configSchema', 'postSettingsSchema'] as const) {
    try {
      z.fromJSONSchema(manifest[key]);
    } catch (error) {
      problems.push({ path: key, message: `not a usable JSON Schema: ${(error as Error).message}` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, manifest };
}

/** A short summary of the problems, for log lines and refusal reasons. */
export function describeManifestProblems(problems: readonly ManifestProblem[]): string {
  return problems.map((problem) => `${problem.path || '(root)'}: ${problem.message}`).join('; ');
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}
