/** `a` when it holds `size` values, else a copy at least twice as long (new slots set to `fill`). */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number, fill = 0): T {
  if (a.length >= size) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
