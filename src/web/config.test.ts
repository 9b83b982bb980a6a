import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { it } from 'node:test';
import { DEFAULT_DB_PATH } from '../library.js';
import { DEFAULT_TIER_POLICY } from '../core/access/tiers.js';
import { readWebConfig } from './config.js';

it('defaults to 127.0.0.1:3000 and the CLI’s library', () => {
  const c = readWebConfig({});
  assert.deepEqual(
    [c.host, c.port, c.dbPath, c.inboxDir, c.trustProxy, c.tiers],
    ['127.0.0.1', 3000, DEFAULT_DB_PATH, './data/inbox', false, DEFAULT_TIER_POLICY],
  );
});

it('reads the environment, flags winning over it', () => {
  const env = { PORT: '8080', HOST: '0.0.0.0', SUCAI_DB: '/x.db', SUCAI_TRUST_PROXY: '1', SUCAI_UPLOAD_LIMIT_MB: '5' };
  const c = readWebConfig(env, ['--port', '9090', '--inbox=/in']);
  assert.deepEqual(
    [c.port, c.host, c.dbPath, c.inboxDir, c.trustProxy, c.uploadLimitBytes],
    [9090, '0.0.0.0', '/x.db', '/in', true, 5 * 1024 * 1024],
  );
});

it('refuses a bad port or limit, and unknown flags, by name', () => {
  assert.throws(() => readWebConfig({ PORT: 'http' }), /PORT must be a whole number/);
  assert.throws(() => readWebConfig({ PORT: '70000' }), /PORT/);
  assert.throws(() => readWebConfig({ SUCAI_UPLOAD_LIMIT_MB: '0' }), /SUCAI_UPLOAD_LIMIT_MB/);
  assert.throws(() => readWebConfig({}, ['--bogus']), /unknown option "--bogus"/);
});

it('answers searches from one thread per core (at most four) unless SUCAI_SEARCH_THREADS says otherwise', () => {
  assert.equal(readWebConfig({}).searchThreads, Math.min(4, availableParallelism()));
  assert.equal(readWebConfig({ SUCAI_SEARCH_THREADS: '0' }).searchThreads, 0);
  assert.equal(readWebConfig({ SUCAI_SEARCH_THREADS: '3' }).searchThreads, 3);
  assert.throws(() => readWebConfig({ SUCAI_SEARCH_THREADS: 'many' }), /SUCAI_SEARCH_THREADS must be a whole number/);
});

it('reads tiers from SUCAI_TIERS over the defaults, refusing a bad one by name', () => {
  const c = readWebConfig({ SUCAI_TIERS: '{"member":{"downloadsPerDay":5,"formats":["txt","md"]}}' });
  assert.deepEqual(c.tiers.member, { access: 'free', formats: ['txt', 'md'], downloadsPerDay: 5 });
  assert.deepEqual(c.tiers.vip, DEFAULT_TIER_POLICY.vip);
  assert.throws(() => readWebConfig({ SUCAI_TIERS: '{"gold":{}}' }), /unknown tier "gold"/);
  assert.throws(() => readWebConfig({ SUCAI_TIERS: '{"admin":{"access":"free"}}' }), /admin/);
  assert.throws(() => readWebConfig({ SUCAI_TIERS: 'vip' }), /must be JSON/);
});

it('counts download days in Asia/Shanghai unless SUCAI_TIMEZONE names another zone, refusing an unknown one', () => {
  assert.equal(readWebConfig({}).timeZone, 'Asia/Shanghai');
  assert.equal(readWebConfig({ SUCAI_TIMEZONE: 'UTC' }).timeZone, 'UTC');
  assert.throws(() => readWebConfig({ SUCAI_TIMEZONE: 'Beijing' }), /SUCAI_TIMEZONE must be a time zone/);
});
