import { contentText, type Block, type ChromeBlock, type Zone } from './page.js';
import type { HtmlLayout, PageContext } from './templates/template.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function chromeHtml(block: ChromeBlock, cls: string, logoH1 = false): string {
  if (logoH1 && cls === 'banner') return `<h1 class="logo"><a href="/">${escapeHtml(block.lines[0] ?? '')}</a></h1>`;
  if (block.list) {
    const items = block.lines.map((l, i) => (i === 0 && /[：:]$/.test(l) ? `<h3>${escapeHtml(l)}</h3>` : null));
    const head = items[0] ?? '';
    const rest = head ? block.lines.slice(1) : block.lines;
    const lis = rest.map((l) => `<li><a href="/html/${(l.length * 7919) % 100000}.html">${escapeHtml(l)}</a></li>`);
    return `<div class="${cls}">${head}<ul>${lis.join('')}</ul></div>`;
  }
  return block.lines.map((l) => `<div class="${cls}">${escapeHtml(l)}</div>`).join('\n');
}

function blockHtml(block: Block, layout: HtmlLayout, zone: Zone): string {
  if (block.kind === 'title') {
    const text = escapeHtml(block.text);
    if (layout.titleElement === 'div') return `<div class="article-title">${text}</div>`;
    return layout.titleElement === 'h2' ? `<h2>${text}</h2>` : `<h1>${text}</h1>`;
  }
  if (block.kind === 'chrome') return chromeHtml(block, zone, layout.logoH1);
  const text = escapeHtml((layout.indent ?? '') + contentText(block));
  return layout.paragraphs === 'p' ? `<p>${text}</p>` : `${text}<br>`;
}

function zoneHtml(blocks: readonly Block[], layout: HtmlLayout, zone: Zone): string {
  return blocks
    .filter((b) => b.kind === 'content' || b.zone === zone)
    .map((b) => blockHtml(b, layout, zone))
    .join('\n');
}

/** Lays blocks out as an HTML page: <title>, nav, header, article, sidebar and footer in the layout's skeleton. */
export function renderHtml(blocks: readonly Block[], layout: HtmlLayout, ctx: PageContext): string {
  const of = (zone: Zone): string =>
    zoneHtml(
      blocks.filter((b) => b.kind !== 'content' && b.zone === zone),
      layout,
      zone,
    );
  const body = zoneHtml(
    blocks.filter((b) => b.kind === 'content' || b.zone === 'body'),
    layout,
    'body',
  );
  const charset = !layout.gbk
    ? '<meta charset="utf-8">'
    : layout.shortCharset
      ? `<meta charset="${layout.gbk}">`
      : `<meta http-equiv="Content-Type" content="text/html; charset=${layout.gbk}">`;
  const og = layout.ogTitle ? `\n<meta property="og:title" content="${escapeHtml(layout.ogTitle(ctx))}">` : '';
  const head = `<head>${charset}\n<title>${escapeHtml(layout.headTitle(ctx))}</title>${og}\n<meta name="viewport" content="width=device-width"></head>`;
  const inArticle = layout.chromeInArticle;
  const article = [
    inArticle ? of('nav') : '',
    of('top'),
    `<div class="content">\n${body}\n</div>`,
    inArticle ? of('bottom') : '',
  ]
    .filter((s) => s.length > 0)
    .join('\n');
  const nav = inArticle ? '' : of('nav');
  const bottom = inArticle ? '' : of('bottom');
  let page: string;
  if (layout.skeleton === 'semantic') {
    page = `<header>${of('banner')}</header>\n<nav>${nav}</nav>\n<main><article>\n${article}\n</article>\n${bottom}\n<aside>${of('aside')}</aside></main>\n<footer>${of('footer')}</footer>`;
  } else if (layout.skeleton === 'divs') {
    page = `<div id="top">${of('banner')}</div>\n<div class="position">${nav}</div>\n<div id="main"><div class="left"><div id="article">\n${article}\n</div>\n${bottom}</div>\n<div class="right">${of('aside')}</div></div>\n<div id="foot">${of('footer')}</div>`;
  } else {
    page = `<table width="960" align="center"><tr><td colspan="2">${of('banner')}</td></tr>\n<tr><td colspan="2">${nav}</td></tr>\n<tr><td width="700" valign="top">\n${article}\n${bottom}</td><td valign="top">${of('aside')}</td></tr>\n<tr><td colspan="2">${of('footer')}</td></tr></table>`;
  }
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n${head}\n<body>\n${page}\n</body>\n</html>\n`;
}
