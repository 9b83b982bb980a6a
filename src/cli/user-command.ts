import { AccountError, Accounts } from '../accounts/accounts.js';
import { TIER_LABELS } from '../core/access/tiers.js';
import type { Viewer } from '../core/access/viewer.js';
import type { Library } from '../library.js';
import type { Role } from '../storage/accounts.js';
import { UsageError } from './parse-cli-args.js';
import { readPassword } from './read-password.js';

/**
 * `user add NAME [--role member|admin] [--email E]` (the password from a prompt, or stdin's first line)
 * and `user list`: how the first admin is made, on the server, with no default password anywhere.
 */
export async function userCommand(
  library: Library,
  args: readonly string[],
  options: { role?: string; email?: string; json?: boolean },
): Promise<number> {
  const accounts = new Accounts(library.store.accounts);
  const [sub, name, ...rest] = args;
  if (sub === 'list') {
    if (name !== undefined) throw new UsageError('user list takes no argument');
    const users = (await library.store.accounts.listUsers()).map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      tier: accounts.viewer(u).tier,
      vipUntil: u.vipUntil,
      createdAt: u.createdAt,
    }));
    const lines = users.map(
      (u) => `${u.id}\t${u.name}\t${u.email ?? '-'}\t${TIER_LABELS[u.tier]}${u.vipUntil ? `\t${u.vipUntil}` : ''}`,
    );
    process.stdout.write(options.json ? `${JSON.stringify(users, null, 2)}\n` : `${lines.join('\n')}\n`);
    return 0;
  }
  if (sub !== 'add') throw new UsageError('user takes add NAME [--role member|admin] [--email E], or list');
  if (name === undefined || rest.length > 0) throw new UsageError('user add takes one NAME');
  const role = options.role ?? 'member';
  if (role !== 'member' && role !== 'admin') throw new UsageError(`--role must be member or admin, got "${role}"`);
  const password = await readPassword(`${name} 的密码：`);
  try {
    const user = await accounts.register({ name, email: options.email ?? null, password, role: role as Role });
    process.stderr.write(`sucai: 已创建${role === 'admin' ? '管理员' : '会员'} ${user.name}（#${user.id}）\n`);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      process.stderr.write(`sucai: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The Viewer `--as USER` names (by name or e-mail): that account's tier now. */
export async function viewerNamed(library: Library, login: string): Promise<Viewer> {
  const accounts = new Accounts(library.store.accounts);
  const user = await accounts.byLogin(login);
  if (user === null) throw new UsageError(`--as: no account "${login}" (sucai user list shows them)`);
  return accounts.viewer(user);
}
