/**
 * UTF-8 with a few damaged bytes, as scraped files often have (a flipped byte, a file cut short): read as
 * UTF-8 with the damaged spots replaced (U+FFFD) and reported by byte offset, instead of being taken for
 * another encoding and stored as mojibake.
 */

/** The text with U+FFFD for each damaged spot, and where the spots start in the bytes. */
export interface DamagedUtf8 {
  text: string;
  /** Byte offsets where a run of bytes that are not UTF-8 starts. */
  damagedAt: number[];
  /** True when the last bytes are the start of a character the file was cut inside. */
  cutShort: boolean;
}

/** Bytes a character needs after `lead`, and the range its first continuation byte must fall in. */
function sequenceOf(lead: number): { more: number; lo: number; hi: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { more: 1, lo: 0x80, hi: 0xbf };
  if (lead === 0xe0) return { more: 2, lo: 0xa0, hi: 0xbf };
  if (lead === 0xed) return { more: 2, lo: 0x80, hi: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { more: 2, lo: 0x80, hi: 0xbf };
  if (lead === 0xf0) return { more: 3, lo: 0x90, hi: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { more: 3, lo: 0x80, hi: 0xbf };
  if (lead === 0xf4) return { more: 3, lo: 0x80, hi: 0x8f };
  return null;
}

/** The byte length of the well-formed character at `at`, or 0 where the bytes there are not UTF-8. */
function characterAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const seq = sequenceOf(lead);
  if (seq === null || at + seq.more >= bytes.length) return 0;
  const first = bytes[at + 1]!;
  if (first < seq.lo || first > seq.hi) return 0;
  for (let k = 2; k <= seq.more; k++) if ((bytes[at + k]! & 0xc0) !== 0x80) return 0;
  return seq.more + 1;
}

/** True when `tail` is the start of a character that has fewer bytes than it needs. */
function isCutCharacter(tail: Uint8Array): boolean {
  const seq = tail.length > 0 ? sequenceOf(tail[0]!) : null;
  if (seq === null || tail.length > seq.more) return false;
  for (let k = 1; k < tail.length; k++) if ((tail[k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** Finds the damaged spots of mostly-UTF-8 bytes and decodes them with replacement characters. */
export function decodeDamagedUtf8(bytes: Uint8Array): DamagedUtf8 {
  const damagedAt: number[] = [];
  let inDamage = false;
  let lastGood = 0;
  for (let at = 0; at < bytes.length;) {
    const length = characterAt(bytes, at);
    if (length === 0) {
      if (!inDamage) damagedAt.push(at);
      inDamage = true;
      at++;
    } else {
      inDamage = false;
      at += length;
      lastGood = at;
    }
  }
  const cutShort = isCutCharacter(bytes.subarray(lastGood));
  if (cutShort && damagedAt[damagedAt.length - 1] === lastGood) damagedAt.pop();
  const text = new TextDecoder('utf-8').decode(cutShort ? bytes.subarray(0, lastGood) : bytes);
  return { text, damagedAt, cutShort };
}
