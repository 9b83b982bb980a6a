/**
 * Maps `items` through `fn` with at most `limit` calls in flight, results in the items' order. The inbox's file
 * system calls go through here: one await per file, each waiting for a turn of an event loop that serves
 * searches, made a daily update of 1000 files wait for thousands of searches (8.9 s instead of 1.9 s at 90M).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    // After a failure no new call starts (as a loop would have stopped); those in flight finish.
    while (next < items.length && !failed) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** Calls in flight for the inbox's file system work: enough to keep libuv's four threads busy. */
export const FILE_CALLS_IN_FLIGHT = 32;
