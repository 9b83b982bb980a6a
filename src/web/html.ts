/**
 * HTML by one helper: every value put into an `html` template is escaped unless it is already Html (made by
 * `html` or, for markup we wrote ourselves, `raw`). Views build pages from this alone, never by concatenation.
 */

/** A piece of markup that is safe to put on a page as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup we wrote ourselves (a constant), trusted as it is. Never pass it anything a user or a document wrote. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function part(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value));
}

/**
 * A template's own text with each run of white space that holds a line break (the views' indentation) cut to
 * one line break: HTML renders it alike (no view has pre-formatted text), and a long document's page was
 * a fifth indentation. Values put in are never touched. Made once per template.
 */
const compacted = new WeakMap<TemplateStringsArray, readonly string[]>();

function compact(strings: TemplateStringsArray): readonly string[] {
  let parts = compacted.get(strings);
  if (parts === undefined) {
    parts = strings.map((s) => s.replace(/[ \t]*\n\s*/g, '\n'));
    compacted.set(strings, parts);
  }
  return parts;
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; Html values and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const parts = compact(strings);
  let out = parts[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + parts[i + 1]!;
  return new Html(out);
}

/** Html from a list, one piece per item. */
export function each<T>(items: readonly T[], render: (item: T, index: number) => Html): Html {
  return new Html(items.map((item, i) => render(item, i).value).join(''));
}

/**
 * A page's bytes with each marker (in page order, each once) replaced by bytes made before: markup kept
 * encoded goes out without being flattened and encoded again for every request.
 */
export function spliceBytes(
  page: string,
  pieces: ReadonlyArray<readonly [marker: string, bytes: Uint8Array]>,
): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const [marker, bytes] of pieces) {
    const at = page.indexOf(marker, from);
    if (at < 0) throw new Error(`spliceBytes: ${marker} is not in the page`);
    chunks.push(Buffer.from(page.slice(from, at)), bytes);
    from = at + marker.length;
  }
  chunks.push(Buffer.from(page.slice(from)));
  return Buffer.concat(chunks);
}
