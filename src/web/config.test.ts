import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_DB_PATH } from '../library.js';
import { readWebConfig } from './config.js';

it('defaults to 127.0.0.1:3000 and the CLI’s library', () => {
  const c = readWebConfig({});
  assert.deepEqual(
    [c.host, c.port, c.dbPath, c.inboxDir, c.adminToken],
    ['127.0.0.1', 3000, DEFAULT_DB_PATH, './data/inbox', null],
  );
});

it('reads the environment, flags winning over it', () => {
  const env = { PORT: '8080', HOST: '0.0.0.0', SUCAI_DB: '/x.db', SUCAI_ADMIN_TOKEN: 't', SUCAI_UPLOAD_LIMIT_MB: '5' };
  const c = readWebConfig(env, ['--port', '9090', '--inbox=/in']);
  assert.deepEqual(
    [c.port, c.host, c.dbPath, c.inboxDir, c.adminToken, c.uploadLimitBytes],
    [9090, '0.0.0.0', '/x.db', '/in', 't', 5 * 1024 * 1024],
  );
});

it('refuses a bad port or limit, and unknown flags, by name', () => {
  assert.throws(() => readWebConfig({ PORT: 'http' }), /PORT must be a whole number/);
  assert.throws(() => readWebConfig({ PORT: '70000' }), /PORT/);
  assert.throws(() => readWebConfig({ SUCAI_UPLOAD_LIMIT_MB: '0' }), /SUCAI_UPLOAD_LIMIT_MB/);
  assert.throws(() => readWebConfig({}, ['--bogus']), /unknown option "--bogus"/);
});

it('counts download days in Asia/Shanghai unless SUCAI_TIMEZONE names another zone, refusing an unknown one', () => {
  assert.equal(readWebConfig({}).timeZone, 'Asia/Shanghai');
  assert.equal(readWebConfig({ SUCAI_TIMEZONE: 'UTC' }).timeZone, 'UTC');
  assert.throws(() => readWebConfig({ SUCAI_TIMEZONE: 'Beijing' }), /SUCAI_TIMEZONE must be a time zone/);
});
