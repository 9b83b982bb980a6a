import type { Block, ChromeBlock, Zone } from '../page.js';
import type { Rng } from '../prng.js';

/** What a template knows of the page it dresses: the document's title and year, and the page's dice. */
export interface PageContext {
  rng: Rng;
  title: string;
  year: number;
  /** The body's first-level headings (一、…), for sites that float a 目录 of them beside the text. */
  headings: string[];
}

/** The kinds of chrome a site slips between (or into) the body's paragraphs. */
export interface InsideNoise {
  /** How many items a page carries (at least one). */
  count: [number, number];
  /** A watermark glued into a paragraph (to a heading's end or mid-sentence). */
  watermark?: (rng: Rng) => string;
  /** Standalone chrome blocks between paragraphs: promotions, captions, related lists, contacts. */
  blocks?: Array<(ctx: PageContext) => ChromeBlock>;
}

export interface Paywall {
  /** Share of pages (of four paragraphs or more) that carry a paid part. */
  rate: number;
  /** Share of those whose marker stands inside a sentence rather than between paragraphs. */
  insideRate: number;
  marker: (rng: Rng) => string;
  /** A marker some sites put after the paid text. */
  endMarker?: (rng: Rng) => string;
}

export interface TxtLayout {
  kind: 'txt';
  /** Paragraph indent: '', U+3000 twice or ASCII spaces. */
  indent: string;
  /** Hard-wrap content lines at this many characters, as copy-pasted pages do. */
  wrapAt?: number;
  /** An empty line between blocks. */
  blankLines: boolean;
  /** Markdown pages put '# ' before the title and use the .md extension. */
  markdown?: boolean;
  /** Saved on Windows: CRLF line ends. */
  crlf?: boolean;
  /** A UTF-8 byte-order mark first. */
  bom?: boolean;
}

export interface HtmlLayout {
  kind: 'html';
  skeleton: 'semantic' | 'divs' | 'table';
  /** The text of the <title> element. */
  headTitle: (ctx: PageContext) => string;
  /** Sloppy sites put top/bottom chrome inside the article element. */
  chromeInArticle: boolean;
  /** Paragraphs as <p> elements or as lines separated by <br>. */
  paragraphs: 'p' | 'br';
  indent?: string;
  /** Where the document's title stands: an <h1> (default), an <h2> or a styled <div>. */
  titleElement?: 'h1' | 'h2' | 'div';
  /** The site's name is the page's <h1> (a logo), as many sites mark it up. */
  logoH1?: boolean;
  /** GBK pages declare their charset in a meta tag ('gbk' or 'gb2312'). */
  gbk?: 'gbk' | 'gb2312';
  /** The charset said as <meta charset="…"> rather than the http-equiv form. */
  shortCharset?: boolean;
  /** An og:title meta tag in the head (公众号 and news pages carry one). */
  ogTitle?: (ctx: PageContext) => string;
  /** A UTF-8 byte-order mark first. */
  bom?: boolean;
  /** Saved on Windows: CRLF line ends. */
  crlf?: boolean;
}

/** A fictional 范文 site: its chrome, its inside noise, its paywall and how it lays a page out. */
export interface SiteTemplate {
  name: string;
  site: string;
  domain: string;
  layout: TxtLayout | HtmlLayout;
  /** Chrome before the body, with the title block where the site puts it. */
  before: (ctx: PageContext) => Block[];
  inside: InsideNoise;
  paywall?: Paywall;
  after: (ctx: PageContext) => Block[];
}

/** The page's title, where a template puts it. */
export function titleBlock(ctx: PageContext, zone: Zone = 'top'): Block {
  return { kind: 'title', zone, text: ctx.title };
}
