import { join } from 'node:path';
import { after } from 'node:test';
import { Accounts } from '../accounts/accounts.js';
import { Library } from '../library.js';
import type { MemberStore } from '../storage/member-store.js';
import { openSqliteMemberStore } from '../storage/sqlite/sqlite-member-store.js';
import { createApp, type WebApp } from '../web/app.js';
import { webConfig } from '../web/config.js';
import { GUEST_CSRF_COOKIE, sessionCsrfToken } from '../web/accounts/csrf.js';
import { SESSION_COOKIE } from '../web/accounts/sessions.js';
import { addUserRow } from './member-users.js';
import { parsedDocument, preparedFile } from './prepared-files.js';
import { tempDir } from './temp-dir.js';

export interface MemberWeb {
  app: WebApp;
  members: MemberStore;
  library: Library;
  dbPath: string;
  documents: number[];
  /** A new account, signed in: its session (for a browser's cookie) and the headers of its requests. */
  user(
    name: string,
    role?: 'member' | 'admin',
  ): Promise<{ id: number; sessionId: string; headers: Record<string, string> }>;
}

/** A guest's request headers with its CSRF cookie and token: what passes the CSRF check without a session. */
export const GUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  cookie: `${GUEST_CSRF_COOKIE}=${'g'.repeat(32)}`,
  'x-csrf-token': 'g'.repeat(32),
});

/**
 * A small library (three documents, the first with a paid part) and the app over it; `user()` makes
 * signed-in accounts.
 */
export async function memberWeb(): Promise<MemberWeb> {
  const dbPath = join(tempDir(), 'members-web.db');
  const library = await Library.open(dbPath);
  after(() => library.close());
  const outcomes = await library.store.writeBatch(
    ['一', '二', '三'].map((k, i) =>
      preparedFile(`${k}.txt`, [
        parsedDocument(
          `第${k}篇工作总结`,
          [`第${k}篇的开头，免费部分。`, '一、主要做法', `第${k}篇会员正文，付费部分不给游客。`],
          i === 0 ? 12 : null,
        ),
      ]),
    ),
  );
  library.changed();
  const members = openSqliteMemberStore(dbPath);
  after(() => members.close());
  const app = createApp({ library, members, config: webConfig({ dbPath }) });
  return {
    app,
    members,
    library,
    dbPath,
    documents: outcomes.map((o) => o.documents[0]!.id),
    async user(name, role = 'member') {
      const id = addUserRow(dbPath, name, role);
      const sessionId = await new Accounts(library.store.accounts).startSession(id);
      const headers = { cookie: `${SESSION_COOKIE}=${sessionId}`, 'x-csrf-token': sessionCsrfToken(sessionId) };
      return { id, sessionId, headers };
    },
  };
}
