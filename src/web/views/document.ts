import { outlineText } from '../../core/access/reader-view.js';
import type { DownloadFormat } from '../../core/access/tiers.js';
import type { Viewer } from '../../core/access/viewer.js';
import type { DocumentSummary } from '../../storage/store.js';
import { each, html, raw, spliceBytes, type Html } from '../html.js';
import type { ReaderParagraph } from '../../core/access/reader-view.js';
import type { ReaderDocument } from '../reader/reader-documents.js';
import type { RelatedDocument } from '../related.js';
import { dayOf } from '../reader/updates.js';
import { browseUrl } from './browse.js';
import { layout } from './layout.js';
import { chineseDate, compilationLabel, copyButton, slotted } from './parts.js';

export interface DocumentPageModel {
  doc: ReaderDocument;
  related: RelatedDocument[];
  /** The other articles of the compilation this one came in, in their order (itself among them). */
  siblings: DocumentSummary[];
  /** Who reads it: the paywall's invitation is theirs (register, log in, or VIP). */
  viewer: Viewer;
  /** The formats this reader may download the document in. */
  formats: readonly DownloadFormat[];
  /** The member's favourite control beside the downloads (see members/document-extras.ts). */
  favourite?: Html;
}

function paragraphView(p: ReaderParagraph): Html {
  const heading = p.level !== null;
  // A heading's role is 'heading' or an item's ('一是…'): the class is named once either way.
  const cls = `para ${p.role}${heading && p.role !== 'heading' ? ' heading' : ''}${heading ? ` level-${p.level}` : ''}`;
  // Its copy buttons are added by site.js: they work only with the script, and made here they were a third
  // of a long document's page.
  return html`<p id="p${p.index}" class="${cls}" ${heading ? html` data-level="${p.level}"` : ''}>
    ${slotted(p.text, p.placeholders)}
  </p>`;
}

function outlineNav(doc: ReaderDocument): Html {
  const outline = doc.view.outline;
  if (outline.length === 0) return html`<aside></aside>`;
  return html`<details class="outline-nav" open>
    <summary>提纲 · ${outline.length} 条</summary>
    <ol>
      ${outline.map(
        (o) =>
          html`<li class="level-${o.level}${o.free ? '' : ' locked'}">
            <a href="${o.free ? `#p${o.paragraph}` : '#member-part'}" ${o.free ? '' : html` title="会员内容"`}
              >${o.text}</a
            >
          </li>`,
      )}
    </ol>
    <div class="tools">
      ${copyButton({ text: outlineText(outline), label: '复制提纲', title: '复制整篇提纲' })}
      <a class="button" href="/documents/${doc.id}/outline">提纲视图</a>
    </div>
  </details>`;
}

/**
 * The text and the outline as markup, made once per reader document: they depend on the document and the
 * reader's access alone, which ReaderDocuments caches it by, and they were most of a full page's work (a
 * VIP's page, twice a guest's text, served at 0.57× a guest's rate when rendered per request). Kept as
 * UTF-8 bytes, put into each page as they are: encoding them again was the most of what a VIP's longer page
 * cost more than a guest's.
 */
const renderedParts = new WeakMap<ReaderDocument, { paragraphs: Uint8Array; outline: Uint8Array }>();

function documentParts(doc: ReaderDocument): { paragraphs: Uint8Array; outline: Uint8Array } {
  let parts = renderedParts.get(doc);
  if (parts === undefined) {
    parts = {
      paragraphs: Buffer.from(each(doc.view.paragraphs, paragraphView).value),
      outline: Buffer.from(outlineNav(doc).value),
    };
    renderedParts.set(doc, parts);
  }
  return parts;
}

/** Where the cached parts go in a page: comments no escaped text can hold. */
const OUTLINE_HERE = '<!--sucai:outline-->';
const PARAGRAPHS_HERE = '<!--sucai:paragraphs-->';

function paywall(m: DocumentPageModel): Html {
  const locked = m.doc.view.outline.filter((o) => !o.free);
  const shown = m.doc.view.shownChars;
  const total = m.doc.view.totalChars;
  const back = encodeURIComponent(`/documents/${m.doc.id}`);
  const guest = m.viewer.userId === null;
  const expired = !guest && m.viewer.vipUntil !== null && m.viewer.tier === 'member';
  const invitation = guest
    ? html`<p>
          游客可阅读前 ${shown} 字（全文约 ${total} 字）。注册免费；开通 VIP 会员后可阅读全文、复制与下载完整文档。
        </p>
        <a class="button primary" href="/login?next=${back}">登录</a>
        <a class="button" href="/register?next=${back}">免费注册</a>`
    : html`<p>
          ${expired ? '您的 VIP 会员已到期，' : ''}当前可阅读前 ${shown} 字（全文约 ${total}
          字）。${expired ? '续费' : '开通'} VIP 会员后可阅读全文、复制与下载完整文档。
        </p>
        <a class="button primary" href="/account#vip">${expired ? '续费 VIP' : '开通 VIP'}</a>`;
  return html`<section class="paywall" id="member-part">
    <div class="paywall-box">
      <h2>以下为 VIP 会员内容</h2>
      ${
        locked.length > 0
          ? html`<ul class="locked-outline" aria-label="会员内容的提纲">
              ${locked.map((o) => html`<li class="level-${o.level}">${o.text}</li>`)}
            </ul>`
          : ''
      }
      ${invitation}
    </div>
  </section>`;
}

function sideBlocks(m: DocumentPageModel): Html {
  const { doc } = m;
  const c = doc.summary.compilation;
  const blocks: Html[] = [];
  if (c !== null && m.siblings.length > 0) {
    blocks.push(
      html`<section class="panel">
        <h2>所在汇编</h2>
        <p class="muted">${compilationLabel(c)}</p>
        <ol class="doc-list">
          ${m.siblings.map((s) =>
            s.id === doc.id
              ? html`<li>
                  <span class="title"><strong>${s.title}</strong></span
                  ><span class="meta">本篇</span>
                </li>`
              : html`<li><a class="title" href="/documents/${s.id}">${s.title}</a></li>`,
          )}
        </ol>
      </section>`,
    );
  }
  if (m.related.length > 0) {
    blocks.push(
      html`<section class="panel">
        <h2>相关文档</h2>
        <ul class="doc-list">
          ${m.related.map((r) => html`<li><a class="title" href="/documents/${r.id}">${r.title}</a></li>`)}
        </ul>
      </section>`,
    );
  }
  blocks.push(
    html`<section class="panel">
      <h2>来源</h2>
      <ul class="sources">
        ${doc.sources.map(
          (s) =>
            html`<li>
              <code>${s.name}</code>${s.title !== null && s.title !== doc.view.title ? html` · 题为“${s.title}”` : ''}${
                s.publishedAt !== null ? html` · ${chineseDate(s.publishedAt)}` : ''
              }${s.near ? html` · <span class="muted">近似重复</span>` : ''}
            </li>`,
        )}
      </ul>
    </section>`,
  );
  return html`<div class="side-blocks">${blocks}</div>`;
}

const FORMAT_BUTTONS: ReadonlyArray<[DownloadFormat, string]> = [
  ['docx', '下载 Word'],
  ['txt', '下载 TXT'],
  ['md', 'Markdown'],
];

/** The download buttons of the formats this reader may take; a guest is told to log in for them. */
function downloads(id: number, formats: readonly DownloadFormat[], guest: boolean, favourite: Html | undefined): Html {
  const allowed = FORMAT_BUTTONS.filter(([f]) => formats.includes(f));
  return html`<div class="doc-actions">
    ${favourite ?? ''}
    ${allowed.map(([f, label]) => html`<a class="button" href="/documents/${id}/download.${f}" download>${label}</a>`)}
    ${
      guest
        ? html`<a class="button subtle" href="/login?next=${encodeURIComponent(`/documents/${id}`)}">登录后下载</a>`
        : allowed.length < FORMAT_BUTTONS.length
          ? html`<a class="button subtle" href="/account#vip" title="VIP 会员可下载 Word 与 Markdown">更多格式</a>`
          : ''
    }
    <a class="button" href="/documents/${id}/download.docx?outline=1" download>提纲 Word</a>
    ${copyButton({ from: '#doc-body', label: '复制全文', title: '复制可阅读的全文' })}
  </div>`;
}

/** The document's page as UTF-8 bytes (see documentParts). */
export function documentPage(m: DocumentPageModel): Uint8Array<ArrayBuffer> {
  const { doc } = m;
  const v = doc.view;
  const date = chineseDate(v.publishedAt) ?? (v.year !== null ? `${v.year}年` : null);
  const facts = [
    v.genre !== null ? html`<span>文种：<a href="${browseUrl({ genre: v.genre })}">${v.genre}</a></span>` : '',
    date !== null ? html`<span>日期：${date}</span>` : '',
    v.source !== null ? html`<span>来源：${v.source}</span>` : '',
    v.author !== null ? html`<span>作者：${v.author}</span>` : '',
    html`<span>收录：${chineseDate(dayOf(doc.summary.addedAt))}</span>`,
    html`<span>${v.totalChars} 字</span>`,
    doc.summary.paid ? html`<span class="badge paid">含会员内容</span>` : html`<span class="badge">免费</span>`,
  ];
  const parts = documentParts(doc);
  const body = html`<div class="doc-layout">
    ${raw(OUTLINE_HERE)}
    <div>
      <article class="article">
        <header class="article-head">
          <h1>${v.title}</h1>
          ${v.subtitle !== null ? html`<p class="subtitle">——${v.subtitle}</p>` : ''}
          ${v.signature !== null ? html`<p class="signature">${v.signature}</p>` : ''}
          <div class="facts">${facts}</div>
          ${
            v.tags.length > 0
              ? html`<ul class="chips">
                  ${v.tags.map((t) => html`<li><a class="chip" href="${browseUrl({ tag: t })}">${t}</a></li>`)}
                </ul>`
              : ''
          }
          ${downloads(doc.id, m.formats, m.viewer.userId === null, m.favourite)}
        </header>
        <div class="body" id="doc-body">${raw(PARAGRAPHS_HERE)}</div>
        ${v.truncated ? paywall(m) : ''}
      </article>
      ${sideBlocks(m)}
    </div>
  </div>`;
  return spliceBytes(layout({ title: v.title, body }), [
    [OUTLINE_HERE, parts.outline],
    [PARAGRAPHS_HERE, parts.paragraphs],
  ]);
}

export function outlinePage(doc: ReaderDocument): string {
  const v = doc.view;
  const body = html`<div class="outline-page">
    <p><a href="/documents/${doc.id}">← 返回全文</a></p>
    <h1 class="page-title">${v.title}</h1>
    <p class="doc-actions start">
      ${copyButton({ text: outlineText(v.outline), label: '复制提纲', title: '复制整篇提纲' })}
      <a class="button" href="/documents/${doc.id}/download.docx?outline=1" download>下载提纲 Word</a>
      <a class="button" href="/documents/${doc.id}/download.txt?outline=1" download>TXT</a>
    </p>
    ${
      v.outline.length === 0
        ? html`<p class="muted">这篇文档没有识别出提纲。</p>`
        : html`<ol class="skeleton">
            ${v.outline.map((o) => html`<li class="level-${o.level}">${o.text}</li>`)}
          </ol>`
    }
  </div>`;
  return layout({ title: `${v.title} · 提纲`, body });
}
