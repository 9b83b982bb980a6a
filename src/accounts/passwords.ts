import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's first recommended set (19 MiB, 2 passes, 1 lane): some tens of milliseconds a
 * login on one core. The parameters live in each PHC string, so raising them later keeps old hashes valid.
 */
const ARGON2ID: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** False for a wrong password and for a hash that is not one (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | null = null;

/**
 * A login naming no account still verifies a password, against this hash, so it takes as long as a
 * wrong password for a real account: the time of an answer does not tell which names exist.
 */
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword('sucai decoy password, matches nothing'));
}
