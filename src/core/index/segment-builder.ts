import { normalizationTable } from '../normalize.js';
import {
  IN_HEADING,
  IN_PAID,
  IN_TITLE,
  SHORT_UNIGRAM,
  bigramLength,
  entryHead,
  shortPosition,
  unigramValue,
} from './posting-format.js';
import {
  BIGRAM_BASE,
  UNIT_KINDS,
  UNIT_SEPARATOR,
  type IndexUnit,
  type PostingColumns,
  type SegmentData,
} from './contracts.js';
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
    if (len >= MAX_INDEX_TEXT)
      throw new Error(
        `segment-builder: document ${units[0]?.docId} has ${len} characters; at most ${MAX_INDEX_TEXT - 1} can be indexed`,
      );
    if (this.codes.length < len) {
      this.codes = new Uint16Array(Math.max(len, this.codes.length * 2));
      this.zones = new Uint8Array(this.codes.length);
    }
    const { codes, zones, count, paid, inTitle, inHeadings, touched } = this;
    // The index text: units joined by the separator. Occurrences in the title, in headings and in the paid
    // part are counted over those ranges only, after the count of all.
    const { paidAt, titleEnd, headings } = writeIndexText(units, len, this.table, codes, zones);
    const distinct = countCodes(codes, len, count, touched);
    for (let p = 0; p < titleEnd; p++) inTitle[codes[p]!] = 1;
    for (let h = 0; h < headings.length; h += 2) countRange(codes, headings[h]!, headings[h + 1]!, inHeadings);
    countRange(codes, paidAt, len, paid);
    this.logUnigrams(slot, distinct);
    // At most len - 1 bigrams: room made once.
    this.occKey.reserve(len);
    this.occSlot.reserve(len);
    this.occPos.reserve(len);
    const n = logBigrams(
      codes,
      zones,
      len,
      slot,
      this.occKey.length,
      this.occKey.data,
      this.occSlot.data,
      this.occPos.data,
    );
    this.occKey.length = this.occSlot.length = this.occPos.length = n;
  }

  /** One unigram entry per character the document holds (`touched[0 .. distinct)`); its counters cleared. */
  private logUnigrams(slot: number, distinct: number): void {
    const { count, paid, inTitle, inHeadings, touched } = this;
    for (let k = 0; k < distinct; k++) {
      const c = touched[k]!;
      const n = count[c]!;
      const free = n - paid[c]!;
      this.uniCode.push(c);
      this.uniSlot.push(slot);
      this.uniValue.push(
        unigramValue(
          n,
          (free < n ? IN_PAID : 0) + (inTitle[c]! ? IN_TITLE : 0) + (inHeadings[c]! > 0 ? IN_HEADING : 0),
        ),
      );
      this.uniFree.push(free);
      this.uniHeadings.push(inHeadings[c]!);
      inHeadings[c] = 0;
      count[c] = 0;
      paid[c] = 0;
      inTitle[c] = 0;
    }
  }

  /** Every list, unigrams then bigrams, each in gram order. */
  lists(pad: boolean): PostingColumns {
    const uniN = this.uniCode.length;
    const { starts: uniStart, order: uniEntries } = unigramOrder(this.uniCode.data, uniN);
    const occN = this.occKey.length;
    const {
      key: sortedKey,
      slot: sortedSlot,
      pos: sortedPos,
      chars,
    } = sortBigramOccurrences(this.occKey.data, this.occSlot.data, this.occPos.data, occN);
    const { starts: biStart, grams: biGram } = bigramRuns(sortedKey, occN, chars);
    const nBigrams = biGram.length;

    const writer = new VarintWriter(occN * 3 + uniN * 4 + 1024);
    let uniLists = 0;
    for (let l = 0; l < 65536; l++) if (uniStart[l + 1]! > uniStart[l]!) uniLists++;
    const nLists = uniLists + nBigrams;
    const out: PostingColumns = {
      grams: new Float64Array(nLists),
      units: new Int32Array(nLists),
      lastUnits: new Int32Array(nLists),
      offsets: new Uint32Array(nLists + 1),
      data: new Uint8Array(0),
    };
    let i = 0;
    for (let l = 0; l < 65536; l++) {
      const from = uniStart[l]!;
      const to = uniStart[l + 1]!;
      if (to === from) continue;
      out.offsets[i] = writer.length;
      out.lastUnits[i] = this.writeUnigramList(writer, uniEntries, from, to, pad);
      out.grams[i] = l;
      out.units[i] = to - from;
      i++;
    }
    for (let r = 0; r < nBigrams; r++) {
      const to = biStart[r + 1]!;
      out.offsets[i] = writer.length;
      out.grams[i] = biGram[r]!;
      out.units[i] = writeBigramList(writer, sortedSlot, sortedPos, biStart[r]!, to, pad);
      out.lastUnits[i] = sortedSlot[to - 1]!;
      i++;
    }
    out.offsets[nLists] = writer.length;
    out.data = writer.bytes();
    return out;
  }

  /** Writes one character's list from its entries `order[from .. to)` (slots ascending); returns the last slot. */
  private writeUnigramList(writer: VarintWriter, order: Int32Array, from: number, to: number, pad: boolean): number {
    const slots = this.uniSlot.data;
    const values = this.uniValue.data;
    let last = -1;
    for (let e = from; e < to; e++) {
      const entry = order[e]!;
      const slot = slots[entry]!;
      const value = values[entry]!;
      const short = value === SHORT_UNIGRAM;
      writeHead(writer, slot, last, short, pad);
      last = slot;
      if (short) continue;
      writer.write(value);
      if (value & IN_PAID) writer.write(this.uniFree.data[entry]!);
      if (value & IN_HEADING) writer.write(this.uniHeadings.data[entry]!);
    }
    return last;
  }
}

/*
 * The loops below are functions of their own, each one loop over typed arrays: V8 compiles each once with
 * the types it has seen. As phases of one long function, every loop reached with the function compiled for
 * the loops before it (and no feedback of its own) threw that code away: a cold daily update compiled
 * the builder's two methods 48 times in its parse workers, ~1 s of compiling on a 2-core machine.
 */

/**
 * Lays a document's units into `codes` (normalized, joined by the separator) and `zones`; returns where
 * the paid part starts (`len` when none), where the title ends, and the headings' [start, end) pairs.
 */
function writeIndexText(
  units: readonly IndexUnit[],
  len: number,
  table: Uint16Array,
  codes: Uint16Array,
  zones: Uint8Array,
): { paidAt: number; titleEnd: number; headings: number[] } {
  let at = 0;
  let paidAt = len;
  let titleEnd = 0;
  const headings: number[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (k > 0) codes[at++] = UNIT_SEPARATOR;
    if (u.paidFrom >= 0 && paidAt === len) paidAt = at + u.paidFrom;
    const text = u.text;
    if (u.kind === 'heading') headings.push(at, at + text.length);
    zones.fill(
      u.kind === 'title' ? IN_TITLE_ZONE : u.kind === 'heading' ? IN_HEADING_ZONE : IN_TEXT,
      at,
      at + text.length,
    );
    at = normalizeInto(text, table, codes, at);
    if (k === 0) titleEnd = at;
  }
  return { paidAt, titleEnd, headings };
}

/** Writes `text`'s normalized code units into `codes` from `at`; returns the offset after them. */
function normalizeInto(text: string, table: Uint16Array, codes: Uint16Array, at: number): number {
  let p = at;
  for (let i = 0; i < text.length; i++) codes[p++] = table[text.charCodeAt(i)]!;
  return p;
}

/** Counts each code of `codes[0 .. len)` but the separator into `count`, listing each first met in `touched`; returns how many. */
function countCodes(codes: Uint16Array, len: number, count: Uint32Array, touched: Uint16Array): number {
  let distinct = 0;
  for (let p = 0; p < len; p++) {
    const c = codes[p]!;
    if (c === UNIT_SEPARATOR) continue;
    if (count[c] === 0) touched[distinct++] = c;
    count[c] = count[c]! + 1;
  }
  return distinct;
}

/** Adds one to `into` for each code of `codes[from .. to)` but the separator. */
function countRange(codes: Uint16Array, from: number, to: number, into: Uint32Array): void {
  for (let p = from; p < to; p++) {
    const c = codes[p]!;
    if (c !== UNIT_SEPARATOR) into[c] = into[c]! + 1;
  }
}

/** Logs the bigrams of `codes[0 .. len)` (none across a separator) from row `n` on; returns the rows then. */
function logBigrams(
  codes: Uint16Array,
  zones: Uint8Array,
  len: number,
  slot: number,
  n: number,
  keys: Int32Array,
  slots: Int32Array,
  positions: Int32Array,
): number {
  let row = n;
  for (let p = 0; p + 1 < len; p++) {
    const a = codes[p]!;
    const b = codes[p + 1]!;
    if (a === UNIT_SEPARATOR || b === UNIT_SEPARATOR) continue;
    keys[row] = (a << 16) | b;
    slots[row] = slot;
    positions[row++] = p * 4 + zones[p]!;
  }
  return row;
}

/** A counting sort of the unigram entries by code (stable: slots stay ascending): code l's are `order[starts[l] .. starts[l + 1])`. */
function unigramOrder(codes: Int32Array, n: number): { starts: Int32Array; order: Int32Array } {
  const starts = new Int32Array(65536 + 1);
  for (let i = 0; i < n; i++) starts[codes[i]! + 1]!++;
  for (let l = 0; l < 65536; l++) starts[l + 1]! += starts[l]!;
  const fill = starts.slice(0, 65536);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[codes[i]!]!++] = i;
  return { starts, order };
}

/** The runs of equal keys in the sorted bigram occurrences: run r is `[starts[r], starts[r + 1])`, its bigram `grams[r]`. */
function bigramRuns(sortedKey: Uint32Array, n: number, chars: Int32Array): { starts: Int32Array; grams: Float64Array } {
  let runs = 0;
  for (let j = 0; j < n; j++) if (j === 0 || sortedKey[j] !== sortedKey[j - 1]) runs++;
  const starts = new Int32Array(runs + 1);
  const grams = new Float64Array(runs);
  const nChars = chars.length;
  for (let j = 0, r = -1; j < n; j++) {
    if (j > 0 && sortedKey[j] === sortedKey[j - 1]) continue;
    starts[++r] = j;
    const key = sortedKey[j]!;
    grams[r] = BIGRAM_BASE + chars[Math.floor(key / nChars)]! * 65536 + chars[key % nChars]!;
  }
  starts[runs] = n;
  return { starts, grams };
}

/** An entry's head; a list's first gap counts from slot -1, padded when the segment is to be placed later. */
function writeHead(writer: VarintWriter, slot: number, last: number, short: boolean, pad: boolean): void {
  if (last < 0 && pad) writer.writePadded(entryHead(slot + 1, short));
  else writer.write(entryHead(slot - last, short));
}

/** Writes one bigram's list from its occurrences `[from, to)` (slot, then position order); returns its entries. */
function writeBigramList(
  writer: VarintWriter,
  slots: Int32Array,
  logged: Int32Array,
  from: number,
  to: number,
  pad: boolean,
): number {
  let last = -1;
  let entries = 0;
  let e = from;
  while (e < to) {
    const slot = slots[e]!;
    let end = e + 1;
    while (end < to && slots[end] === slot) end++;
    const short = end - e === 1;
    writeHead(writer, slot, last, short, pad);
    // A short entry's one position says whether it lies in a heading; a long entry's zone counts say how many do.
    if (short) writer.write(shortPosition(logged[e]! >>> 2, (logged[e]! & 3) === IN_HEADING_ZONE));
    else writeLongEntry(writer, logged, e, end);
    last = slot;
    entries++;
    e = end;
  }
  return entries;
}

/** A long entry after its head: its positions' byte length and zone counts, then its positions (gaps from 0). */
function writeLongEntry(writer: VarintWriter, logged: Int32Array, from: number, to: number): void {
  writeLongEntryHead(writer, logged, from, to);
  let prev = 0;
  for (let k = from; k < to; k++) {
    const pos = logged[k]! >>> 2;
    writer.write(pos - prev);
    prev = pos;
  }
}

/** A long entry's positions' byte length (so a reader can step over them) and its occurrences by zone. */
function writeLongEntryHead(writer: VarintWriter, logged: Int32Array, from: number, to: number): void {
  let bytes = 0;
  let before = 0;
  let titles = 0;
  let headings = 0;
  for (let k = from; k < to; k++) {
    const at = logged[k]!;
    const pos = at >>> 2;
    bytes += varintSize(pos - before);
    before = pos;
    if ((at & 3) === IN_TITLE_ZONE) titles++;
    else if ((at & 3) === IN_HEADING_ZONE) headings++;
  }
  const zoned = titles + headings > 0;
  writer.write(bigramLength(bytes, zoned));
  if (zoned) {
    writer.write(titles);
    writer.write(headings);
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
function sortBigramOccurrences(
  keys: Int32Array,
  slots: Int32Array,
  positions: Int32Array,
  n: number,
): { key: Uint32Array; slot: Int32Array; pos: Int32Array; chars: Int32Array } {
  const { rankOf, chars } = rankCharacters(keys, n);
  const nChars = chars.length;
  const bits = Math.max(1, Math.ceil(Math.log2(Math.max(2, nChars * nChars))));
  const passes = Math.ceil(bits / MAX_DIGIT_BITS);
  const width = Math.ceil(bits / passes);
  // Dense keys in place of the logged ones (the same bytes read as unsigned), and every pass's digit
  // counts in one read of them.
  let key: Uint32Array = new Uint32Array(keys.buffer, keys.byteOffset, n);
  const starts = denseKeys(keys, key, n, rankOf, nChars, passes, width);
  let slot: Int32Array = slots.subarray(0, n);
  let pos: Int32Array = positions.subarray(0, n);
  let nextKey: Uint32Array = new Uint32Array(n);
  let nextSlot: Int32Array = new Int32Array(n);
  let nextPos: Int32Array = new Int32Array(n);
  for (let p = 0; p < passes; p++) {
    radixPass(
      key,
      slot,
      pos,
      nextKey,
      nextSlot,
      nextPos,
      n,
      starts.subarray(p << width, (p + 1) << width),
      p * width,
      (1 << width) - 1,
    );
    [key, nextKey] = [nextKey, key];
    [slot, nextSlot] = [nextSlot, slot];
    [pos, nextPos] = [nextPos, pos];
  }
  return { key, slot, pos, chars };
}

/** The characters of the logged bigram keys in code order (`chars`), and each one's rank among them (`rankOf`). */
function rankCharacters(keys: Int32Array, n: number): { rankOf: Int32Array; chars: Int32Array } {
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
  return { rankOf, chars };
}

/**
 * Writes each logged key's dense form (rank of its first character · nChars + rank of its second) into
 * `dense` (which may share `keys`' bytes), and returns every pass's bucket starts: pass p's `width`-bit
 * digit d starts at `starts[(p << width) + d]`.
 */
function denseKeys(
  keys: Int32Array,
  dense: Uint32Array,
  n: number,
  rankOf: Int32Array,
  nChars: number,
  passes: number,
  width: number,
): Int32Array {
  const mask = (1 << width) - 1;
  const starts = new Int32Array(passes << width);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const d = rankOf[k >>> 16]! * nChars + rankOf[k & 0xffff]!;
    dense[i] = d;
    for (let p = 0; p < passes; p++) starts[(p << width) + ((d >>> (p * width)) & mask)]!++;
  }
  for (let p = 0; p < passes; p++) {
    let sum = 0;
    for (let b = p << width; b < (p + 1) << width; b++) {
      const count = starts[b]!;
      starts[b] = sum;
      sum += count;
    }
  }
  return starts;
}

/** One stable pass of the radix sort: rows in `key`'s order by their digit at `shift`, into the next arrays (`starts` advanced). */
function radixPass(
  key: Uint32Array,
  slot: Int32Array,
  pos: Int32Array,
  nextKey: Uint32Array,
  nextSlot: Int32Array,
  nextPos: Int32Array,
  n: number,
  starts: Int32Array,
  shift: number,
  mask: number,
): void {
  for (let j = 0; j < n; j++) {
    const d = key[j]!;
    const at = starts[(d >>> shift) & mask]!++;
    nextKey[at] = d;
    nextSlot[at] = slot[j]!;
    nextPos[at] = pos[j]!;
  }
}

/** Unit tables and slots of consecutive whole documents (each starting with its title, ord 0). */
function layout(units: readonly IndexUnit[]): {
  unitDoc: Int32Array;
  unitMeta: Uint8Array;
  unitPaidFrom: Int32Array;
  unitLength: Int32Array;
  slotStarts: number[];
} {
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

function buildLists(
  units: readonly IndexUnit[],
  slotStarts: readonly number[],
  slotLo: number,
  pad: boolean,
): PostingColumns {
  // Every document's index text: its units and the separators between them (see addDocument's reserve).
  let chars = units.length;
  for (const u of units) chars += u.text.length;
  const builder = new Builder(chars);
  slotStarts.forEach((start, s) =>
    builder.addDocument(slotLo + s, units.slice(start, slotStarts[s + 1] ?? units.length)),
  );
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
  return {
    unitLo,
    unitHi: unitLo + units.length,
    ...tables,
    slotLo,
    slotHi: slotLo + slotStarts.length,
    slotUnitLo,
    lists,
  };
}

/** The same segment at unit 0 and slot 0, packed for transfer and later placement (padded first gaps). */
export function buildPackedSegment(units: readonly IndexUnit[]): PackedSegment {
  const { slotStarts, ...tables } = layout(units);
  const lists = buildLists(units, slotStarts, 0, true);
  return { unitCount: units.length, ...tables, slotUnitLo: Int32Array.from(slotStarts), ...lists };
}
