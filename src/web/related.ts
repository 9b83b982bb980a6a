import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { LRUCache } from 'lru-cache';
import type { ReaderView } from '../core/access/reader-view.js';
import type { Library } from '../library.js';

/** A document near another in content. */
export interface RelatedDocument {
  id: number;
  title: string;
}

/** Words every 公文 uses: they say nothing of what a document is about. */
const GENERIC = new Set(
  (
    '工作 开展 加强 推进 推动 情况 方面 讲话 总结 报告 方案 实施方案 通知 意见 关于 一是 二是 三是 进一步 全面 深入 ' +
    '坚持 持续 扎实 切实 有关 问题 总体 要求 主要 做法 下一步 计划 成效 措施 全局 我们 同志 重要 全体 各级 单位 ' +
    '部门 组织 相关 实施 落实 提升 不断 积极 建设 发展 做好 抓好 目标 任务 保障 领导 阶段性 专题 活动 会议 xx XX'
  ).split(' '),
);

const KEYWORDS = 6;
const PER_KEYWORD = 30;
const SHOWN = 6;

let segmenter: { jieba: Jieba; tfidf: TfIdf } | null = null;

/** What a document is about: the TF-IDF keywords of its title and headings (the outline a guest sees too). */
export function keywordsOf(view: Pick<ReaderView, 'title' | 'outline'>): Array<{ keyword: string; weight: number }> {
  segmenter ??= { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf) };
  // The title counts double: it names the subject, headings its parts.
  const text = [view.title, view.title, ...view.outline.map((o) => o.text)].join('\n');
  return segmenter.tfidf
    .extractKeywords(segmenter.jieba, text, KEYWORDS * 3)
    .filter((k) => k.keyword.length >= 2 && !GENERIC.has(k.keyword) && !/^[\dXx]+$/.test(k.keyword))
    .slice(0, KEYWORDS);
}

/**
 * Related documents: those where the document's keywords occur, weighted by keyword and rank, searched as a
 * guest (paid text never matches). Cheap enough per document and cached per library generation.
 */
export class Related {
  private readonly cache = new LRUCache<string, RelatedDocument[]>({ max: 2000 });

  constructor(private readonly library: Library) {}

  async of(id: number, view: Pick<ReaderView, 'title' | 'outline'>): Promise<RelatedDocument[]> {
    const key = `${this.library.generation}:${id}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const scores = new Map<number, { title: string; score: number; keywords: number }>();
    for (const { keyword, weight } of keywordsOf(view)) {
      const found = await this.library.search(keyword, {
        access: 'free',
        limit: PER_KEYWORD,
        snippets: false,
      });
      found.hits.forEach((hit, rank) => {
        if (hit.id === id) return;
        const entry = scores.get(hit.id) ?? { title: hit.title, score: 0, keywords: 0 };
        entry.score += weight / (1 + rank / 10);
        entry.keywords++;
        scores.set(hit.id, entry);
      });
    }
    // Near in content: sharing two keywords or more, when enough do; else the best of those sharing one.
    const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    const strong = ranked.filter(([, e]) => e.keywords >= 2);
    const related = (strong.length >= 3 ? strong : ranked).slice(0, SHOWN).map(([docId, e]) => ({
      id: docId,
      title: e.title,
    }));
    this.cache.set(key, related);
    return related;
  }
}
