import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArgs, UsageError, type OptionKinds } from './parse-cli-args.js';

const KINDS: OptionKinds = { db: 'string', json: 'boolean', limit: 'string', help: 'boolean' };

describe('parseCliArgs', () => {
  it('takes an exclusion term for a word, not a cluster of short options', () => {
    const { options, positionals } = parseCliArgs(['search', '主题教育', '-审计'], KINDS);
    assert.deepEqual(positionals, ['search', '主题教育', '-审计']);
    assert.deepEqual(options, {});
  });

  it('reads options before, between and after the query words, and after --', () => {
    const { options, positionals } = parseCliArgs(
      ['--db', 'x.db', 'search', '党建', '--json', '-扶贫', '--', '--limit', '5', '调研'],
      KINDS,
    );
    assert.deepEqual(positionals, ['search', '党建', '-扶贫', '调研']);
    assert.deepEqual(options, { db: 'x.db', json: true, limit: '5' });
  });

  it('takes --name=value and -h', () => {
    const { options } = parseCliArgs(['--limit=7', '-h'], KINDS);
    assert.deepEqual(options, { limit: '7', help: true });
  });

  it('names an unknown option, a missing value and a value given to a flag', () => {
    assert.throws(
      () => parseCliArgs(['--lmit', '5'], KINDS),
      (e: unknown) => {
        return e instanceof UsageError && /"--lmit"/.test(e.message);
      },
    );
    assert.throws(() => parseCliArgs(['search', 'x', '--limit'], KINDS), /--limit needs a value/);
    assert.throws(() => parseCliArgs(['--json=yes'], KINDS), /--json takes no value/);
  });
});
