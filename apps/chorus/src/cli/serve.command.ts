import { serveService } from '../standalone/serve-service.js';
import { SERVICE_NAMES, serviceNamed } from '../services.js';
import { UsageError } from './usage.errors.js';

export async function runServe(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const name = args[0];
  const definition = name === undefined ? undefined : serviceNamed(name);
  if (definition === undefined) {
    throw new UsageError(`chorus serve needs one service: ${SERVICE_NAMES.join(', ')}`);
  }
  await serveService(definition, env);
}
