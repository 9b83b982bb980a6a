import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { codesCsv } from '../core/members/codes-csv.js';
import { isVipDays, MAX_VIP_DAYS, parseExpiry } from '../core/members/vip-expiry.js';
import type { Actor, AuditEntry, MemberStore } from '../storage/member-store.js';
import { MAX_CODES_PER_BATCH } from '../storage/sqlite/sqlite-member-store.js';
import { UsageError } from './parse-cli-args.js';

/** The commands that sell VIP: `vip grant|revoke`, `codes generate`, `audit`. */
export const MEMBER_COMMANDS = ['vip', 'codes', 'audit'] as const;

export interface MemberCommandOptions {
  json?: boolean;
  days?: string;
  until?: string;
  count?: string;
  out?: string;
  limit?: string;
}

/** What the audit log names the CLI by: the operating-system account that ran it. */
export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (a container's arbitrary uid): the CLI is still the actor.
  }
  return { userId: null, name: `cli:${user}` };
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

const ACTIONS: Readonly<Record<AuditEntry['action'], string>> = {
  grant: '开通',
  revoke: '取消',
  redeem: '兑换',
  codes: '生成卡密',
};

/** One line of the audit log for people: when, who, what, whom, and the expiry before → after. */
export function formatAuditEntry(e: AuditEntry): string {
  const parts = [e.at, e.actor.name, ACTIONS[e.action]];
  if (e.target !== null) parts.push(e.target.name);
  if (e.action === 'codes') parts.push(`批次 ${e.batchId}，${e.note} 个，每个 ${e.days} 天`);
  else {
    if (e.days !== null) parts.push(`${e.days} 天`);
    if (e.action === 'redeem') parts.push(`卡密 …${e.note}（批次 ${e.batchId}）`);
    parts.push(`到期 ${e.before ?? '无'} → ${e.after ?? '无'}`);
  }
  return parts.join('  ');
}

async function accountNamed(store: MemberStore, name: string | undefined, verb: string) {
  if (name === undefined) throw new UsageError(`vip ${verb} needs a user name`);
  const account = await store.findAccount(name);
  if (account === null) throw new UsageError(`no user named "${name}"`);
  return account;
}

/** Runs one of MEMBER_COMMANDS on `store`; gives the exit code. */
export async function runMemberCommand(
  store: MemberStore,
  command: (typeof MEMBER_COMMANDS)[number],
  args: readonly string[],
  options: MemberCommandOptions,
  write: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  const [sub, ...rest] = args;
  const actor = cliActor();
  if (command === 'vip') {
    if (sub !== 'grant' && sub !== 'revoke') throw new UsageError('vip takes grant NAME --days N, or revoke NAME');
    if (rest.length > 1) throw new UsageError(`unexpected argument "${rest[1]}"`);
    const account = await accountNamed(store, rest[0], sub);
    if (sub === 'revoke') {
      if (options.days !== undefined || options.until !== undefined)
        throw new UsageError('vip revoke takes no --days or --until');
      const after = (await store.revokeVip(actor, account.id))!;
      write(options.json ? `${JSON.stringify(after)}\n` : `已取消 ${after.name} 的 VIP\n`);
      return 0;
    }
    const days = wholeNumber('days', options.days, 1, MAX_VIP_DAYS);
    if ((days === undefined) === (options.until === undefined)) {
      throw new UsageError('vip grant takes --days N (added from the later of now and the expiry) or --until DATE');
    }
    let grant: { days: number } | { until: string };
    if (days !== undefined) grant = { days };
    else {
      const until = parseExpiry(options.until!);
      if (until === null) throw new UsageError(`--until takes a date such as 2027-01-01, got "${options.until}"`);
      grant = { until };
    }
    const after = (await store.grantVip(actor, account.id, grant))!;
    write(options.json ? `${JSON.stringify(after)}\n` : `已为 ${after.name} 开通 VIP，到期 ${after.vipUntil}\n`);
    return 0;
  }
  if (command === 'codes') {
    if (sub !== 'generate') throw new UsageError('codes takes generate --count N --days D [--out FILE.csv]');
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const count = wholeNumber('count', options.count, 1, MAX_CODES_PER_BATCH);
    const days = wholeNumber('days', options.days, 1, MAX_VIP_DAYS);
    if (count === undefined || days === undefined || !isVipDays(days)) {
      throw new UsageError('codes generate needs --count N and --days D');
    }
    const batch = await store.createCodes(actor, { count, days, tier: 'vip' });
    const csv = codesCsv(
      batch.codes.map((code) => ({ code, tier: batch.tier, days, batchId: batch.id, createdAt: batch.createdAt })),
    );
    if (options.out !== undefined) {
      // Never over an existing file (an earlier batch's codes), and readable by the owner alone.
      try {
        writeFileSync(options.out, csv, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        process.stderr.write(
          `sucai: cannot write ${options.out} (${(error as Error).message}); batch ${batch.id} was made, its codes follow\n`,
        );
        write(csv);
        return 1;
      }
      process.stderr.write(`已生成 ${count} 个卡密（批次 ${batch.id}，每个 ${days} 天），写入 ${options.out}\n`);
    } else {
      write(options.json ? `${JSON.stringify(batch, null, 2)}\n` : csv);
      process.stderr.write(`已生成 ${count} 个卡密（批次 ${batch.id}，每个 ${days} 天）\n`);
    }
    return 0;
  }
  if (sub !== undefined) throw new UsageError(`unexpected argument "${sub}"`);
  const limit = wholeNumber('limit', options.limit, 1, 500) ?? 100;
  const entries = await store.auditLog({ limit });
  write(
    options.json
      ? `${JSON.stringify(entries, null, 2)}\n`
      : `${entries.map(formatAuditEntry).join('\n') || '（还没有记录）'}\n`,
  );
  return 0;
}
