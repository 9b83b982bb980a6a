/**
 * The shapes a generated page is built from and what it tells the scorer. A page is a list of blocks
 * (chrome or content) that a renderer lays out as a site would; every chrome span is recorded as noise.
 */

/** Page metadata a template wrote into its chrome (what a parser could keep as metadata). */
export interface PageMeta {
  publishedAt?: string;
  source?: string;
  author?: string;
}

/**
 * Where the paywall stands, in the fixture's own text: the free part ends with `lastFreeParagraph` and the paid
 * part starts with `firstPaidParagraph`. With the marker inside a sentence these are the two halves of it.
 */
export interface PaidFacts {
  lastFreeParagraph: string;
  firstPaidParagraph: string;
  markerInside: boolean;
}

/** Where a block sits on the page: HTML renders zones as page regions, text renders them in order. */
export type Zone = 'head' | 'nav' | 'banner' | 'top' | 'body' | 'bottom' | 'aside' | 'footer';

/** A piece of a content paragraph; `noise` pieces are glued-in watermarks or an inline paywall marker. */
export interface Piece {
  text: string;
  noise: boolean;
}

export interface ChromeBlock {
  kind: 'chrome';
  zone: Zone;
  lines: string[];
  /** The spans that must not survive; by default every line. */
  noise: string[];
  meta?: PageMeta;
  /** HTML: a list of links rather than lines of text. */
  list?: boolean;
}

export interface ContentBlock {
  kind: 'content';
  pieces: Piece[];
}

export interface TitleBlock {
  kind: 'title';
  zone: Zone;
  text: string;
}

export type Block = ChromeBlock | ContentBlock | TitleBlock;

/** What the generator hands the pipeline and the scorer. */
export interface GeneratedPage {
  template: string;
  fixture: string;
  fileName: string;
  bytes: Uint8Array;
  /** Every inserted chrome span, none of which may survive parsing. */
  noise: string[];
  paid: PaidFacts | null;
  meta: PageMeta;
}

export function chrome(zone: Zone, lines: string[], extra: Partial<ChromeBlock> = {}): ChromeBlock {
  return { kind: 'chrome', zone, lines, noise: lines.map((l) => l.trim()).filter((l) => l.length > 0), ...extra };
}

export function contentText(block: ContentBlock): string {
  return block.pieces.map((p) => p.text).join('');
}
