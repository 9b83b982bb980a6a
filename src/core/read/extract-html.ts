import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const BLOCK = /^(P|DIV|LI|H[1-6]|TR|BLOCKQUOTE|SECTION|ARTICLE|PRE|TD|DD|DT)$/;
const DROP = 'script, style, noscript, nav, header, footer, aside, form, iframe, template';

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function blockText(node: DomNode, out: string[]): void {
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i]!;
    if (child.nodeType === 3) out.push((child.textContent ?? '').replace(/[ \t\r\n]+/g, ' '));
    else if (child.nodeType === 1) {
      if (child.nodeName === 'BR') out.push('\n');
      const block = BLOCK.test(child.nodeName);
      if (block) out.push('\n');
      blockText(child, out);
      if (block) out.push('\n');
    }
  }
}

function linesOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  blockText(document.body as unknown as DomNode, out);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/**
 * The main text of an HTML page, paragraphs as lines, title first: Readability over a linkedom document,
 * falling back to the body without navigation, scripts and footers.
 */
export function extractHtml(html: string): string {
  const { document } = parseHTML(html);
  const pageTitle = (document.querySelector('h1')?.textContent ?? document.title ?? '').trim();
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  let body: string | null = null;
  try {
    const article = new Readability(document as never, { charThreshold: 50 }).parse();
    if (article?.content) body = linesOf(article.content);
  } catch {
    body = null;
  }
  if (!body) body = linesOf(document.body?.innerHTML ?? '');
  const title = pageTitle.replace(/\s+/g, ' ');
  const lines = body.split('\n');
  if (title && lines[0]?.trim() === title) lines.shift();
  return title ? `${title}\n\n${lines.join('\n')}` : lines.join('\n');
}
