import { join } from 'node:path';
import { addUserRow } from '../../testing/member-users.js';
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
