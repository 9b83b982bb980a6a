import iconv from 'iconv-lite';
import { composeBody } from './compose-body.js';
import { contentLines, type Fixture } from './fixture.js';
import { squeeze } from './compare.js';
import type { Block, GeneratedPage, PageMeta } from './page.js';
import { createRng, hashSeed } from './prng.js';
import { renderHtml } from './render-html.js';
import { renderTxt } from './render-txt.js';
import type { PageContext, SiteTemplate } from './templates/template.js';

const FIRST_LEVEL = /^[一二三四五六七八九十]+、/;

/** The seed of a page: from its template and its fixture's file, so every page has dice of its own. */
export function pageSeed(template: SiteTemplate, fixture: Fixture): number {
  return hashSeed(template.name, fixture.file);
}

function fileNameOf(template: SiteTemplate, fixture: Fixture): string {
  const stem = fixture.file.replace(/\.[^.]+$/, '');
  const ext = template.layout.kind === 'html' ? 'html' : template.layout.markdown ? 'md' : 'txt';
  return `${template.name}/${stem}.${ext}`;
}

function noiseOf(blocks: readonly Block[], fixture: Fixture): string[] {
  const spans = blocks.flatMap((b) =>
    b.kind === 'chrome' ? b.noise : b.kind === 'content' ? b.pieces.filter((p) => p.noise).map((p) => p.text) : [],
  );
  // A span that also stands in the document's own text is content there, not noise.
  const own = squeeze(fixture.lines.join('\n'));
  const kept = spans.map((s) => s.trim()).filter((s) => s.length > 0 && !own.includes(squeeze(s)));
  return [...new Set(kept)];
}

function metaOf(blocks: readonly Block[]): PageMeta {
  const meta: PageMeta = {};
  for (const b of blocks) if (b.kind === 'chrome' && b.meta) Object.assign(meta, b.meta);
  return meta;
}

/** Dresses a fixture in a site's chrome: pure, and the same page for the same seed. */
export function generatePage(fixture: Fixture, template: SiteTemplate, seed: number): GeneratedPage {
  const ctx: PageContext = {
    rng: createRng(seed),
    title: fixture.lines[0]!.trim(),
    year: fixture.truth.year ?? 2024,
    headings: contentLines(fixture).filter((l) => FIRST_LEVEL.test(l) && l.length <= 40),
  };
  const before = template.before(ctx);
  const { blocks: body, paid } = composeBody(contentLines(fixture), template, ctx);
  const after = template.after(ctx);
  const blocks = [...before, ...body, ...after];
  const layout = template.layout;
  let text = layout.kind === 'html' ? renderHtml(blocks, layout, ctx) : renderTxt(blocks, layout);
  if (layout.crlf) text = text.replace(/\n/g, '\r\n');
  // GB18030 is GBK for every character GBK has, and keeps the rare one GBK lacks (content must survive).
  const gbk = layout.kind === 'html' && layout.gbk;
  const encoded = gbk ? new Uint8Array(iconv.encode(text, 'gb18030')) : new TextEncoder().encode(text);
  const bytes = layout.bom && !gbk ? new Uint8Array([0xef, 0xbb, 0xbf, ...encoded]) : encoded;
  return {
    template: template.name,
    fixture: fixture.file,
    fileName: fileNameOf(template, fixture),
    bytes,
    noise: noiseOf(blocks, fixture),
    paid,
    meta: metaOf(blocks),
  };
}
