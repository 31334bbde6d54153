/** A field-level validation problem, as every Chorus API answers a 400 (service-kit's parseInput). */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** The problems of a 400 body keyed by field ('agencyName', 'params.instanceUrl'); empty for other bodies. */
export function fieldProblemsOf(body: unknown): Record<string, string> {
  const problems = (body as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(problems)) {
    return {};
  }
  const byField: Record<string, string> = {};
  for (const entry of problems as unknown[]) {
    const { field, problem } = (entry ?? {}) as Partial<FieldProblem>;
    if (typeof field === 'string' && typeof problem === 'string' && !(field in byField)) {
      byField[field] = problem;
    }
  }
  return byField;
}
