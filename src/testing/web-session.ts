import { Accounts } from '../accounts/accounts.js';
import type { Library } from '../library.js';
import type { Role } from '../storage/accounts.js';
import { sessionCsrfToken } from '../web/accounts/csrf.js';
import { SESSION_COOKIE } from '../web/accounts/sessions.js';

export interface TestSession {
  userId: number;
  name: string;
  /** The request headers of this signed-in visitor: its session cookie and its CSRF token. */
  headers: Record<string, string>;
}

export const TEST_PASSWORD = 'correct horse battery';

/**
 * An account made straight in the library's store, signed in: what a test sends to act as it. `vipUntil`
 * is written as given (in the past: an expired VIP).
 */
export async function signedIn(
  library: Library,
  name: string,
  options: { role?: Role; vipUntil?: string | null } = {},
): Promise<TestSession> {
  const accounts = new Accounts(library.store.accounts);
  const user =
    (await accounts.byLogin(name)) ??
    (await accounts.register({ name, password: TEST_PASSWORD, role: options.role ?? 'member' }));
  if (options.vipUntil !== undefined) await library.store.accounts.setVipUntil(user.id, options.vipUntil);
  const sessionId = await accounts.startSession(user.id);
  return {
    userId: user.id,
    name: user.name,
    headers: { cookie: `${SESSION_COOKIE}=${sessionId}`, 'x-csrf-token': sessionCsrfToken(sessionId) },
  };
}

/** A day from now, or a day ago: a live or an expired VIP. */
export const inADay = (): string => new Date(Date.now() + 86_400_000).toISOString();
export const aDayAgo = (): string => new Date(Date.now() - 86_400_000).toISOString();
