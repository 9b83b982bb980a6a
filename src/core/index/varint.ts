/** Unsigned LEB128 varints over a growable byte buffer: the posting codec's wire format. */
export class VarintWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 64) {
    this.buf = new Uint8Array(capacity);
  }

  write(value: number): void {
    // One and two bytes inline: most values of a posting list (a position gap takes two bytes past 127).
    if (value < 0x4000 && this.length + 1 < this.buf.length) {
      if (value < 0x80) this.buf[this.length++] = value;
      else {
        this.buf[this.length++] = (value & 0x7f) | 0x80;
        this.buf[this.length++] = value >>> 7;
      }
      return;
    }
    if (this.length + 8 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2 + 16);
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    this.length = writeVarint(this.buf, this.length, value);
  }

  /** Writes a value as a fixed 5-byte varint (so it can be rewritten in place later). */
  writePadded(value: number): void {
    if (this.length + 5 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2 + 16);
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    let v = value;
    for (let k = 0; k < 4; k++) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v & 0x7f;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Writes the varint of `value` into `target` at `at` (room assumed: up to 8 bytes); returns the offset after it. */
export function writeVarint(target: Uint8Array, at: number, value: number): number {
  let p = at;
  let v = value;
  while (v >= 0x80) {
    target[p++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  target[p++] = v;
  return p;
}

/** Bytes the varint of `value` takes. */
export function varintSize(value: number): number {
  let n = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 128)) n++;
  return n;
}

/** Where the varint last read by `varintAt` ends (a module-level out-value: hot loops allocate nothing per read). */
export let varintEnd = 0;

/** Reads the varint starting at `at`; `varintEnd` then holds the offset after it. */
export function varintAt(data: Uint8Array, at: number): number {
  let p = at;
  let b = data[p++]!;
  let value = b & 0x7f;
  for (let shift = 128; b >= 0x80; shift *= 128) {
    b = data[p++]!;
    value += (b & 0x7f) * shift;
  }
  varintEnd = p;
  return value;
}

/** The offset after the varint starting at `at` (its value unread). */
export function varintSkip(data: Uint8Array, at: number): number {
  let p = at;
  while (data[p++]! >= 0x80);
  return p;
}
