import { readFileSync } from 'node:fs';
import type { BenchQuery } from './engine.js';

const Q = (text: string, cls: string, extra: Partial<BenchQuery> = {}): BenchQuery => ({
  text,
  class: cls,
  scope: 'all',
  ...extra,
});

/**
 * The default query set: 1, 2, 3–4, 5–8 and 9+ characters, common and rare, outline scope, filters, absent
 * strings, and the any-punctuation mode.
 */
export const DEFAULT_QUERIES: readonly BenchQuery[] = [
  ...['党', '会', '民', '宣', '铸', '廉'].map((t) => Q(t, '1')),
  ...['党建', '调研', '信访', '防汛', '扶贫', '宣讲', '基层', '廉政', '台账'].map((t) => Q(t, '2')),
  ...['主题教育', '调查研究', '四下基层', '乡村振兴', '以学铸魂', '营商环境', '走深走实', '安全生产'].map((t) =>
    Q(t, '3-4'),
  ),
  ...['意识形态工作', '党风廉政建设', '高质量发展', '急难愁盼问题', '我为群众办实事', '第一议题'].map((t) =>
    Q(t, '5-8'),
  ),
  ...['新时代中国特色社会主义思想', '学习贯彻党的二十大精神', '把主题教育作为重要政治任务'].map((t) => Q(t, '9+')),
  ...['存在问题', '下一步工作计划', '以学', '一是', '党'].map((t) => Q(t, 'outline', { scope: 'outline' })),
  Q('党建', 'filter', { genre: '总结' }),
  Q('宣讲', 'filter', { genre: '汇报' }),
  Q('主题教育', 'filter', { genre: '讲话' }),
  ...['蜜雪冰城火锅店', '量子计算机', '区块链金融', '航天员', '鎏'].map((t) => Q(t, 'absent')),
  // Any punctuation (sucai and the scan): a mark inside, at either end, at both, two in a row.
  ...['学思想，强党性', '以学铸魂；以学增智', '主题教育，', '“主题教育”', '高质量发展。', '工作。”'].map((t) =>
    Q(t, 'any-punct', { punctuation: 'any' }),
  ),
];

function classOf(text: string): string {
  const n = [...text].length;
  return n === 1 ? '1' : n === 2 ? '2' : n <= 4 ? '3-4' : n <= 8 ? '5-8' : '9+';
}

/** Reads a query file: one query per line, optional `<TAB>class` (outline → outline scope). */
export function loadQueries(path: string): BenchQuery[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0 && !l.startsWith('#'))
    .map((line) => {
      const [text, cls] = line.split('\t');
      const c = cls?.trim() || classOf(text!);
      return Q(text!, c, c === 'outline' ? { scope: 'outline' } : {});
    });
}
