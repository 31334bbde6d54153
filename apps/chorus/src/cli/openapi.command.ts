import { renderOpenApiDocuments, syncOpenApiDocuments } from '../openapi/generate-openapi.js';
import { ALL_SERVICES, SERVICE_NAMES, serviceNamed } from '../services.js';
import { UsageError } from './usage.errors.js';

/** `chorus openapi [service|all] [--check]`: the committed OpenAPI documents, regenerated or verified. */
export async function runOpenApi(args: readonly string[]): Promise<number> {
  const check = args.includes('--check');
  const names = args.filter((a) => a !== '--check' && a !== 'all');
  const definitions =
    names.length === 0
      ? ALL_SERVICES
      : names.map((name) => {
          const definition = serviceNamed(name);
          if (definition === undefined) {
            throw new UsageError(`Unknown service ${name}; services: ${SERVICE_NAMES.join(', ')}`);
          }
          return definition;
        });
  const stale = await syncOpenApiDocuments(await renderOpenApiDocuments(definitions), check);
  if (check && stale.length > 0) {
    process.stderr.write(
      `Stale OpenAPI documents: ${stale.map((s) => `apps/${s}/openapi.json`).join(', ')}. Run \`npm run generate\`.\n`,
    );
    return 1;
  }
  process.stdout.write(
    check ? 'OpenAPI documents are up to date.\n' : `Wrote ${stale.length} OpenAPI document(s).\n`,
  );
  return 0;
}
