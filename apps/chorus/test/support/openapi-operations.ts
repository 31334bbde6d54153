import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPermission, type Permission } from '@chorus/access';

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { type?: string; format?: string; enum?: unknown[] };
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: OpenApiParameter[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface Operation {
  readonly app: string;
  readonly method: string;
  /** The public path template, as the gateway serves it: /api/strategy/goals/{goalId}. */
  readonly path: string;
  /**
   * 'public', 'authenticated' (any signed-in member), 'agency' (an agency role, owner or admin: ADR 0018) or the
   * permission the route requires.
   */
  readonly access: 'public' | 'authenticated' | 'agency' | Permission;
  readonly pathParameters: readonly OpenApiParameter[];
  readonly hasBody: boolean;
  /** 'GET /api/strategy/goals/{goalId}' */
  readonly name: string;
}

const APPS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Every operation of every app, read from the committed apps/<app>/openapi.json documents: what a client sees.
 * The required permission is the one the route's 403 response documents (`@RequirePermission` writes it; the
 * gateway's `@RequireAgencyRole` writes "Requires an agency role").
 */
export function committedOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const app of readdirSync(APPS_DIR)) {
    const file = `${APPS_DIR}${app}/openapi.json`;
    if (!existsSync(file)) {
      continue;
    }
    const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    const base = (document.servers?.[0]?.url ?? '').replace(/\/$/, '');
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const forbidden = operation.responses?.['403']?.description ?? '';
        const documented = /Requires the permission (\S+)/.exec(forbidden)?.[1];
        const access =
          documented !== undefined && isPermission(documented)
            ? documented
            : forbidden.startsWith('Requires an agency role')
              ? 'agency'
              : operation.security === undefined
                ? 'public'
                : 'authenticated';
        const fullPath = `${base}${path}`;
        operations.push({
          app,
          method: method.toUpperCase(),
          path: fullPath,
          access,
          pathParameters: (operation.parameters ?? []).filter((p) => p.in === 'path'),
          hasBody: operation.requestBody !== undefined,
          name: `${method.toUpperCase()} ${fullPath}`,
        });
      }
    }
  }
  return operations;
}
