import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { mulberry32 } from './prng.js';
import type { SeedMaterial } from './seed-material.js';

const THEMES = [
  '主题教育',
  '党建工作',
  '理论宣讲',
  '防汛工作',
  '信访工作',
  '乡村振兴',
  '安全生产',
  '意识形态工作',
  '党风廉政建设',
  '营商环境',
  '调查研究',
  '基层治理',
  '作风建设',
  '巩固脱贫攻坚成果',
  '党史学习教育',
];
const UNITS = ['XX局', 'xx县', 'xx市', 'X局', '市委办', 'xx区', 'XX公司', 'xx镇', 'XX学校', '市直机关'];
const GENRES = [
  '工作总结',
  '阶段性总结报告',
  '工作开展情况汇报',
  '情况汇报',
  '讲话稿',
  '推进会上的讲话',
  '实施方案',
  '工作方案',
  '心得体会',
  '研讨发言',
  '经验材料',
  '经验交流材料',
  '综述',
  '调研报告',
  '述职报告',
];
const NUMERALS = '一二三四五六七八九十';
const BRANDS = ['笔杆子文库', '公文素材站', '金笔代写', '文稿君素材库', '材料大师'];
const AD_TEMPLATES = [
  (b: string) => `【${b}】——每日更新公文范文500篇，会员免费下载，一键精准搜索，联系微信：bgz${b.length}024`,
  (b: string) => `需要更多材料请添加客服QQ：1234${b.length}678，开通VIP会员即可一键下载${b}全部资料`,
  (b: string) => `【${b}】各类材料代写代笔，高度保密，好评如潮，电话：139 1234 56${b.length}8`,
  (b: string) => `欢迎加入“${b}svip会员”，海量材料，谨防假冒，认准唯一平台（公众号：${b}）`,
];
const WATERMARKS = [
  '[最*新热点素材尽在【公^众号：%~长君】#]',
  '[更多@资料%请关注微&信：笔^杆子]',
  '【关*注公~众号：文稿君】',
];

export interface GenerateOptions {
  dir: string;
  chars: number;
  /** Stop after this many files, whatever their size (the daily-update step writes 1000). */
  files?: number;
  seed?: number;
  onProgress?: (chars: number) => void;
}

export interface GeneratedCorpus {
  files: number;
  chars: number;
  /** Ground truth: what noise each file carries and which file it duplicates. */
  manifest: Array<{
    file: string;
    kind: 'article' | 'compilation' | 'duplicate' | 'near-duplicate';
    noise: string[];
    duplicateOf?: string;
  }>;
}

/**
 * Writes a realistic raw corpus built from the seeds' structure and sentences: titles from theme and genre,
 * 一、/（一）/一是 outlines, placeholders, obfuscations, and noise in realistic proportions (site chrome, ads of
 * several invented sites, watermarks, paywall markers), with compilations, exact duplicates in other encodings
 * and near-duplicates. Deterministic for a seed.
 */
export function generateCorpus(material: SeedMaterial, options: GenerateOptions): GeneratedCorpus {
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number): boolean => random() < p;
  const sentence = (theme: string): string => pick(material.sentences).replace(/主题教育/g, theme);
  const paragraph = (theme: string, n: number): string => Array.from({ length: n }, () => sentence(theme)).join('');
  mkdirSync(options.dir, { recursive: true });
  const manifest: GeneratedCorpus['manifest'] = [];
  const written: Array<{ file: string; text: string }> = [];
  let chars = 0;
  let files = 0;

  const article = (theme: string, title: string, noise: string[]): string[] => {
    const lines: string[] = [title, ''];
    const obfuscate = chance(0.3);
    lines.push(`${paragraph(theme, 2)}现将有关情况报告如下：`);
    const sections = 2 + Math.floor(random() * 4);
    const paidAt = chance(0.4) ? 1 + Math.floor(random() * sections) : -1;
    for (let s = 0; s < sections; s++) {
      let heading = `${NUMERALS[s]}、${pick(material.headings)}`;
      if (chance(0.08)) {
        heading += pick(WATERMARKS);
        noise.push('watermark');
      }
      if (s === paidAt) {
        lines.push(`##paidbegin##${heading}`);
        noise.push('paywall');
      } else lines.push(heading);
      const subs = chance(0.5) ? 2 + Math.floor(random() * 3) : 0;
      if (subs === 0) {
        for (let i = 0; i < 2 + Math.floor(random() * 3); i++)
          lines.push(`${NUMERALS[i]}是${pick(material.items)}。${paragraph(theme, 2 + Math.floor(random() * 4))}`);
      } else {
        for (let i = 0; i < subs; i++)
          lines.push(`（${NUMERALS[i]}）${pick(material.headings)}。${paragraph(theme, 3 + Math.floor(random() * 5))}`);
      }
    }
    lines.push(paragraph(theme, 2));
    if (paidAt >= 0) lines.push('', '##paidend##');
    return obfuscate
      ? lines.map((l) => l.replace(/党的/g, 'D的').replace(/党员/g, 'D员').replace(/党史/g, 'dangshi'))
      : lines;
  };

  const write = (
    name: string,
    bytes: Uint8Array | string,
    kind: GeneratedCorpus['manifest'][number]['kind'],
    noise: string[],
    duplicateOf?: string,
  ): void => {
    const sub = join(options.dir, String(Math.floor(files / 1000)).padStart(3, '0'));
    if (files % 1000 === 0) mkdirSync(sub, { recursive: true });
    const file = join(sub, name);
    writeFileSync(file, bytes);
    manifest.push({ file, kind, noise, ...(duplicateOf ? { duplicateOf } : {}) });
    files++;
  };

  while (chars < options.chars && (options.files === undefined || files < options.files)) {
    const id = String(files).padStart(6, '0');
    const roll = random();
    if (roll < 0.03 && written.length > 0) {
      const original = pick(written);
      const encoding = chance(0.5) ? 'gb18030' : 'utf-16le';
      const bytes =
        encoding === 'utf-16le'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(original.text, 'utf-16le')])
          : iconv.encode(original.text, encoding);
      write(`${id}.txt`, bytes, 'duplicate', [encoding], original.file);
      chars += original.text.length;
      continue;
    }
    if (roll < 0.05 && written.length > 0) {
      const original = pick(written);
      const changed =
        original.text.replace(/工作/, '工 作').replace(/扎实/, '切实').replace(/推进/, '推动') +
        `\n\n版权所有：${pick(BRANDS)}网 未经授权禁止复制`;
      write(`${id}.txt`, changed, 'near-duplicate', ['site-footer'], original.file);
      chars += changed.length;
      continue;
    }
    const theme = pick(THEMES);
    const noise: string[] = [];
    const title = `${chance(0.3) ? `${2019 + Math.floor(random() * 6)}年` : ''}${pick(UNITS)}${theme}${pick(GENRES)}`;
    let lines: string[];
    let kind: 'article' | 'compilation' = 'article';
    if (chance(0.03)) {
      kind = 'compilation';
      const n = 3 + Math.floor(random() * 6);
      lines = [`${theme}工作总结材料汇编（${n}篇）`, '', '', ''];
      for (let a = 0; a < n; a++) {
        const body = article(
          theme,
          `${pick(UNITS)}${theme}${pick(['扎实推进', '走深走实', '见行见效', '取得实效'])}`,
          noise,
        );
        lines.push(...body.filter((l) => !l.includes('##paid')), '', '');
      }
    } else {
      lines = article(theme, title, noise);
      if (chance(0.3)) {
        const day = `${2020 + Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
        lines.splice(
          1,
          0,
          '',
          `时间:${day} 09:40:02  来源:网友投稿`,
          '',
          `下面是小编为大家整理的${title},供大家参考。`,
          '',
          title,
          '',
        );
        noise.push('site-meta', 'site-intro', 'title-repeat');
      }
    }
    if (chance(0.4)) {
      const brand = pick(BRANDS);
      const at = lines.findIndex((l) => l === '##paidend##');
      const ads = [
        '',
        ...AD_TEMPLATES.filter(() => chance(0.7)).map((t) => t(brand)),
        ...(chance(0.3) && material.adLines.length ? [pick(material.adLines)] : []),
      ];
      if (at >= 0) lines.splice(at - 1, 0, ...ads);
      else lines.push(...ads);
      noise.push('ad-block');
    }
    if (chance(0.3)) {
      lines.push(
        '',
        `推荐访问:${title} ${theme} ${pick(GENRES)}`,
        '',
        '相关文章',
        '',
        `版权所有:${pick(BRANDS)}网 2010-2024 未经授权禁止复制`,
        '',
        `Powered by ${pick(BRANDS)}网 © All Rights Reserved. 沪ICP备12033476号-1`,
      );
      noise.push('site-tags', 'site-related', 'site-footer');
    }
    const text = lines.join('\n');
    const name = `${id}.txt`;
    write(name, text, kind, noise);
    written.push({ file: manifest[manifest.length - 1]!.file, text });
    if (written.length > 2000) written.splice(0, 1000);
    chars += text.length;
    if (files % 500 === 0) options.onProgress?.(chars);
  }
  return { files, chars, manifest };
}
