/** What ranks documents (by index): a higher score first, then newer, then a higher id (ids are unique). */
export interface RankKeys {
  score: Float64Array;
  time: Float64Array;
  id: Float64Array;
}

/** Whether document `a` ranks before document `b`. */
export function ranksBefore(a: number, b: number, keys: RankKeys): boolean {
  const sa = keys.score[a]!;
  const sb = keys.score[b]!;
  if (sa !== sb) return sa > sb;
  const ta = keys.time[a]!;
  const tb = keys.time[b]!;
  return ta !== tb ? ta > tb : keys.id[a]! > keys.id[b]!;
}

/** The comparator of Array.prototype.sort for that order. */
export function rankOrder(keys: RankKeys): (a: number, b: number) => number {
  return (a, b) => (ranksBefore(a, b, keys) ? -1 : ranksBefore(b, a, keys) ? 1 : 0);
}

/**
 * The best `k` of `candidates`, best first. A bounded heap in a typed array with the worst of the best so
 * far at its root: most candidates of a common term score below it and are passed over on one comparison
 * of scores. (Up to k candidates are returned sorted.)
 */
export function topK(candidates: Int32Array | readonly number[], k: number, keys: RankKeys): number[] {
  if (candidates.length <= k) return Array.from(candidates).sort(rankOrder(keys));
  const score = keys.score;
  const heap = new Int32Array(k);
  let n = 0;
  for (let c = 0; c < candidates.length; c++) {
    const d = candidates[c]!;
    if (n < k) {
      // Up while the parent ranks before it.
      let i = n++;
      heap[i] = d;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!ranksBefore(heap[p]!, d, keys)) break;
        heap[i] = heap[p]!;
        heap[p] = d;
        i = p;
      }
      continue;
    }
    const root = heap[0]!;
    if (score[d]! < score[root]! || !ranksBefore(d, root, keys)) continue;
    // Down: the worse child moves up while `d` ranks before it.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= k) break;
      const r = l + 1;
      const worse = r < k && ranksBefore(heap[l]!, heap[r]!, keys) ? r : l;
      if (!ranksBefore(d, heap[worse]!, keys)) break;
      heap[i] = heap[worse]!;
      i = worse;
    }
    heap[i] = d;
  }
  return Array.from(heap.subarray(0, n)).sort(rankOrder(keys));
}
