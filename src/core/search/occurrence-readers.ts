import type { EntryReader } from '../index/entry-reader.js';
import type { OccurrenceReader } from './term-hits.js';

/**
 * Turns the leader's first `found` positions in `into` into the phrase starts they stand for (its offset
 * taken off, those before the text's start dropped); returns how many.
 */
export function leaderStarts(into: Int32Array, found: number, offset: number): number {
  let n = 0;
  for (let k = 0; k < found; k++) {
    const start = into[k]! - offset;
    if (start >= 0) into[n++] = start;
  }
  return n;
}

/** A 2-character term's occurrences: its entry's positions (`heads[i]`: where hit i's entry starts). */
export class BigramReader implements OccurrenceReader {
  constructor(
    private readonly entries: EntryReader,
    private readonly heads: Int32Array,
  ) {}

  span(i: number): number {
    return this.entries.span(this.heads[i]!);
  }

  read(i: number, into: Int32Array): number {
    return this.entries.positions(this.heads[i]!, into);
  }
}

/**
 * A longer term's occurrences: the leader's positions (its offset taken off) that every other list lines
 * up with. `heads[i · lists + k]` is where hit i's entry starts in list k; `lists[0]` leads.
 */
export class PhraseReader implements OccurrenceReader {
  constructor(
    private readonly lists: ReadonlyArray<{ entries: EntryReader; offset: number }>,
    private readonly heads: Int32Array,
  ) {}

  span(i: number): number {
    return this.lists[0]!.entries.span(this.heads[i * this.lists.length]!);
  }

  read(i: number, into: Int32Array): number {
    const row = i * this.lists.length;
    const lead = this.lists[0]!;
    let n = leaderStarts(into, lead.entries.positions(this.heads[row]!, into), lead.offset);
    for (let k = 1; k < this.lists.length && n > 0; k++) {
      n = this.lists[k]!.entries.keep(this.heads[row + k]!, into, n, this.lists[k]!.offset);
    }
    return n;
  }
}
