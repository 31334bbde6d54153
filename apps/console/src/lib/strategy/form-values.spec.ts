import { describe, expect, it } from 'vitest';
import { linesOf, numberOrNull, otherProblems, problemAt, renumbered, textOf } from './form-values.js';

describe('strategy form values', () => {
  it('turns lines into lists and back', () => {
    expect(linesOf(' warm \n\nconfident\n')).toEqual(['warm', 'confident']);
    expect(textOf(['warm', 'confident'])).toBe('warm\nconfident');
  });

  it('treats an empty number field as null', () => {
    expect(numberOrNull(undefined)).toBeNull();
    expect(numberOrNull(null)).toBeNull();
    expect(numberOrNull(Number.NaN)).toBeNull();
    expect(numberOrNull(0)).toBe(0);
  });

  it("finds a field's problem, or the first one inside it", () => {
    const fields = { 'tools.0.monthlyCostMinor': 'must not be negative', name: 'required' };
    expect(problemAt(fields, 'name')).toBe('required');
    expect(problemAt(fields, 'tools')).toBe('must not be negative');
    expect(problemAt(fields, 'tools.0.monthlyCostMinor')).toBe('must not be negative');
    expect(problemAt(fields, 'team')).toBeUndefined();
    expect(problemAt(fields, 'tool')).toBeUndefined();
  });

  it('names the problems no field of the form shows, so none goes unseen', () => {
    const fields = { name: 'required', 'subTargets.0.key': 'is used by another sub-target' };
    expect(otherProblems(fields, ['name', 'networks'])).toBe(
      'subTargets.0.key: is used by another sub-target',
    );
    expect(otherProblems(fields, ['name', 'subTargets'])).toBeNull();
    expect(otherProblems({ subTargetsX: 'odd' }, ['subTargets'])).toBe('subTargetsX: odd');
  });

  it('renumbers the problems of a list sent without its blank lines to the lines of the form', () => {
    const fields = {
      'channels.1.network': 'is planned twice',
      channels: 'too many',
      teamHoursPerWeek: 'negative',
    };
    expect(renumbered(fields, 'channels', [0, 2])).toEqual({
      'channels.2.network': 'is planned twice',
      channels: 'too many',
      teamHoursPerWeek: 'negative',
    });
  });
});
