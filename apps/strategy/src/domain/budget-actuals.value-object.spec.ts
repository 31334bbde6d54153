import { describe, expect, it } from 'vitest';
import { supersedes, type BudgetActuals } from './budget-actuals.value-object.js';

const statement = (asOf: string): BudgetActuals => ({
  tenantId: 't',
  workspaceId: 'w',
  month: '2026-11',
  currency: 'EUR',
  asOf: new Date(asOf),
  lines: [],
});

describe('supersedes', () => {
  it('keeps the newest statement of a month; a replay of the same one is harmless', () => {
    const stored = statement('2026-12-02T00:00:00Z');
    expect(supersedes(statement('2026-12-03T00:00:00Z'), stored)).toBe(true);
    expect(supersedes(statement('2026-12-02T00:00:00Z'), stored)).toBe(true);
    expect(supersedes(statement('2026-12-01T00:00:00Z'), stored)).toBe(false);
    expect(supersedes(statement('2026-12-01T00:00:00Z'), null)).toBe(true);
  });
});
