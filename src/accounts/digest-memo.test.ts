import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { sessionHash } from './accounts.js';
import { memoized } from './digest-memo.js';

it('answers as the function does, taking each input once while it is kept', () => {
  const asked: string[] = [];
  const upper = memoized((s) => {
    asked.push(s);
    return s.toUpperCase();
  }, 2);
  assert.equal(upper('a'), 'A');
  assert.equal(upper('a'), 'A');
  assert.equal(upper('b'), 'B');
  assert.deepEqual(asked, ['a', 'b']);
  // A third input pushes out the one asked least lately; it is taken again when asked.
  upper('c');
  upper('a');
  assert.deepEqual(asked, ['a', 'b', 'c', 'a']);
});

it("keeps a session's stored key the SHA-256 of its id", () => {
  const id = 'x'.repeat(43);
  assert.equal(sessionHash(id), createHash('sha256').update(id).digest('hex'));
  assert.equal(sessionHash(id), sessionHash(id));
});
