import { normalizationTable } from '../normalize.js';
import { IN_HEADING, IN_PAID, IN_TITLE, SHORT_UNIGRAM, bigramLength, entryHead, unigramValue } from './codec.js';
import { BIGRAM_BASE, UNIT_KINDS, UNIT_SEPARATOR, type IndexUnit, type PostingColumns, type SegmentData } from './contracts.js';
import type { PackedSegment } from './packed-segment.js';
import { VarintWriter, varintSize } from './varint.js';

/** Where an occurrence lies, kept in the low two bits of its logged position (position · 4 + zone). */
const IN_TEXT = 0;
const IN_TITLE_ZONE = 1;
const IN_HEADING_ZONE = 2;
/** Logged positions are position · 4 + zone in an Int32. */
const MAX_INDEX_TEXT = 1 << 29;

/** A growable Int32 column. */
class Column {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = v;
  }

  /** Room for `more` values past the length (so a loop can store into `data` without a check each). */
  reserve(more: number): void {
    if (this.length + more <= this.data.length) return;
    const next = new Int32Array(Math.max(this.length + more, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/**
 * Collects a batch's occurrences as flat logs (no per-list buffers, no per-document sorting), then writes
 * every list in gram order into one buffer: a counting sort of the logs by gram keeps each list in slot
 * order and each document's positions ascending.
 */
class Builder {
  private readonly table = normalizationTable();
  // Unigram entries: code, slot, count·8 + flags, free count, occurrences in headings.
  private readonly uniCode = new Column(1 << 16);
  private readonly uniSlot = new Column(1 << 16);
  private readonly uniValue = new Column(1 << 16);
  private readonly uniFree = new Column(1 << 16);
  private readonly uniHeadings = new Column(1 << 16);
  // Bigram occurrences: key (first code · 2¹⁶ + second, as an Int32), slot, position in the document's index
  // text · 4 + zone.
  private readonly occKey: Column;
  private readonly occSlot: Column;
  private readonly occPos: Column;
  private readonly count = new Uint32Array(65536);
  /** Per character: occurrences in the paid part (its free count is the rest). */
  private readonly paid = new Uint32Array(65536);
  private readonly inTitle = new Uint8Array(65536);
  private readonly inHeadings = new Uint32Array(65536);
  private readonly touched = new Uint16Array(65536);
  private codes = new Uint16Array(4096);
  /** Per position of the document being added: IN_TEXT, IN_TITLE_ZONE or IN_HEADING_ZONE. */
  private zones = new Uint8Array(4096);

  /**
   * For documents of `chars` characters in all, separators included (their bigram occurrences are fewer):
   * the occurrence logs are made at that size once, not grown by doubling (each doubling copied them, and
   * a batch's logs are tens of megabytes of garbage).
   */
  constructor(chars: number) {
    this.occKey = new Column(chars + 1);
    this.occSlot = new Column(chars + 1);
    this.occPos = new Column(chars + 1);
  }

  /** Indexes one document (its units in order) as slot `slot`. */
  addDocument(slot: number, units: readonly IndexUnit[]): void {
    let len = units.length - 1;
    for (const u of units) len += u.text.length;
    if (len >= MAX_INDEX_TEXT) throw new Error(`segment-builder: document ${units[0]?.docId} has ${len} characters; at most ${MAX_INDEX_TEXT - 1} can be indexed`);
    if (this.codes.length < len) {
      this.codes = new Uint16Array(Math.max(len, this.codes.length * 2));
      this.zones = new Uint8Array(this.codes.length);
    }
    const { codes, zones, table, count, paid, inTitle, inHeadings, touched, occKey, occSlot, occPos } = this;
    // The index text: units joined by the separator; the paid part starts at `paidAt`. Occurrences in the
    // title, in headings and in the paid part are counted over those ranges only, after the count of all.
    let at = 0;
    let paidAt = len;
    let titleEnd = 0;
    const headings: number[] = [];
    units.forEach((u, k) => {
      if (k > 0) codes[at++] = UNIT_SEPARATOR;
      if (u.paidFrom >= 0 && paidAt === len) paidAt = at + u.paidFrom;
      const text = u.text;
      if (u.kind === 'heading') headings.push(at, at + text.length);
      zones.fill(u.kind === 'title' ? IN_TITLE_ZONE : u.kind === 'heading' ? IN_HEADING_ZONE : IN_TEXT, at, at + text.length);
      for (let i = 0; i < text.length; i++) codes[at++] = table[text.charCodeAt(i)]!;
      if (k === 0) titleEnd = at;
    });
    let distinct = 0;
    for (let p = 0; p < len; p++) {
      const c = codes[p]!;
      if (c === UNIT_SEPARATOR) continue;
      if (count[c] === 0) touched[distinct++] = c;
      count[c] = count[c]! + 1;
    }
    for (let p = 0; p < titleEnd; p++) inTitle[codes[p]!] = 1;
    for (let h = 0; h < headings.length; h += 2) for (let p = headings[h]!; p < headings[h + 1]!; p++) inHeadings[codes[p]!] = inHeadings[codes[p]!]! + 1;
    for (let p = paidAt; p < len; p++) if (codes[p] !== UNIT_SEPARATOR) paid[codes[p]!] = paid[codes[p]!]! + 1;
    for (let k = 0; k < distinct; k++) {
      const c = touched[k]!;
      const n = count[c]!;
      const free = n - paid[c]!;
      this.uniCode.push(c);
      this.uniSlot.push(slot);
      this.uniValue.push(unigramValue(n, (free < n ? IN_PAID : 0) + (inTitle[c]! ? IN_TITLE : 0) + (inHeadings[c]! > 0 ? IN_HEADING : 0)));
      this.uniFree.push(free);
      this.uniHeadings.push(inHeadings[c]!);
      inHeadings[c] = 0;
      count[c] = 0;
      paid[c] = 0;
      inTitle[c] = 0;
    }
    // At most len - 1 bigrams: room made once, then stored with locals.
    occKey.reserve(len);
    occSlot.reserve(len);
    occPos.reserve(len);
    const keys = occKey.data;
    const slots = occSlot.data;
    const positions = occPos.data;
    let n = occKey.length;
    for (let p = 0; p + 1 < len; p++) {
      const a = codes[p]!;
      const b = codes[p + 1]!;
      if (a === UNIT_SEPARATOR || b === UNIT_SEPARATOR) continue;
      keys[n] = (a << 16) | b;
      slots[n] = slot;
      positions[n++] = p * 4 + zones[p]!;
    }
    occKey.length = occSlot.length = occPos.length = n;
  }

  /** Every list, unigrams then bigrams, each in gram order. */
  lists(pad: boolean): PostingColumns {
    // Counting sort of the unigram entries by code: stable, so slots stay ascending.
    const uniN = this.uniCode.length;
    const uniStart = new Int32Array(65536 + 1);
    for (let i = 0; i < uniN; i++) uniStart[this.uniCode.data[i]! + 1]!++;
    for (let l = 0; l < 65536; l++) uniStart[l + 1]! += uniStart[l]!;
    const uniFill = uniStart.slice(0, 65536);
    const uniEntries = new Int32Array(uniN);
    for (let i = 0; i < uniN; i++) uniEntries[uniFill[this.uniCode.data[i]!]!++] = i;

    const occN = this.occKey.length;
    const { key: sortedKey, slot: sortedSlot, pos: sortedPos, chars } = sortBigramOccurrences(this.occKey.data, this.occSlot.data, this.occPos.data, occN);
    // One list per run of equal keys.
    let nBigrams = 0;
    for (let j = 0; j < occN; j++) if (j === 0 || sortedKey[j] !== sortedKey[j - 1]) nBigrams++;
    const biStart = new Int32Array(nBigrams + 1);
    const biGram = new Float64Array(nBigrams);
    const nChars = chars.length;
    for (let j = 0, r = -1; j < occN; j++) {
      if (j > 0 && sortedKey[j] === sortedKey[j - 1]) continue;
      biStart[++r] = j;
      const key = sortedKey[j]!;
      biGram[r] = BIGRAM_BASE + chars[Math.floor(key / nChars)]! * 65536 + chars[key % nChars]!;
    }
    biStart[nBigrams] = occN;

    const writer = new VarintWriter(occN * 3 + uniN * 4 + 1024);
    let uniLists = 0;
    for (let l = 0; l < 65536; l++) if (uniStart[l + 1]! > uniStart[l]!) uniLists++;
    const nLists = uniLists + nBigrams;
    const grams = new Float64Array(nLists);
    const units = new Int32Array(nLists);
    const lastUnits = new Int32Array(nLists);
    const offsets = new Uint32Array(nLists + 1);
    // A list's first gap counts from slot -1, padded when the segment is to be placed later.
    const head = (slot: number, last: number, short: boolean): void => {
      if (last < 0 && pad) writer.writePadded(entryHead(slot + 1, short));
      else writer.write(entryHead(slot - last, short));
    };
    let i = 0;
    for (let l = 0; l < 65536; l++) {
      const from = uniStart[l]!;
      const to = uniStart[l + 1]!;
      if (to === from) continue;
      offsets[i] = writer.length;
      let last = -1;
      for (let e = from; e < to; e++) {
        const entry = uniEntries[e]!;
        const slot = this.uniSlot.data[entry]!;
        const value = this.uniValue.data[entry]!;
        const short = value === SHORT_UNIGRAM;
        head(slot, last, short);
        last = slot;
        if (short) continue;
        writer.write(value);
        if (value & IN_PAID) writer.write(this.uniFree.data[entry]!);
        if (value & IN_HEADING) writer.write(this.uniHeadings.data[entry]!);
      }
      grams[i] = l;
      units[i] = to - from;
      lastUnits[i] = last;
      i++;
    }
    for (let r = 0; r < nBigrams; r++) {
      offsets[i] = writer.length;
      const to = biStart[r + 1]!;
      let last = -1;
      let entries = 0;
      let e = biStart[r]!;
      while (e < to) {
        const slot = sortedSlot[e]!;
        let end = e + 1;
        while (end < to && sortedSlot[end] === slot) end++;
        const short = end - e === 1;
        head(slot, last, short);
        if (!short) {
          // The positions' byte length, so a reader can step over them, and the occurrences by zone.
          let bytes = 0;
          let before = 0;
          let titles = 0;
          let headings = 0;
          for (let k = e; k < end; k++) {
            const logged = sortedPos[k]!;
            const pos = logged >>> 2;
            bytes += varintSize(pos - before);
            before = pos;
            if ((logged & 3) === IN_TITLE_ZONE) titles++;
            else if ((logged & 3) === IN_HEADING_ZONE) headings++;
          }
          const zoned = titles + headings > 0;
          writer.write(bigramLength(bytes, zoned));
          if (zoned) {
            writer.write(titles);
            writer.write(headings);
          }
        }
        let prev = 0;
        for (let k = e; k < end; k++) {
          const pos = sortedPos[k]! >>> 2;
          writer.write(pos - prev);
          prev = pos;
        }
        last = slot;
        entries++;
        e = end;
      }
      grams[i] = biGram[r]!;
      units[i] = entries;
      lastUnits[i] = last;
      i++;
    }
    offsets[nLists] = writer.length;
    return { grams, units, lastUnits, offsets, data: writer.bytes() };
  }
}

/** Widest radix digit: its counters (8 KB) stay in the first-level cache, its output runs are few. */
const MAX_DIGIT_BITS = 11;

/**
 * Orders a batch's bigram occurrences by bigram, keeping log order (slot, then position) within each: the
 * characters seen are ranked in code order, each key becomes rank(first) · nChars + rank(second) (a few
 * thousand characters make it ~24 bits, at most 32), and an LSD radix sort in digits of at most 11 bits
 * orders the keys, their slots and positions with them. Far fewer cache misses than one hash probe per
 * occurrence or a 2¹⁶-bucket pass: every pass walks its input in order and writes a few thousand runs.
 * The logs are reused as the sort's buffers (their contents are lost); one more buffer per column is made.
 * Returns the dense keys, slots and positions in order, and the ranked characters (to turn a dense key
 * back into its bigram).
 */
function sortBigramOccurrences(keys: Int32Array, slots: Int32Array, positions: Int32Array, n: number): { key: Uint32Array; slot: Int32Array; pos: Int32Array; chars: Int32Array } {
  const seen = new Uint8Array(65536);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    seen[k >>> 16] = 1;
    seen[k & 0xffff] = 1;
  }
  const rankOf = new Int32Array(65536);
  let nChars = 0;
  for (let c = 0; c < 65536; c++) if (seen[c] === 1) rankOf[c] = nChars++;
  const chars = new Int32Array(nChars);
  for (let c = 0; c < 65536; c++) if (seen[c] === 1) chars[rankOf[c]!] = c;
  const bits = Math.max(1, Math.ceil(Math.log2(Math.max(2, nChars * nChars))));
  const passes = Math.ceil(bits / MAX_DIGIT_BITS);
  const width = Math.ceil(bits / passes);
  const mask = (1 << width) - 1;
  const buckets = 1 << width;
  // Dense keys in place of the logged ones (the same bytes read as unsigned), and every pass's digit
  // counts in one read of them.
  let key: Uint32Array = new Uint32Array(keys.buffer, keys.byteOffset, n);
  const starts = new Int32Array(buckets * passes);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const d = rankOf[k >>> 16]! * nChars + rankOf[k & 0xffff]!;
    key[i] = d;
    for (let p = 0; p < passes; p++) starts[p * buckets + ((d >>> (p * width)) & mask)]!++;
  }
  for (let p = 0; p < passes; p++) {
    let sum = 0;
    for (let b = p * buckets; b < (p + 1) * buckets; b++) {
      const count = starts[b]!;
      starts[b] = sum;
      sum += count;
    }
  }
  let slot: Int32Array = slots.subarray(0, n);
  let pos: Int32Array = positions.subarray(0, n);
  let nextKey: Uint32Array = new Uint32Array(n);
  let nextSlot: Int32Array = new Int32Array(n);
  let nextPos: Int32Array = new Int32Array(n);
  for (let p = 0; p < passes; p++) {
    const base = p * buckets;
    const shift = p * width;
    for (let j = 0; j < n; j++) {
      const d = key[j]!;
      const at = starts[base + ((d >>> shift) & mask)]!++;
      nextKey[at] = d;
      nextSlot[at] = slot[j]!;
      nextPos[at] = pos[j]!;
    }
    [key, nextKey] = [nextKey, key];
    [slot, nextSlot] = [nextSlot, slot];
    [pos, nextPos] = [nextPos, pos];
  }
  return { key, slot, pos, chars };
}

/** Unit tables and slots of consecutive whole documents (each starting with its title, ord 0). */
function layout(units: readonly IndexUnit[]): { unitDoc: Int32Array; unitMeta: Uint8Array; unitPaidFrom: Int32Array; unitLength: Int32Array; slotStarts: number[] } {
  const n = units.length;
  const unitDoc = new Int32Array(n);
  const unitMeta = new Uint8Array(n);
  const unitPaidFrom = new Int32Array(n);
  const unitLength = new Int32Array(n);
  const slotStarts: number[] = [];
  units.forEach((unit, i) => {
    if (unit.ord === 0 || i === 0) slotStarts.push(i);
    unitDoc[i] = unit.docId;
    unitMeta[i] = UNIT_KINDS.indexOf(unit.kind) | (Math.min(unit.level, 15) << 4);
    unitPaidFrom[i] = unit.paidFrom;
    unitLength[i] = unit.text.length;
  });
  return { unitDoc, unitMeta, unitPaidFrom, unitLength, slotStarts };
}

function buildLists(units: readonly IndexUnit[], slotStarts: readonly number[], slotLo: number, pad: boolean): PostingColumns {
  // Every document's index text: its units and the separators between them (see addDocument's reserve).
  let chars = units.length;
  for (const u of units) chars += u.text.length;
  const builder = new Builder(chars);
  slotStarts.forEach((start, s) => builder.addDocument(slotLo + s, units.slice(start, slotStarts[s + 1] ?? units.length)));
  return builder.lists(pad);
}

/**
 * Builds an immutable index segment for consecutive units (ids unitLo, unitLo+1, …) of whole documents,
 * each starting with its title (ord 0) and taking the next slot from `slotLo`.
 */
export function buildSegment(units: readonly IndexUnit[], unitLo: number, slotLo = 0): SegmentData {
  const { slotStarts, ...tables } = layout(units);
  const lists = buildLists(units, slotStarts, slotLo, false);
  const slotUnitLo = Int32Array.from(slotStarts, (start) => unitLo + start);
  return { unitLo, unitHi: unitLo + units.length, ...tables, slotLo, slotHi: slotLo + slotStarts.length, slotUnitLo, lists };
}

/** The same segment at unit 0 and slot 0, packed for transfer and later placement (padded first gaps). */
export function buildPackedSegment(units: readonly IndexUnit[]): PackedSegment {
  const { slotStarts, ...tables } = layout(units);
  const lists = buildLists(units, slotStarts, 0, true);
  return { unitCount: units.length, ...tables, slotUnitLo: Int32Array.from(slotStarts), ...lists };
}
