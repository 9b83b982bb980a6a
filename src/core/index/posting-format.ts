/*
 * The posting wire format: how a segment's list for one gram (its blob) is laid out. docs-notes.md (for
 * docs/INDEX-FORMAT.md) has the full description; this is the summary the encoders and decoders keep to.
 *
 * Every value is an unsigned LEB128 varint (varint.ts). A blob is its entries in ascending slot order, one
 * per document slot holding the gram. Every entry opens with its head, `gap · 2 + short` (entryHead): gap
 * is the slot minus the previous entry's slot, counted from -1 at the start of a blob (so the first gap is
 * slot + 1), and the blobs of consecutive segments concatenate by re-encoding each later blob's first head.
 *   unigram: short = one occurrence, not in the title, the paid part or a heading: nothing follows. Else
 *            `count · 8 + flags` (unigramValue; flags IN_TITLE | IN_PAID | IN_HEADING), then the
 *            occurrences before the paid part when IN_PAID is set, then those in headings when IN_HEADING is.
 *   bigram:  short = one occurrence: one varint `position · 2 + inHeading` follows (shortPosition). Else
 *            `bytes · 2 + zoned` (bigramLength; bytes: the positions' byte length; zoned: some occurrence
 *            lies in the title or a heading), then when zoned the occurrences in the title and those in
 *            headings, then the positions as gaps from 0. The count is the number of varints in those bytes.
 * Positions are code-unit offsets in the document's index text (contracts.ts).
 *
 * Why: the short flag saves the length byte of the most common bigram entry, and its heading bit lets the
 * outline and zone weights read every entry's heading count from the list alone, without the unit table.
 * The length lets a reader step over a document's positions in one move (an intersection reads only the
 * heads of the longer lists), and the zone counts rank a common two-character term by field without its
 * positions.
 */

/** Unigram flag: some occurrence lies in the title. */
export const IN_TITLE = 1;
/** Unigram flag: some occurrence lies in the paid part (its free-part count follows). */
export const IN_PAID = 2;
/** Unigram flag: some occurrence lies in a heading (its heading count follows). */
export const IN_HEADING = 4;
/** A unigram value's flag bits (IN_TITLE | IN_PAID | IN_HEADING). */
export const FLAG_BITS = 7;
/** A unigram value is count · FLAG_SPAN + flags. */
export const FLAG_SPAN = 8;

/** The unigram value of `count` occurrences with these flags. */
export function unigramValue(count: number, flags: number): number {
  return count * FLAG_SPAN + flags;
}

/** The unigram value (count · 8 + flags) a short entry stands for: one occurrence, no flags. */
export const SHORT_UNIGRAM = 8;

/** The varint an entry opens with: its slot gap and whether it is short. */
export function entryHead(gap: number, short: boolean): number {
  return gap * 2 + (short ? 1 : 0);
}

/** The varint of a short bigram entry's one position: the position, and whether it lies in a heading. */
export function shortPosition(position: number, inHeading: boolean): number {
  return position * 2 + (inHeading ? 1 : 0);
}

/** The varint after a long bigram entry's head: its positions' byte length and whether zone counts follow. */
export function bigramLength(bytes: number, zoned: boolean): number {
  return bytes * 2 + (zoned ? 1 : 0);
}
