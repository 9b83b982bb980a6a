import { normalizationTable } from '../normalize.js';
import { IN_HEADING, IN_PAID, IN_TITLE, unigramValue } from './posting-format.js';
import type { IndexUnit, PostingColumns, SegmentData } from './contracts.js';
import { bigramRuns, sortBigramOccurrences } from './bigram-radix-sort.js';
import { Column } from './column.js';
import { MAX_INDEX_TEXT, countCodes, countRange, logBigrams, writeIndexText } from './index-text.js';
import type { PackedSegment } from './packed-segment.js';
import { writeBigramList, writeUnigramList } from './posting-list-writer.js';
import { segmentLayout } from './segment-layout.js';
import { VarintWriter } from './varint.js';

/*
 * The builder's loops (here, in index-text.ts, bigram-radix-sort.ts and posting-list-writer.ts) are
 * functions of their own, each one loop over typed arrays: V8 compiles each once with the types it has
 * seen. As phases of one long function, every loop reached with the function compiled for the loops before
 * it (and no feedback of its own) threw that code away, and recompiling costs a cold ingest dearly.
 */

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
   * the occurrence logs are made at that size once, not grown by doubling (each doubling copies them and
   * leaves the old logs as garbage).
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
    if (len >= MAX_INDEX_TEXT) {
      const doc = `segment-builder: document ${units[0]?.docId}`;
      throw new Error(`${doc} has ${len} characters; at most ${MAX_INDEX_TEXT - 1} can be indexed`);
    }
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
    const { occKey, occSlot, occPos } = this;
    const n = logBigrams(codes, zones, len, slot, occKey.length, occKey.data, occSlot.data, occPos.data);
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
      const flags = (free < n ? IN_PAID : 0) + (inTitle[c]! ? IN_TITLE : 0) + (inHeadings[c]! > 0 ? IN_HEADING : 0);
      this.uniValue.push(unigramValue(n, flags));
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
    const sorted = sortBigramOccurrences(this.occKey.data, this.occSlot.data, this.occPos.data, occN);
    const { key: sortedKey, slot: sortedSlot, pos: sortedPos, chars } = sorted;
    const { starts: biStart, grams: biGram } = bigramRuns(sortedKey, occN, chars);
    const nBigrams = biGram.length;

    const writer = new VarintWriter(occN * 3 + uniN * 4 + 1024);
    let uniLists = 0;
    for (let l = 0; l < 65536; l++) if (uniStart[l + 1]! > uniStart[l]!) uniLists++;
    const nLists = uniLists + nBigrams;
    const uniSlots = this.uniSlot.data;
    const uniValues = this.uniValue.data;
    const uniFree = this.uniFree.data;
    const uniHeadings = this.uniHeadings.data;
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
      out.lastUnits[i] = writeUnigramList(writer, uniEntries, from, to, uniSlots, uniValues, uniFree, uniHeadings, pad);
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
}

/**
 * A counting sort of the unigram entries by code (stable: slots stay ascending): code l's are
 * `order[starts[l] .. starts[l + 1])`.
 */
function unigramOrder(codes: Int32Array, n: number): { starts: Int32Array; order: Int32Array } {
  const starts = new Int32Array(65536 + 1);
  for (let i = 0; i < n; i++) starts[codes[i]! + 1]!++;
  for (let l = 0; l < 65536; l++) starts[l + 1]! += starts[l]!;
  const fill = starts.slice(0, 65536);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[codes[i]!]!++] = i;
  return { starts, order };
}

/** The posting lists of the documents starting at `slotStarts` in `units`, as slots `slotLo` on. */
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
  slotStarts.forEach((start, s) => {
    builder.addDocument(slotLo + s, units.slice(start, slotStarts[s + 1] ?? units.length));
  });
  return builder.lists(pad);
}

/**
 * Builds an immutable index segment for consecutive units (ids unitLo, unitLo+1, …) of whole documents,
 * each starting with its title (ord 0) and taking the next slot from `slotLo`.
 */
export function buildSegment(units: readonly IndexUnit[], unitLo: number, slotLo = 0): SegmentData {
  const { slotStarts, ...tables } = segmentLayout(units);
  const lists = buildLists(units, slotStarts, slotLo, false);
  const slotUnitLo = Int32Array.from(slotStarts, (start) => unitLo + start);
  const slotHi = slotLo + slotStarts.length;
  return { unitLo, unitHi: unitLo + units.length, ...tables, slotLo, slotHi, slotUnitLo, lists };
}

/** The same segment at unit 0 and slot 0, packed for transfer and later placement (padded first gaps). */
export function buildPackedSegment(units: readonly IndexUnit[]): PackedSegment {
  const { slotStarts, ...tables } = segmentLayout(units);
  const lists = buildLists(units, slotStarts, 0, true);
  return { unitCount: units.length, ...tables, slotUnitLo: Int32Array.from(slotStarts), ...lists };
}
