import { parseHTML } from 'linkedom';
import { trimmedLines } from '../core/read/extract-html.js';

/**
 * An HTML page as a reader's select-all copy gives it: every visible block's text on its own line, the page's
 * chrome (navigation, field tables, toolbars, footers) included, scripts, styles and hidden parts left out.
 * The real pages are kept as HTML; this is their text form, as 范文 sites repost a copied page.
 */

const BLOCK =
  /^(?:P|DIV|LI|H[1-6]|TR|BLOCKQUOTE|SECTION|ARTICLE|PRE|TD|DD|DT|UL|OL|TABLE|HEADER|FOOTER|NAV|ASIDE|FORM)$/;
const UNSEEN = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|HEAD|TITLE)$/;

interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
  getAttribute?: (name: string) => string | null;
}

function walk(node: Node, out: string[]): void {
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i]!;
    if (child.nodeType === 3) out.push((child.textContent ?? '').replace(/[ \t\r\n]+/g, ' '));
    if (child.nodeType !== 1 || UNSEEN.test(child.nodeName)) continue;
    if (/display\s*:\s*none/i.test(child.getAttribute?.('style') ?? '')) continue;
    if (child.nodeName === 'BR') out.push('\n');
    const block = BLOCK.test(child.nodeName);
    if (block) out.push('\n');
    walk(child, out);
    if (block) out.push('\n');
  }
}

export function copiedText(html: string): string {
  const { document } = parseHTML(html);
  // A saved page may put scripts before <head>, and the parser then leaves <body> empty.
  const body = document.body as unknown as Node | null;
  const root = body && body.childNodes.length > 0 ? body : (document.documentElement as unknown as Node);
  const out: string[] = [];
  walk(root, out);
  return trimmedLines(out.join(''));
}
