import type { TextRule } from '../manifest/text-rule.schema.js';
import { countText, unitName } from '../text/count-text.js';
import type { IssuePath, ValidationIssue } from './validation-issue.js';

export interface TextCheck {
  readonly path: IssuePath;
  readonly label: string;
  readonly rules: readonly TextRule[];
  readonly code?: ValidationIssue['code'];
}

/** One issue per broken rule, counted the way the network counts. */
export function validateText(text: string, check: TextCheck): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const rule of check.rules) {
    const actual = countText(text, rule);
    if (actual <= rule.max) {
      continue;
    }
    const unit = unitName(rule.counting);
    const urlNote = rule.urlLength !== undefined ? `; each link counts as ${rule.urlLength}` : '';
    issues.push({
      path: check.path,
      code: check.code ?? 'text-too-long',
      limit: rule.max,
      actual,
      message: `${check.label} is ${actual} ${unit} long${urlNote}; the limit is ${rule.max}. Remove ${actual - rule.max} ${unit}.`,
    });
  }
  return issues;
}
