import type { Restoration } from '../document.js';

/**
 * Obfuscated words from source sites' sensitive-word filters, restored in context only:
 * "D的/D员/D委…" → 党的/党员/党委, "dangshi" → 党史, "AAA公众号" → 微信公众号. "LED", "3D", "CAD", "D级" stay.
 */
interface RestoreRule {
  pattern: RegExp;
  restored: string;
}

/** Characters that follow 党 in the compounds the filters mangle (党的, 党员, 党委, 党组, 党支部, 党课, 党中央, 党日 …). */
const PARTY_COMPOUND = '的员委组支课建性工风纪政章旗徽史校务内外日代中籍费群小总领和同旗';

const RULES: readonly RestoreRule[] = [
  { pattern: new RegExp(`(?<![A-Za-z0-9\\-_.])D(?=[${PARTY_COMPOUND}])`, 'g'), restored: '党' },
  { pattern: /(?<![A-Za-z])dangshi(?![A-Za-z])/gi, restored: '党史' },
  { pattern: /(?<![A-Za-z])dangjian(?![A-Za-z])/gi, restored: '党建' },
  { pattern: /(?<![A-Za-z])dangyuan(?![A-Za-z])/gi, restored: '党员' },
  { pattern: /(?<![A-Za-z])dangwei(?![A-Za-z])/gi, restored: '党委' },
  // 感D恩、听D话、跟D走, 入D, 全D, 从严治D: 党 as the object of a verb the filters left standing.
  { pattern: /(?<=[感听跟爱入建全治管兴强护])D(?![A-Za-z0-9])/g, restored: '党' },
  { pattern: /(?<=[\u4e00-\u9fff])D(?=[恩话走])/g, restored: '党' },
  // "XXAAA公众号": a placeholder may precede it; AAA级 (a rating) stays.
  { pattern: /(?<![A-WYZa-wyz])AAA(?=公众号|视频号|小程序|朋友圈|群|号|支付|扫一扫)/g, restored: '微信' },
];

const MAY_HOLD_OBFUSCATION = /[DdA]/;

/** Restores one string; offsets of the restorations are relative to the returned text, plus `base`. */
export function restoreWords(text: string, base = 0): { text: string; restorations: Restoration[] } {
  // Every rule's match holds a D, a d or an A: most Chinese paragraphs hold none and need no rule tried.
  if (!MAY_HOLD_OBFUSCATION.test(text)) return { text, restorations: [] };
  const hits: Array<{ index: number; original: string; restored: string }> = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      hits.push({ index: m.index, original: m[0], restored: rule.restored });
    }
  }
  if (hits.length === 0) return { text, restorations: [] };
  hits.sort((a, b) => a.index - b.index);
  let out = '';
  let last = 0;
  const restorations: Restoration[] = [];
  for (const hit of hits) {
    if (hit.index < last) continue;
    out += text.slice(last, hit.index);
    restorations.push({ offset: base + out.length, original: hit.original, restored: hit.restored });
    out += hit.restored;
    last = hit.index + hit.original.length;
  }
  out += text.slice(last);
  return { text: out, restorations };
}
