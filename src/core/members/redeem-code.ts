import { createHash, randomBytes } from 'node:crypto';

/**
 * Redeem codes (卡密): 16 characters of Crockford's base32 (no I, L, O or U, so nothing reads as another
 * letter), 80 random bits, shown in four groups: `7K3M-Q9TX-2HWD-VR4C`. Unguessable by trying; stored only
 * as their SHA-256 (see codeHash), so a copy of the library gives no code that still works.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;
/** Random bytes behind one code: 16 characters of 5 bits. */
export const CODE_BYTES = 10;

/** The code spelled by 10 bytes (80 bits, 5 to a character), grouped by four. */
export function formatCode(bytes: Uint8Array): string {
  if (bytes.length !== CODE_BYTES) throw new Error(`a redeem code takes ${CODE_BYTES} bytes, got ${bytes.length}`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CODE_ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** A fresh random code. */
export function newRedeemCode(random: (size: number) => Uint8Array = randomBytes): string {
  return formatCode(random(CODE_BYTES));
}

/**
 * The code as typed by a person, in its one canonical spelling (upper case, grouped), or null when it
 * cannot be a code. Spaces, dashes and case are forgiven, and so are the letters Crockford reads as digits
 * (O as 0, I and L as 1), since a code copied by hand from a receipt is where they come from.
 */
export function normalizeCode(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== CODE_LENGTH) return null;
  for (const ch of compact) if (!CODE_ALPHABET.includes(ch)) return null;
  return compact.match(/.{4}/g)!.join('-');
}

/** What the store keeps of a code: the SHA-256 of its canonical spelling, in hex. */
export function codeHash(canonical: string): string {
  return createHash('sha256').update(`sucai redeem code v1:${canonical}`).digest('hex');
}

/** The last group of a code: what an admin and the buyer can both name it by, without the whole code. */
export function codeTail(canonical: string): string {
  return canonical.slice(-4);
}
