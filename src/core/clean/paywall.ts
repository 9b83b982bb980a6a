import { PAID_MARK } from './chars.js';

/**
 * Paywall markers of 素材 sites. `##paidbegin##` opens the member-only part (at a line start or inside a
 * sentence); `##paidend##` closes it near the end. Chinese notices ("以下内容为会员专享") mark the same boundary.
 */
const PAID_BEGIN =
  /#{2,}\s*paid[\s_-]*begin\s*#{2,}|[【\[]?(?:以下|下面|剩余|后续)(?:内容|部分)?(?:为|需|仅限|需要)?(?:付费|会员|VIP|vip)(?:专享|可见|阅读|内容|查看)?(?:内容)?[】\]]?(?=\s*$)/gi;
const PAID_END = /#{2,}\s*paid[\s_-]*end\s*#{2,}/gi;

export interface PaywallResult {
  line: string;
  removed: string[];
  /** True when this line holds the paid boundary (as PAID_MARK at the marker's place). */
  begins: boolean;
}

/** Replaces the first paid-begin marker with PAID_MARK and drops paid-end markers; other begin markers are dropped too. */
export function markPaywall(line: string, alreadyBegun: boolean): PaywallResult {
  const removed: string[] = [];
  let begins = false;
  let out = line.replace(PAID_END, (m) => {
    removed.push(m);
    return '';
  });
  out = out.replace(PAID_BEGIN, (m) => {
    removed.push(m);
    if (alreadyBegun || begins) return '';
    begins = true;
    return PAID_MARK;
  });
  return { line: out, removed, begins };
}
