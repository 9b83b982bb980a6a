/** Chinese names of the cleaning rules, for people; JSON output keeps the rule ids. */
const RULE_LABELS: Readonly<Record<string, string>> = {
  'paywall-marker': '付费标记',
  watermark: '水印',
  'title-repeat': '重复标题',
  'ad-block': '广告',
  'site-meta': '发布信息',
  'site-tags': '标签栏',
  'site-related': '相关文章',
  'site-footer': '页脚版权',
  'site-intro': '小编导语',
  boilerplate: '站点套话',
  'site-breadcrumb': '导航路径',
  'site-toolbar': '页面工具栏',
  'site-banner': '站点推广',
  'site-caption': '图片说明',
  'site-download': '下载链接',
  'site-name': '站点名称',
  'before-title': '标题前内容',
  'site-pagenum': '页码',
  'site-end': '文末标记',
  'site-divider': '分隔线',
  'site-contact': '客服联系方式',
  'site-slot': '广告图片位',
  'site-call': '关注引导',
  'site-note': '文档说明',
  'site-comment': '跟帖回复',
  'after-body': '文后页面内容',
  'compilation-toc': '汇编目录',
  'site-disclaimer': '站点声明',
  'site-answer': '问答页面',
  'site-counter': '阅读计数',
  'site-ad': '推广位',
  'site-toc': '页面目录',
  'site-comments': '评论区',
  'zero-width': '零宽字符',
};

/** The Chinese name of a rule id; an id without one is shown as it is. */
export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule;
}

/** "广告 5、水印 3": how many spans each rule removed, most first. */
export function ruleCounts(rules: Iterable<string>): string {
  const counts: Record<string, number> = {};
  for (const rule of rules) counts[rule] = (counts[rule] ?? 0) + 1;
  return formatRuleCounts(counts);
}

/** Counts by rule id, for people: "广告 5、水印 3", most first. */
export function formatRuleCounts(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${ruleLabel(rule)} ${n}`)
    .join('、');
}

/** A character count for people: "1,668 字", "12.3 万字". */
export function charCount(chars: number): string {
  return chars < 10_000 ? `${chars.toLocaleString('en-US')} 字` : `${(chars / 10_000).toFixed(1)} 万字`;
}
