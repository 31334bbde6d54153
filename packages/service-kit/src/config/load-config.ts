import { z } from 'zod';
import { InvalidConfigError } from './config.errors.js';

/**
 * Reads the variables a zod object schema names from the environment. Each field's `.describe()` text is the
 * fix offered when it is missing or invalid ("Set PORT to the TCP port to listen on, e.g. 3000.").
 * Values are never echoed back: a variable may hold a secret.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key]?.trim();
    input[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(unknown)');
    const field = schema.shape[variable] as z.ZodType | undefined;
    const missing = input[variable] === undefined;
    return {
      variable,
      problem: missing ? 'is not set' : `is invalid (${issue.message})`,
      hint: field?.description,
    };
  });
  throw new InvalidConfigError(problems);
}
