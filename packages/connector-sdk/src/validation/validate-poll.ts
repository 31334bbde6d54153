import type { PollLimits } from '../manifest/limits.schema.js';
import type { PollInput } from '../content/post.js';
import { validateText } from './validate-text.js';
import type { ValidationIssue } from './validation-issue.js';

export function validatePoll(
  poll: PollInput,
  limits: PollLimits,
  hasMedia: boolean,
  network: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const count = poll.options.length;
  if (count < limits.minOptions) {
    issues.push({
      path: ['poll', 'options'],
      code: 'poll-too-few-options',
      limit: limits.minOptions,
      actual: count,
      message: `The poll has ${count} options; ${network} needs at least ${limits.minOptions}.`,
    });
  }
  if (count > limits.maxOptions) {
    issues.push({
      path: ['poll', 'options'],
      code: 'poll-too-many-options',
      limit: limits.maxOptions,
      actual: count,
      message: `The poll has ${count} options; ${network} allows ${limits.maxOptions}. Remove ${count - limits.maxOptions}.`,
    });
  }
  poll.options.forEach((option, index) => {
    const path = ['poll', 'options', index];
    if (option.trim().length === 0) {
      issues.push({ path, code: 'poll-option-empty', message: `Poll option ${index + 1} is empty.` });
    }
    issues.push(
      ...validateText(option, {
        path,
        label: `Poll option ${index + 1}`,
        rules: limits.option,
        code: 'poll-option-too-long',
      }),
    );
  });
  const duration = poll.durationSeconds;
  if (duration < limits.minDurationSeconds || duration > limits.maxDurationSeconds) {
    issues.push({
      path: ['poll', 'durationSeconds'],
      code: 'poll-duration-out-of-range',
      limit: `${limits.minDurationSeconds}..${limits.maxDurationSeconds}`,
      actual: duration,
      message: `The poll lasts ${duration} s; ${network} accepts ${limits.minDurationSeconds} to ${limits.maxDurationSeconds} s.`,
    });
  }
  if (hasMedia && !limits.withMedia) {
    issues.push({
      path: ['poll'],
      code: 'poll-with-media',
      message: `${network} does not allow a poll and media in one post. Remove one of them.`,
    });
  }
  return issues;
}
