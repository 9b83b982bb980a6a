/**
 * Reading a .docx back in tests: the package's parts, its paragraphs with their text, and the formatting each
 * paragraph and run ends up with once its style chain and the document defaults are applied.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  /** footer part name → xml */
  footers: Record<string, string>;
  rels: string;
}

export function docxParts(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const part = (name: string) => {
    const data = files[name];
    if (!data) throw new Error(`no ${name} in the package`);
    return strFromU8(data);
  };
  const footers: Record<string, string> = {};
  for (const name of Object.keys(files)) if (/^word\/footer\d+\.xml$/.test(name)) footers[name] = part(name);
  return {
    document: part('word/document.xml'),
    styles: part('word/styles.xml'),
    settings: part('word/settings.xml'),
    fontTable: part('word/fontTable.xml'),
    footers,
    rels: part('word/_rels/document.xml.rels'),
  };
}

/** The value of attribute `name` on the first `<tag …>` in xml, or null. */
export function attr(xml: string, tag: string, name: string): string | null {
  const element = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!element) return null;
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1] ?? null;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Formatting as Word resolves it; null where nothing sets it. */
export interface Format {
  eastAsia: string | null;
  ascii: string | null;
  hint: string | null;
  size: number | null;
  bold: boolean | null;
  spacing: number | null;
  firstLine: number | null;
  right: number | null;
  jc: string | null;
  line: number | null;
  lineRule: string | null;
  snapToGrid: boolean | null;
}

function formatOf(pPr: string, rPr: string): Format {
  const bold = /<w:b(?=[\s/>])([^>]*)\/?>/.exec(rPr);
  const snap = /<w:snapToGrid(?=[\s/>])([^>]*)\/?>/.exec(pPr);
  const num = (s: string | null) => (s === null ? null : Number(s));
  return {
    eastAsia: attr(rPr, 'w:rFonts', 'w:eastAsia'),
    ascii: attr(rPr, 'w:rFonts', 'w:ascii'),
    hint: attr(rPr, 'w:rFonts', 'w:hint'),
    size: num(attr(rPr, 'w:sz', 'w:val')),
    bold: bold ? !/w:val="(false|0)"/.test(bold[1]!) : null,
    spacing: num(attr(rPr, 'w:spacing', 'w:val')),
    firstLine: num(attr(pPr, 'w:ind', 'w:firstLine')),
    right: num(attr(pPr, 'w:ind', 'w:right')),
    jc: attr(pPr, 'w:jc', 'w:val'),
    line: num(attr(pPr, 'w:spacing', 'w:line')),
    lineRule: attr(pPr, 'w:spacing', 'w:lineRule'),
    snapToGrid: snap ? !/w:val="(false|0)"/.test(snap[1]!) : null,
  };
}

/** Later formats win where they set something. */
function overlay(...formats: Format[]): Format {
  const result = { ...formats[0]! };
  for (const f of formats.slice(1)) {
    for (const key of Object.keys(f) as Array<keyof Format>)
      if (f[key] !== null) (result as Record<string, unknown>)[key] = f[key];
  }
  return result;
}

function section(xml: string, tag: string): string {
  return new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
}

export interface Styles {
  /** The formatting a paragraph of this style id gets, defaults and basedOn chain applied. */
  resolve(styleId: string | null): Format;
  ids: string[];
  /** style id → w:name */
  names: Record<string, string>;
}

export function readStyles(stylesXml: string): Styles {
  const defaults = formatOf(
    section(section(stylesXml, 'w:pPrDefault'), 'w:pPr'),
    section(section(stylesXml, 'w:rPrDefault'), 'w:rPr'),
  );
  const own: Record<string, { basedOn: string | null; format: Format }> = {};
  const names: Record<string, string> = {};
  for (const m of stylesXml.matchAll(/<w:style\s[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const [, id, body] = m as unknown as [string, string, string];
    own[id] = {
      basedOn: attr(body, 'w:basedOn', 'w:val'),
      format: formatOf(section(body, 'w:pPr'), section(body, 'w:rPr')),
    };
    names[id] = attr(body, 'w:name', 'w:val') ?? '';
  }
  const resolve = (id: string | null): Format => {
    const chain: Format[] = [];
    for (let s = id ?? 'Normal', guard = 0; s && own[s] && guard < 10; s = own[s]!.basedOn ?? '', guard++)
      chain.unshift(own[s]!.format);
    if (id !== null && !own[id]) throw new Error(`no style ${id}`);
    return overlay(defaults, ...chain);
  };
  return { resolve, ids: Object.keys(own), names };
}

export interface DocxRun {
  text: string;
  format: Format;
}

export interface DocxParagraph {
  style: string | null;
  text: string;
  /** Paragraph formatting: defaults, style chain, then the paragraph's own. */
  format: Format;
  runs: DocxRun[];
}

/** The body's paragraphs in order, with their text and resolved formatting. */
export function readParagraphs(documentXml: string, styles: Styles): DocxParagraph[] {
  const body = section(documentXml, 'w:body');
  return [...body.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
    const inner = m[1] ?? '';
    const pPr = section(inner, 'w:pPr');
    const style = attr(pPr, 'w:pStyle', 'w:val');
    const format = overlay(styles.resolve(style), formatOf(pPr, ''));
    const runs = [...inner.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)].map((r) => {
      const text = [...r[1]!.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('');
      return { text, format: overlay(format, formatOf('', section(r[1]!, 'w:rPr'))) };
    });
    return { style, text: runs.map((r) => r.text).join(''), format, runs };
  });
}
