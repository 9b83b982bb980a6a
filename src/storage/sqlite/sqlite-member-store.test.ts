import assert from 'node:assert/strict';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { addUserRow } from '../../testing/member-users.js';
import { membersAsBeforeSchema12 } from '../../testing/members-as-before-schema12.js';
import { runMemberStoreContract } from '../../testing/member-store-contract.js';
import { parsedDocument, preparedFile } from '../../testing/prepared-files.js';
import { tempDir } from '../../testing/temp-dir.js';
import { openSqliteStore } from './open-sqlite-store.js';
import { openSqliteMemberStore } from './sqlite-member-store.js';

const dir = tempDir();
let n = 0;

runMemberStoreContract('sqlite', async () => {
  const path = join(dir, `members-${n++}.db`);
  const library = await openSqliteStore(path);
  const outcomes = await library.writeBatch(
    ['一', '二', '三'].map((k) =>
      preparedFile(`${k}.txt`, [
        parsedDocument(`第${k}篇工作总结`, [`第${k}篇的开头。`, '一、主要做法', `第${k}篇正文。`]),
      ]),
    ),
  );
  await library.close();
  const store = openSqliteMemberStore(path);
  return {
    store,
    addUser: async (name, role) => addUserRow(path, name, role),
    documents: outcomes.map((o) => o.documents[0]!.id),
    another: async () => openSqliteMemberStore(path),
    close: () => store.close(),
  };
});

it("gives a schema 11 library the members' tables, its documents kept", async () => {
  const path = join(dir, 'v11.db');
  const library = await openSqliteStore(path);
  await library.writeBatch([preparedFile('old.txt', [parsedDocument('旧库文档', ['开头。', '一、做法', '正文。'])])]);
  const listed = await library.listDocuments();
  await library.close();
  const db = new Database(path);
  membersAsBeforeSchema12(db);
  db.pragma('user_version = 11');
  db.close();
  const members = openSqliteMemberStore(path);
  const id = addUserRow(path, 'after-upgrade');
  assert.equal((await members.grantVip({ userId: null, name: 'cli:test' }, id, { days: 1 }))?.name, 'after-upgrade');
  assert.equal(
    (await members.createCodes({ userId: null, name: 'cli:test' }, { count: 2, days: 1, tier: 'vip' })).codes.length,
    2,
  );
  await members.close();
  const reopened = await openSqliteStore(path);
  assert.deepEqual(await reopened.listDocuments(), listed);
  await reopened.close();
});

it("waits for another connection's write lock without blocking the event loop, then writes", async () => {
  const path = join(dir, 'busy.db');
  const members = openSqliteMemberStore(path);
  const id = addUserRow(path, 'patient');
  const writer = new Database(path);
  writer.prepare('BEGIN IMMEDIATE').run();
  let settled = false;
  const granting = members
    .grantVip({ userId: null, name: 'cli:test' }, id, { days: 3 })
    .finally(() => (settled = true));
  // Timers run while the grant waits: the loop is free; the grant is not done while the lock is held.
  let ticks = 0;
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    ticks++;
  }
  assert.equal(ticks, 5);
  assert.equal(settled, false);
  writer.prepare('COMMIT').run();
  writer.close();
  assert.ok((await granting)?.vipUntil);
  assert.ok((await members.account(id))?.vipUntil);
  await members.close();
});
