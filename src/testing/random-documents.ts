import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../bench/generate/prng.js';

/** The tests' seeded PRNG: the benchmark generator's. */
export const prng = mulberry32;

const POOL = '党建学习教育工作总结推进落实政治责任思想理论宣讲群众服务基层组织干部作风制度创新发展质量安全改革';

/** A distinct document: title, 一、 sections and sentences drawn from a small character pool. */
export function randomDocument(random: () => number, index: number, paragraphs = 8): string {
  const sentence = (): string => {
    let s = '';
    const n = 12 + Math.floor(random() * 30);
    for (let i = 0; i < n; i++) s += POOL[Math.floor(random() * POOL.length)];
    return `${s}。`;
  };
  const lines = [`第${index}号单位${['工作总结', '情况汇报', '讲话', '实施方案'][index % 4]}`, ''];
  for (let p = 0; p < paragraphs; p++) {
    if (p % 3 === 0) lines.push(`${'一二三四五六七八九十'[Math.floor(p / 3)]}、${sentence().slice(0, 8)}`);
    lines.push(Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(''));
  }
  return lines.join('\n');
}

/** Writes `count` random documents as .txt files into `dir`. */
export function writeRandomDocuments(dir: string, count: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `doc-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(path, randomDocument(random, i));
    return path;
  });
}
