/** Bit sets in Int32Arrays, 32 bits an element; bit indexes may pass 2³¹ (they are numbers, not int32). */

/** Sets bits [from, to) of `bits`, a word at a time. */
export function setBits(bits: Int32Array, from: number, to: number): void {
  if (from >= to) return;
  const first = Math.floor(from / 32);
  const last = Math.floor((to - 1) / 32);
  // The bits from `from % 32` up in the first word, up to `(to - 1) % 32` in the last.
  const head = -1 << (from % 32);
  const tail = -1 >>> (31 - ((to - 1) % 32));
  if (first === last) {
    bits[first]! |= head & tail;
    return;
  }
  bits[first]! |= head;
  for (let w = first + 1; w < last; w++) bits[w] = -1;
  bits[last]! |= tail;
}

/** Whether bit `at` of `bits` is set. */
export function hasBit(bits: Int32Array, at: number): boolean {
  return (bits[Math.floor(at / 32)]! & (1 << (at % 32))) !== 0;
}
