import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Library } from '../library.js';
import { AccountError, Accounts, BAD_CREDENTIALS } from './accounts.js';

let library: Library;
let clock = new Date('2026-06-01T08:00:00Z');
const tick = (ms: number): void => {
  clock = new Date(clock.getTime() + ms);
};
let accounts: Accounts;

before(async () => {
  library = await Library.open(':memory:');
  accounts = new Accounts(library.store.accounts, { now: () => clock, sessionMs: 3_600_000 });
  await accounts.register({ name: 'liu', password: 'liu-password' });
});
after(() => library.close());

const refusal = async (work: Promise<unknown>): Promise<AccountError> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof AccountError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
};

it('unlocks an account once its failures leave the sliding window', async () => {
  for (let i = 0; i < 5; i++) {
    assert.equal((await refusal(accounts.login('liu', 'wrong', 'a1', null))).message, BAD_CREDENTIALS);
    tick(60_000);
  }
  assert.equal((await refusal(accounts.login('liu', 'liu-password', 'a1', null))).code, 'locked');
  // 15 minutes after the first failure it has left the window: 4 remain, below the limit.
  tick(11 * 60_000);
  const { user } = await accounts.login('liu', 'liu-password', 'a1', null);
  assert.equal(user.name, 'liu');
  // A success clears the account's count.
  assert.equal((await refusal(accounts.login('liu', 'wrong', 'a1', null))).code, 'bad_credentials');
});

it('lets no more than the limit of attempts sent at once be tried', async () => {
  await accounts.register({ name: 'zhou', password: 'zhou-password' });
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => refusal(accounts.login('zhou', `guess-${i}`, `b${i}`, null))),
  );
  const tried = answers.filter((e) => e.code === 'bad_credentials').length;
  assert.ok(tried <= 5, `${tried} passwords tried`);
  assert.equal(answers.filter((e) => e.code === 'locked').length, 20 - tried);
});

it('slides a session while used and ends it when unused past its lifetime', async () => {
  const id = await accounts.startSession((await accounts.byLogin('liu'))!.id);
  tick(50 * 60_000);
  assert.ok(await accounts.current(id), 'used within the hour');
  tick(50 * 60_000);
  assert.ok(await accounts.current(id), 'its expiry moved with the last use');
  tick(61 * 60_000);
  assert.equal(await accounts.current(id), null, 'unused for more than its lifetime');
  assert.equal(await accounts.current('not-a-session-id'), null);
});
