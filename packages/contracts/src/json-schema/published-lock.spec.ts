import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allContracts } from '../all-contracts.js';
import {
  emptyLock,
  extendLock,
  findLockViolations,
  LOCK_FILE,
  sha256,
  type PublishedLock,
} from './published-lock.js';
import { renderSchemas } from './render-schemas.js';

const rendered = new Map([
  ['envelope.json', '{"a":1}\n'],
  ['chorus.content.post-published.v1.json', '{"b":1}\n'],
]);

describe('published schema lock', () => {
  it('matches every published schema of this package (a published version is never edited)', () => {
    const lockUrl = new URL(`../../schemas/${LOCK_FILE}`, import.meta.url);
    const lock = JSON.parse(readFileSync(lockUrl, 'utf8')) as PublishedLock;
    const violations = findLockViolations(lock, renderSchemas(allContracts));
    expect(violations, violations.join('\n\n')).toEqual([]);
  });

  it('locks every contract, so none can be edited unnoticed', () => {
    const lockUrl = new URL(`../../schemas/${LOCK_FILE}`, import.meta.url);
    const lock = JSON.parse(readFileSync(lockUrl, 'utf8')) as PublishedLock;
    const unlocked = [...renderSchemas(allContracts).keys()].filter((file) => !(file in lock.schemas));
    expect(unlocked, 'run `npm run generate -w @chorus/contracts` and commit schemas/').toEqual([]);
  });

  it('reports an edited published version and says to add a new version instead', () => {
    const { lock } = extendLock(emptyLock(), rendered);
    const edited = new Map(rendered).set('chorus.content.post-published.v1.json', '{"b":2}\n');
    const [message, ...rest] = findLockViolations(lock, edited);
    expect(rest).toEqual([]);
    expect(message).toMatch(/^chorus\.content\.post-published\.v1\.json: the schema of published topic/);
    expect(message).toContain('topic chorus.content.post-published.v2');
    expect(message).toContain('npm run generate -w @chorus/contracts');
  });

  it('reports an edited envelope as a change for every consumer', () => {
    const { lock } = extendLock(emptyLock(), rendered);
    const edited = new Map(rendered).set('envelope.json', '{"a":2}\n');
    expect(findLockViolations(lock, edited)).toEqual([
      expect.stringMatching(/^envelope\.json: the event envelope changed/),
    ]);
  });

  it('reports a published version that disappeared', () => {
    const { lock } = extendLock(emptyLock(), rendered);
    const removed = new Map(rendered);
    removed.delete('chorus.content.post-published.v1.json');
    expect(findLockViolations(lock, removed)).toEqual([
      expect.stringMatching(/^chorus\.content\.post-published\.v1\.json: a published schema disappeared/),
    ]);
  });

  it('adds new schemas to the lock and never rewrites an existing entry', () => {
    const { lock } = extendLock(emptyLock(), rendered);
    const grown = new Map(rendered)
      .set('chorus.content.post-published.v1.json', 'changed\n')
      .set('chorus.content.post-published.v2.json', '{"c":1}\n');
    const next = extendLock(lock, grown);
    expect(next.added).toEqual(['chorus.content.post-published.v2.json']);
    expect(next.lock.schemas['chorus.content.post-published.v1.json']).toBe(sha256('{"b":1}\n'));
    expect(next.lock.schemas['chorus.content.post-published.v2.json']).toBe(sha256('{"c":1}\n'));
  });
});
