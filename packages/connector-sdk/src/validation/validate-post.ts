import type { ConnectorManifest } from '../manifest/manifest.schema.js';
import type { ContentKind } from '../manifest/capabilities.schema.js';
import type { Limits } from '../manifest/limits.schema.js';
import type { MediaInput, PostInput } from '../content/post.js';
import { parseWithJsonSchema } from '../schema/parse-with-json-schema.js';
import { validateMedia } from './validate-media.js';
import { validatePoll } from './validate-poll.js';
import { validateText } from './validate-text.js';
import type { IssuePath, ValidationIssue } from './validation-issue.js';

/**
 * The generic validator: everything the manifest's declared limits can tell without a network call.
 * `limits` defaults to the manifest's; connectors that read limits at run time (a Mastodon instance) pass theirs.
 */
export function validatePost(
  manifest: ConnectorManifest,
  post: PostInput,
  limits: Limits = manifest.limits,
): ValidationIssue[] {
  const network = manifest.displayName;
  const declared = new Set<ContentKind>(manifest.capabilities.publish?.kinds ?? []);
  if (!manifest.capabilities.publish) {
    return [
      { path: [], code: 'content-not-supported', message: `The ${network} connector does not publish.` },
    ];
  }
  const issues: ValidationIssue[] = [];
  issues.push(
    ...validateBody(post.text, post.media ?? [], Boolean(post.poll), limits, declared, [], network),
  );
  if (post.link && !declared.has('link')) {
    issues.push(notDeclared(['link'], network, 'link cards'));
  }
  if (post.poll) {
    if (!declared.has('poll') || !limits.poll) {
      issues.push(notDeclared(['poll'], network, 'polls'));
    } else {
      issues.push(...validatePoll(post.poll, limits.poll, (post.media ?? []).length > 0, network));
    }
  }
  const thread = post.thread ?? [];
  if (thread.length > 0) {
    if (!declared.has('thread')) {
      issues.push(notDeclared(['thread'], network, 'threads'));
    }
    const maxPosts = limits.thread?.maxPosts;
    if (maxPosts !== undefined && thread.length + 1 > maxPosts) {
      issues.push({
        path: ['thread'],
        code: 'thread-too-long',
        limit: maxPosts,
        actual: thread.length + 1,
        message: `The thread has ${thread.length + 1} posts; ${network} allows ${maxPosts}.`,
      });
    }
    thread.forEach((part, index) => {
      issues.push(
        ...validateBody(part.text, part.media ?? [], false, limits, declared, ['thread', index], network),
      );
    });
  }
  if (post.firstComment) {
    if (!declared.has('first-comment')) {
      issues.push(notDeclared(['firstComment'], network, 'first comments'));
    }
    const rules = limits.firstComment?.text ?? limits.text;
    issues.push(
      ...validateText(post.firstComment.text, {
        path: ['firstComment', 'text'],
        label: 'First comment',
        rules,
      }),
    );
  }
  const settings = parseWithJsonSchema(manifest.postSettingsSchema, post.settings ?? {});
  if (!settings.ok) {
    for (const problem of settings.problems) {
      issues.push({
        path: ['settings', ...problem.path],
        code: 'invalid-setting',
        message: `Setting ${problem.path.join('.') || '(all)'}: ${problem.message}`,
      });
    }
  }
  return issues;
}

function validateBody(
  text: string,
  media: readonly MediaInput[],
  hasPoll: boolean,
  limits: Limits,
  declared: ReadonlySet<ContentKind>,
  path: IssuePath,
  network: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const empty = text.trim().length === 0;
  const textNeeded =
    limits.textRequired === 'always' || (limits.textRequired === 'unless-media' && media.length === 0);
  if (empty && textNeeded) {
    issues.push({
      path: [...path, 'text'],
      code: 'text-required',
      message: hasPoll ? `${network} needs text with a poll.` : `The post is empty. Write some text.`,
    });
  }
  issues.push(...validateText(text, { path: [...path, 'text'], label: 'Text', rules: limits.text }));
  issues.push(...validateMedia(media, limits.media, declared, [...path, 'media'], network));
  return issues;
}

function notDeclared(path: IssuePath, network: string, what: string): ValidationIssue {
  return {
    path,
    code: 'content-not-supported',
    message: `The ${network} connector does not publish ${what}. Remove it from this variant.`,
  };
}
