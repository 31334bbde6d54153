import type { Credentials, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import {
  linkFlairs,
  postRequirements,
  subredditAbout,
  type PostRequirements,
} from '../api/reddit-schemas.js';
import type { RedditPostSettings } from '../config.js';
import type { RedditDeps } from '../reddit-deps.js';
import type { SubmissionKind } from './submission-kind.js';

interface Target {
  readonly sr: string;
  readonly kind: SubmissionKind;
  readonly post: PostInput;
  readonly settings: RedditPostSettings;
}

const issue = (path: ValidationIssue['path'], code: string, message: string): ValidationIssue => ({
  path,
  code: `reddit:${code}`,
  message,
});

/**
 * What this subreddit accepts, read before anything is uploaded (network-apis.md 12.2, "validate before
 * submitting"): the kinds of post it allows (`/r/{sr}/about`), its post requirements (title, body, domains,
 * required flair) and its link flair templates.
 */
export async function checkSubreddit(
  deps: RedditDeps,
  credentials: Credentials,
  target: Target,
): Promise<ValidationIssue[]> {
  const { api } = deps;
  const { sr, kind, settings } = target;
  const request = { operation: 'publish' as const, credentials, forbidden: 'refused' as const };
  const about = await api.call(
    { ...request, endpoint: 'subreddit.about', path: `/r/${encodeURIComponent(sr)}/about`, scope: 'read' },
    subredditAbout,
  );
  const issues = allowedKinds(sr, kind, about.data);
  const rules = await api.call(
    {
      ...request,
      endpoint: 'subreddit.post_requirements',
      path: `/api/v1/${encodeURIComponent(sr)}/post_requirements`,
      scope: 'submit',
    },
    postRequirements,
  );
  issues.push(...requirements(sr, rules, target));
  if (settings.flairId || rules.is_flair_required) {
    const flairs = await api.call(
      {
        ...request,
        endpoint: 'subreddit.link_flair',
        path: `/r/${encodeURIComponent(sr)}/api/link_flair_v2`,
        scope: 'flair',
      },
      linkFlairs,
    );
    const listed = flairs.map((flair) => `${flair.text || '(no text)'} = ${flair.id}`).join(', ') || 'none';
    const chosen = flairs.find((flair) => flair.id === settings.flairId);
    if (!settings.flairId) {
      issues.push(
        issue(
          ['settings', 'flairId'],
          'SUBMIT_VALIDATION_FLAIR_REQUIRED',
          `r/${sr} requires a flair; choose one of: ${listed}.`,
        ),
      );
    } else if (!chosen) {
      issues.push(
        issue(
          ['settings', 'flairId'],
          'flair-unknown',
          `r/${sr} has no flair ${settings.flairId}; choose one of: ${listed}.`,
        ),
      );
    } else if (settings.flairText && !chosen.text_editable) {
      issues.push(
        issue(
          ['settings', 'flairText'],
          'flair-not-editable',
          `The flair "${chosen.text}" of r/${sr} has fixed text: leave Flair text empty.`,
        ),
      );
    }
  }
  return issues;
}

function allowedKinds(
  sr: string,
  kind: SubmissionKind,
  about: {
    submission_type?: string;
    allow_images?: boolean;
    allow_videos?: boolean;
    allow_galleries?: boolean;
    allow_videogifs?: boolean;
  },
): ValidationIssue[] {
  const type = about.submission_type ?? 'any';
  if (kind === 'self' && type === 'link') {
    return [
      issue(
        ['text'],
        'NO_SELFS',
        `r/${sr} accepts links and media only, no text posts: add a link or media.`,
      ),
    ];
  }
  if (kind !== 'self' && type === 'self') {
    return [
      issue(
        kind === 'link' ? ['link'] : ['media'],
        'NO_LINKS',
        `r/${sr} accepts text posts only: remove the link or media.`,
      ),
    ];
  }
  const refused =
    (kind === 'image' && about.allow_images === false) ||
    (kind === 'gallery' && about.allow_galleries === false) ||
    (kind === 'video' && about.allow_videos === false) ||
    (kind === 'videogif' && (about.allow_videogifs ?? about.allow_videos) === false);
  return refused ? [issue(['media'], 'media-not-allowed', `r/${sr} does not allow ${kind} posts.`)] : [];
}

function requirements(sr: string, rules: PostRequirements, target: Target): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const title = target.settings.title ?? '';
  const titlePath = ['settings', 'title'];
  const [min, max] = [rules.title_text_min_length, rules.title_text_max_length];
  if (min && [...title].length < min) {
    issues.push(issue(titlePath, 'title-too-short', `r/${sr} wants a title of at least ${min} characters.`));
  }
  if (max && [...title].length > max) {
    issues.push(issue(titlePath, 'title-too-long', `r/${sr} wants a title of at most ${max} characters.`));
  }
  for (const pattern of rules.title_regexes ?? []) {
    if (!safeTest(pattern, title)) {
      issues.push(issue(titlePath, 'title-pattern', `r/${sr} wants the title to match ${pattern}.`));
    }
  }
  const lowerTitle = title.toLowerCase();
  const required = rules.title_required_strings ?? [];
  if (required.length > 0 && !required.some((value) => lowerTitle.includes(value.toLowerCase()))) {
    issues.push(
      issue(
        titlePath,
        'title-required-strings',
        `r/${sr} wants the title to contain one of: ${required.join(', ')}.`,
      ),
    );
  }
  for (const banned of rules.title_blacklisted_strings ?? []) {
    if (lowerTitle.includes(banned.toLowerCase())) {
      issues.push(issue(titlePath, 'title-banned-string', `r/${sr} does not allow "${banned}" in titles.`));
    }
  }
  if (target.kind === 'self') {
    issues.push(...bodyRules(sr, rules, target.post.text));
  }
  const url = target.post.link?.url;
  if (url) {
    issues.push(...domainRules(sr, rules, url));
  }
  return issues;
}

function bodyRules(sr: string, rules: PostRequirements, text: string): ValidationIssue[] {
  const length = [...text.trim()].length;
  if (rules.body_restriction_policy === 'required' && length === 0) {
    return [issue(['text'], 'body-required', `r/${sr} requires a body text.`)];
  }
  if (rules.body_restriction_policy === 'notAllowed' && length > 0) {
    return [issue(['text'], 'body-not-allowed', `r/${sr} does not allow a body text: leave the text empty.`)];
  }
  if (length > 0 && rules.body_text_min_length && length < rules.body_text_min_length) {
    return [
      issue(
        ['text'],
        'body-too-short',
        `r/${sr} wants a body of at least ${rules.body_text_min_length} characters.`,
      ),
    ];
  }
  if (rules.body_text_max_length && length > rules.body_text_max_length) {
    return [
      issue(
        ['text'],
        'body-too-long',
        `r/${sr} wants a body of at most ${rules.body_text_max_length} characters.`,
      ),
    ];
  }
  return [];
}

function domainRules(sr: string, rules: PostRequirements, url: string): ValidationIssue[] {
  const host = new URL(url).hostname.toLowerCase();
  const matches = (domain: string) =>
    host === domain.toLowerCase() || host.endsWith(`.${domain.toLowerCase()}`);
  const allowed = rules.domain_whitelist ?? [];
  if (allowed.length > 0 && !allowed.some(matches)) {
    return [
      issue(['link', 'url'], 'domain-not-allowed', `r/${sr} accepts links to ${allowed.join(', ')} only.`),
    ];
  }
  if ((rules.domain_blacklist ?? []).some(matches)) {
    return [issue(['link', 'url'], 'domain-banned', `r/${sr} does not accept links to ${host}.`)];
  }
  return [];
}

/** Subreddit patterns are Python regular expressions; one JavaScript cannot read is not held against the post. */
function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
