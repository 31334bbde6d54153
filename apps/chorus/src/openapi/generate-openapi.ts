import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateIdentityKeyPair, parseIdentityPrivateKey, publicKeyOf } from '@chorus/access';
import { IDENTITY_SIGNING_KEY, UPSTREAMS } from '@chorus/gateway';
import { Database } from '@chorus/persistence';
import {
  bootstrapService,
  buildOpenApiDocument,
  serialiseOpenApiDocument,
  type ServiceDefinition,
} from '@chorus/service-kit';

/** apps/<service>/openapi.json, from this file's place in apps/chorus/{src,dist}/openapi/. */
export function openApiPath(service: string): string {
  return fileURLToPath(new URL(`../../../${service}/openapi.json`, import.meta.url));
}

/** Boots each service on a throwaway in-memory database (no migrations) and renders its document. */
export async function renderOpenApiDocuments(
  definitions: readonly ServiceDefinition[],
): Promise<Map<string, string>> {
  const database = await Database.open({ kind: 'pglite', dataDir: null });
  const privateKey = parseIdentityPrivateKey(generateIdentityKeyPair().privateKeyPem);
  const documents = new Map<string, string>();
  try {
    for (const definition of definitions) {
      const service = await bootstrapService(
        definition,
        { database, bus: null, identityPublicKey: publicKeyOf(privateKey), logLevel: 'warn' },
        {
          migrate: false,
          providers: [
            { provide: UPSTREAMS, useValue: {} },
            { provide: IDENTITY_SIGNING_KEY, useValue: privateKey },
          ],
        },
      );
      documents.set(definition.name, serialiseOpenApiDocument(buildOpenApiDocument(service.app, definition)));
      await service.app.close();
    }
  } finally {
    await database.close();
  }
  return documents;
}

/** Writes the documents, or with check=true only compares them; returns the services whose file was stale. */
export async function syncOpenApiDocuments(
  documents: Map<string, string>,
  check: boolean,
): Promise<string[]> {
  const stale: string[] = [];
  for (const [service, text] of documents) {
    const path = openApiPath(service);
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === text) {
      continue;
    }
    stale.push(service);
    if (!check) {
      await writeFile(path, text);
    }
  }
  return stale;
}
