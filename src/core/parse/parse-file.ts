import type {
  OutlineEntry,
  Paragraph,
  ParsedDocument,
  ParsedFile,
  Placeholder,
  RemovedSpan,
  Restoration,
} from '../document.js';
import { PAID_MARK } from '../clean/chars.js';
import { NO_LINE_STATS, type LineStats } from '../clean/line-stats.js';
import { restoreWords } from '../clean/restore.js';
import { findCompilationArticles } from './compilation.js';
import { findTitle } from './find-title.js';
import { removeFloatingToc } from './floating-toc.js';
import { takeFrame } from './front-matter.js';
import { inferYear } from './infer-year.js';
import { outlineText } from './headings.js';
import { joinLines } from './join-lines.js';
import { findPlaceholders } from './placeholders.js';
import { removeNoiseLines, type PageMetadata } from './remove-noise-lines.js';
import { removeLine, toSourceLines, type SourceLine } from './source-lines.js';
import { structure } from './structure.js';
import { genreOf } from './genres.js';
import { cleanTitle, compilationOf, yearOf } from './title.js';

/** A site's count of picked articles after a title: "（精选5篇）", "(最新3篇)". */
const SITE_PICK_COUNT = /\s*[（(](?:精选|最新|热门|优秀)\s*\d+\s*篇[)）]$/;

export interface ParseOptions {
  /** Repetition statistics of the batch the file arrives in (boilerplate signal); none by default. */
  lineStats?: LineStats;
  /** Used as the title when the text has no title line. */
  fallbackTitle?: string;
}

function collectRemoved(lines: readonly SourceLine[], from: number, to: number): RemovedSpan[] {
  return lines.slice(from, to).flatMap((l) => l.removed);
}

interface ArticleInput {
  rawTitle: string;
  lines: SourceLine[];
  removed: RemovedSpan[];
}

interface BuiltArticle {
  doc: ParsedDocument;
  /** The paid boundary was found in this article. */
  paidBoundary: boolean;
}

function buildArticle(
  input: ArticleInput,
  meta: PageMetadata,
  inheritedGenre: string | null,
  inheritedYear: number | null,
): BuiltArticle {
  const frame = takeFrame(input.lines);
  const structured = structure(joinLines(input.lines));
  const paragraphs: Paragraph[] = [];
  const restorations: Restoration[] = [];
  const placeholders: Placeholder[] = [];
  const outline: OutlineEntry[] = [];
  let freeChars: number | null = null;
  let offset = 0;
  structured.forEach((p, index) => {
    // The free prefix ends with the last free paragraph; the separating "\n" belongs to neither part.
    if (p.paidStart && freeChars === null) freeChars = Math.max(0, offset - 1);
    const parts = p.text.split(PAID_MARK);
    let text = '';
    parts.forEach((part, k) => {
      if (k === 1 && freeChars === null) freeChars = offset + text.length;
      const restored = restoreWords(part, offset + text.length);
      restorations.push(...restored.restorations);
      text += restored.text;
    });
    placeholders.push(...findPlaceholders(text, offset));
    paragraphs.push({ text, role: p.role, level: p.level });
    if (p.role === 'heading' && p.level !== null) {
      outline.push({ level: p.level, kind: p.headingKind ?? 'numbered', text: outlineText(text), paragraph: index });
    }
    offset += text.length + 1;
  });
  const rawTitle = cleanTitle(input.rawTitle);
  const title = restoreWords(rawTitle).text;
  // A date signed in the paid part is paid text: it dates nothing a guest is shown.
  const publishedAt = meta.publishedAt ?? (frame.closingPaid ? null : frame.signedAt);
  // The document's own date tells its year better than the page that reposted it.
  const dated = frame.signedAt ?? publishedAt;
  const publishedYear = dated ? Number(dated.slice(0, 4)) : null;
  // A speech's subtitle dates it (——2026年2月10日在…会议上).
  const subtitleYear = frame.subtitle ? yearOf(frame.subtitle) : null;
  const statedYear = yearOf(title) ?? inheritedYear ?? subtitleYear ?? publishedYear;
  const inferredYear = statedYear === null ? inferYear(paragraphs.map((p) => p.text)) : null;
  const doc: ParsedDocument = {
    title,
    rawTitle,
    // A compilation's own genre tells more of its articles than their openings do.
    genre:
      genreOf(title) ??
      (frame.subtitle ? genreOf(frame.subtitle) : null) ??
      inheritedGenre ??
      genreOf('', openingText(paragraphs)),
    year: statedYear ?? inferredYear,
    publishedAt,
    tags: meta.tags,
    subtitle: frame.subtitle === null ? null : restoreWords(frame.subtitle).text,
    signature: frame.signature,
    signedAt: frame.signedAt,
    closingPaid: frame.closingPaid,
    source: meta.source,
    author: meta.author,
    yearInferred: inferredYear !== null,
    paragraphs,
    outline,
    freeChars,
    placeholders,
    restorations,
    removed: input.removed,
  };
  return { doc, paidBoundary: freeChars !== null };
}

/** The first paragraphs, where a salutation or a 现将…报告如下 tells a genre the title does not. */
function openingText(paragraphs: readonly { text: string }[]): string {
  return paragraphs
    .slice(0, 3)
    .map((p) => p.text)
    .join('\n');
}

function fallbackTitle(lines: readonly SourceLine[], given: string | undefined): string {
  if (given) return given;
  const first = lines.find((l) => l.text.length > 0)?.text ?? '';
  const sentence = first.replace(PAID_MARK, '').split(/[。！？!?]/)[0] ?? '';
  return sentence.length > 40 ? `${sentence.slice(0, 40)}…` : sentence;
}

/**
 * Understands one source text: cleans it (rule one: every removal recorded), splits a compilation into its
 * articles, and reads each article's title, genre, date, tags, outline, paragraph roles, paid boundary,
 * placeholders and restored words. Pure: the same text and options always give the same result.
 */
export function parseFile(text: string, options: ParseOptions = {}): ParsedFile {
  const lines = toSourceLines(text);
  const stats = options.lineStats ?? NO_LINE_STATS;
  const choice = findTitle(lines, stats);
  const titleIndex = choice?.index ?? -1;
  for (const i of choice?.repeats ?? []) removeLine(lines, i, 'title-repeat');
  const meta = removeNoiseLines(lines, titleIndex, choice?.title ?? null, stats);
  if (!choice) {
    const rawTitle = fallbackTitle(lines, options.fallbackTitle);
    const built = buildArticle({ rawTitle, lines, removed: collectRemoved(lines, 0, lines.length) }, meta, null, null);
    return finish(null, [built], []);
  }
  const fileTitle = choice.title;
  const compilation = compilationOf(fileTitle);
  const starts = compilation ? findCompilationArticles(lines, titleIndex, compilation.declaredCount) : [];
  if (!compilation || starts.length < 2) {
    removeFloatingToc(lines, titleIndex);
    const body = lines.slice(titleIndex + 1);
    // "标题（精选5篇）" over one document: the count is the site's 精选 page, not the document's title.
    const rawTitle = compilation ? fileTitle.replace(SITE_PICK_COUNT, '') : fileTitle;
    const removed = collectRemoved(lines, 0, lines.length);
    return finish(null, [buildArticle({ rawTitle, lines: body, removed }, meta, null, null)], []);
  }
  const compilationTitle = cleanTitle(fileTitle);
  const restoredCompilationTitle = restoreWords(compilationTitle).text;
  const genre = genreOf(restoredCompilationTitle.replace(/(?:材料)?汇编.*$/, ''));
  const year = yearOf(restoredCompilationTitle);
  removeTableOfContents(lines, titleIndex + 1, starts);
  const preamble = lines.slice(titleIndex + 1, starts[0]);
  const articles: BuiltArticle[] = starts.map((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const body = (k === 0 ? preamble : []).concat(lines.slice(start + 1, end));
    const article = { rawTitle: lines[start]!.text, lines: body, removed: collectRemoved(lines, start, end) };
    return buildArticle(article, meta, genre, year);
  });
  return finish(
    { title: restoredCompilationTitle, rawTitle: compilationTitle, declaredCount: compilation.declaredCount },
    articles,
    collectRemoved(lines, 0, starts[0] ?? 0),
  );
}

/** A compilation's table of contents: 目录 and lines naming its articles (page numbers and leaders aside). */
function removeTableOfContents(lines: SourceLine[], from: number, starts: readonly number[]): void {
  const bare = (text: string): string => text.replace(/[\s\u3000.…·．\d-]+$/, '').replace(/\s+/g, '');
  const titles = new Set(starts.map((i) => bare(lines[i]!.text)));
  for (let i = from; i < (starts[0] ?? from); i++) {
    const text = lines[i]!.text;
    if (text && (/^目\s*录$/.test(text) || titles.has(bare(text)))) removeLine(lines, i, 'compilation-toc');
  }
}

/** Articles after the one where the paid part begins are wholly paid. */
function finish(compilation: ParsedFile['compilation'], articles: BuiltArticle[], removed: RemovedSpan[]): ParsedFile {
  let paidFromHere = false;
  const documents = articles
    .map(({ doc, paidBoundary }) => {
      if (paidFromHere && doc.freeChars === null) doc.freeChars = 0;
      if (paidBoundary) paidFromHere = true;
      return doc;
    })
    .filter((doc) => doc.paragraphs.length > 0 || doc.title.length > 0);
  return { compilation, documents, removed };
}
