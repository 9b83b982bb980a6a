import { join } from 'node:path';
import { after } from 'node:test';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { tierAt } from '../core/access/viewer.js';
import { Library } from '../library.js';
import type { MemberStore } from '../storage/member-store.js';
import { openSqliteMemberStore } from '../storage/sqlite/sqlite-member-store.js';
import { createApp, type WebApp } from '../web/app.js';
import { webConfig } from '../web/config.js';
import { setViewer } from '../web/members/session-seams.js';
import { addUserRow } from './member-users.js';
import { parsedDocument, preparedFile } from './prepared-files.js';
import { tempDir } from './temp-dir.js';

export const ADMIN_TOKEN = 'members-test-token';
/** The header a test names its account by: the stand-in for accounts' session cookie. */
export const TEST_USER_HEADER = 'x-test-user';
export const TEST_USER_COOKIE = 'test_user';

export interface MemberWeb {
  app: WebApp;
  members: MemberStore;
  library: Library;
  dbPath: string;
  documents: number[];
  /** A new account; the headers that make a request its own (and, for an admin, pass the admin token). */
  user(name: string, role?: 'member' | 'admin'): { id: number; headers: Record<string, string> };
}

/**
 * A small library (three documents, the first with a paid part) and the app over it, with a stand-in for
 * accounts' session middleware: the viewer is the account named by TEST_USER_HEADER.
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
  const identify: MiddlewareHandler = async (c, next) => {
    // A header for app.request(); a cookie for a browser, which sends it with downloads too.
    const id = c.req.header(TEST_USER_HEADER) ?? getCookie(c, TEST_USER_COOKIE);
    if (id !== undefined) {
      const a = await members.account(Number(id));
      if (a !== null) {
        setViewer(c, {
          userId: a.id,
          name: a.name,
          tier: tierAt(a.role, a.vipUntil, new Date()),
          vipUntil: a.vipUntil,
        });
      }
    }
    await next();
  };
  const app = createApp({ library, members, identify, config: webConfig({ dbPath, adminToken: ADMIN_TOKEN }) });
  return {
    app,
    members,
    library,
    dbPath,
    documents: outcomes.map((o) => o.documents[0]!.id),
    user(name, role = 'member') {
      const id = addUserRow(dbPath, name, role);
      const headers: Record<string, string> = { [TEST_USER_HEADER]: String(id) };
      if (role === 'admin') headers['authorization'] = `Bearer ${ADMIN_TOKEN}`;
      return { id, headers };
    },
  };
}
