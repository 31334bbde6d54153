import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** Parses input with a zod schema; a failure is a 400 that names every offending field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'path',
): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) {
    return result.data;
  }
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    problem: issue.message,
  }));
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid ${where}: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`,
    problems,
  });
}
