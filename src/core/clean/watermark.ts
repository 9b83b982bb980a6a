import { SITE_TLDS } from './chars.js';
import { stripGluedMarks } from './glued-marks.js';
import { isSiteName } from './site-chrome.js';

/**
 * Injected watermarks: bracketed promotional spans glued to headings or sentences, often with symbols
 * inserted to dodge filters ("[最*新热点素材尽在【公^众号：%~长君】#]"). A bracketed span is a watermark when
 * its text, with the dodge symbols taken out, promotes a channel; plain bracketed content stays.
 */
const BRACKETED =
  /〘[^〘〙\n]{1,40}〙|〚[^〚〛\n]{1,40}〛|⟦[^⟦⟧\n]{1,40}⟧|\[[^[\]\n]{1,80}\]|【[^【】\n]{1,40}】|\{[^{}\n]{1,60}\}|〖[^〖〗\n]{1,40}〗|「[^「」\n]{1,40}」|『[^『』\n]{1,40}』|《[^《》\n]{1,40}》|〈[^〈〉\n]{1,40}〉|﹝[^﹝﹞\n]{1,40}﹞|〔[^〔〕\n]{1,40}〕|<{1,2}[^<>\n]{1,40}>{1,2}|［[^［］\n]{1,40}］|（[^（）\n]{1,40}）|\([^()\n]{1,40}\)|[【〖「『〔［﹝〈][^【】〖〗「」『』〔〕［］﹝﹞〈〉\n]{1,40}[】〗」』〕］﹞〉]/g;
/** Brackets that hold content (a note, a title, a quotation), with one character at each end. */
const CONTENT_OPENER = /^[（(《「『〔]/;
/** A bracket opening inside such a span: a span within it is looked at first. */
const INNER_OPENER = /[【〖「『〔［﹝〈[(（《〘〚⟦<{]/;
/** Zero-width spaces and joiners: invisible, so a filter's word list never matches across them. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/**
 * Any symbol a filter's word list never holds dodges it: the ASCII ones, stars and shapes, and any other mark
 * of Unicode's symbol classes (❤ ✿ ♪ ☞ ¤ ▪ ◎) or a stray mark (§ ¶ †) standing between two characters of a
 * word, where no sentence puts one (a figure's ≥, ℃ or % stands by digits); so does any other punctuation but a
 * sentence's own (‖ ‡ ⁂), wherever it comes from.
 */
const DODGE_SYMBOLS =
  /[*^%~&#@$!_+=|\\/`'·•\-－\s\u200b-\u200d\u2060\ufeff丶\p{S}§※¶†‡]|(?![，。、；：？！,.;:?!“”‘’"'…])\p{Po}/gu;
const HAS_DODGE_SYMBOL =
  /[*^~&#@$!_+=|\\/`\u200b-\u200d\u2060★☆◆◇■□●○※♦▲△♥♡]|(?<![\d.])%|[\u4e00-\u9fff](?:[·•\-－丶丨]|(?:[\p{S}§¶†‡]|(?![，。、；：？！,.;:?!“”‘’"'…])\p{Po})+)[\u4e00-\u9fff]/u;
const BRACKET_CHARS = /[【】[\]〖〗「」『』《》〈〉﹝﹞〔〕［］〘〙〚〛⟦⟧<>]/g;
const PROMO = /素材|公众号|公号|微信|关注|尽在|获取|领取|下载|会员|搜索|热点|原创|QQ|qq|VX|vx|加群|扫码|网盘/;
const STRONG_PROMO = /公众号|素材|微信|扫码|加群|免费领取|(?:VX|vx|wx|WX|QQ|qq)\s*[:：]\s*[\w-]{4,}/;
/** A site's own name or claim ("拾笔公文网", "版权所有"): a watermark when dodge symbols break it up. */
const SITE_WORD =
  /网|站|库|文稿|范文|版权|所有|笔记|文库|材料|写作|文秘|出品|转载|首发|独家|整理|社区|论坛|博客|公社|平台|资料|文档/;
/** A web address, once full-width letters are folded and spaced letters closed up ("ｗｗｗ．…", "w w w . …"). */
const DOMAIN = new RegExp(
  String.raw`(?:www\.|https?:\/\/)[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:${SITE_TLDS})\b`,
  'i',
);
/** A site naming itself as the maker of the text: "政务快报整理", "笔谈博客原创", "问知社区APP专享". */
const SITE_CLAIM =
  /^[\w\u4e00-\u9fff]{1,10}(?:网|站|库|社|报|客|圈|坛|区|馆|台|平台|app|文库|范文|文稿|笔记|素材|写作|文秘)(?:原创|整理|提供|首发|独家|出品|专享|独家发布|版权所有)$/i;
const CLAIM_WORD = /原创|整理|首发|独家|出品|专享|版权所有|转载/;
/** A name spelt out between one repeated symbol ("★稿★源★网★首★发★"): no bracket, the symbol is the dodge. */
const SYMBOL_SPELT = /([★☆◆◇■□●○▲△♦※])(?:[\u4e00-\u9fffA-Za-z0-9]\1){3,}/g;

/** The span's text as a filter would read it: full-width letters folded, spaced ASCII closed up. */
function folded(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?<=[\x21-\x7e])\s+(?=[\x21-\x7e])/g, '');
}

/**
 * Letters spelt to dodge a filter and nothing else: spaced one by one ("s h u g e w d") or in full-width forms
 * ("ＸＩＡＮＧＹＵＮ"). Content writes neither; a bracket of them is a site's name.
 */
const SPELT_LETTERS = /^(?:[A-Za-z\d](?:\s+[A-Za-z\d]){3,}|[Ａ-Ｚａ-ｚ０-９]{4,})$/;
/** A bracketed claim on the text for a site: "〔转载请注明：某某网〕", "【来源：某某文库】". */
const BRACKET_CLAIM =
  /^(?:转载请注明|转载请保留|转载须注明|本文来自|原文来自|转自|转载自|出自|来源|出处)(?:出处|来源)?\s*[:：]?\s*\S{2,20}$|^本(?:资料|文档?|内容)来(?:源|自)于?网络$/;
/** A site's word on its rights, in any bracket: "（原创不易，转载请注明）", "【侵权联系删除】". */
const SITE_RIGHTS = /转载请?(?:注明|保留)|转载须注明|侵权(?:请)?(?:联系)?(?:删除|必究)|侵删|版权(?:归.{1,10}所有|所有)/;
/**
 * A round bracket's promotion, said with its call to act: follow or add an account to get more, or visit a
 * site for more ("（关注公众号：某某，获取更多素材）", "（更多范文请访问某某网）"). A notice's own brackets
 * name an account (（微信公众号：某某发布）) but never offer the reader more for following it.
 */
const ROUND_PROMO =
  /(?:关注|加|添加|搜索)[^，。）)]{0,3}(?:公众号|微信|VX|vx|QQ)[^）)]{0,16}(?:获取|领取|更多|素材|全文|范文|资料)|(?:微信|公众号)搜索\s*[:：]|更多(?:范文|素材|资料|文档|精彩)[^）)]{0,8}(?:访问|关注|搜索)/;

function isWatermark(span: string): boolean {
  const raw = span.slice(1, -1);
  if (!span.startsWith('（') && !span.startsWith('(') && SPELT_LETTERS.test(raw.trim())) return true;
  if (BRACKET_CLAIM.test(raw.trim()) && (SITE_WORD.test(raw) || /公众号|网络/.test(raw))) return true;
  if ((ROUND_PROMO.test(raw) || SITE_RIGHTS.test(raw)) && raw.length <= 30) return true;
  // A site's name alone in a bracket other than a document's 《》 or a note's round one: "<某某网>".
  if (!CONTENT_OPENER.test(span) && isSiteName(raw.trim()) && /[网站库]$/.test(raw.trim())) return true;
  const inner = folded(raw);
  const bare = inner.replace(DODGE_SYMBOLS, '').replace(BRACKET_CHARS, '');
  // Full-width symbols (＊＃＠) dodge as their ASCII forms do; zero-width ones are seen before folding.
  const dodged = (HAS_DODGE_SYMBOL.test(raw) || HAS_DODGE_SYMBOL.test(inner)) && /[\u4e00-\u9fff]{2}/.test(bare);
  const promoted = PROMO.test(bare) && (dodged || STRONG_PROMO.test(bare));
  const addressed = DOMAIN.test(inner);
  // Round brackets hold content often (a notice's "（网址：www.gov.cn）"): only a dodged span or a site
  // claiming the text under its address is a watermark there.
  if (span.startsWith('（') || span.startsWith('(')) {
    return (
      (dodged && (PROMO.test(bare) || SITE_WORD.test(bare))) ||
      (addressed && (CLAIM_WORD.test(bare) || SPELT_LETTERS.test(raw.replace(/[.．]/g, '')))) ||
      SITE_CLAIM.test(bare)
    );
  }
  return (
    promoted ||
    (dodged && SITE_WORD.test(bare)) ||
    (addressed && (SITE_WORD.test(bare) || PROMO.test(bare) || /^[\w.:/-]+$/.test(bare))) ||
    SITE_CLAIM.test(bare)
  );
}

/** Returns the line without watermark spans, and the removed spans. */
export function stripWatermarks(line: string): { line: string; removed: string[] } {
  const removed: string[] = [];
  const out = line
    .replace(BRACKETED, (span) => {
      // A watermark set inside content's own brackets ("（2023年3月13日第十【竹*简^文库】四届…通过）"): the
      // inner span goes, the brackets around it and their words stay.
      const inner = span.slice(1, -1);
      const within = CONTENT_OPENER.test(span) && INNER_OPENER.test(inner) ? stripWatermarks(inner) : null;
      if (within !== null && within.removed.length > 0) {
        removed.push(...within.removed);
        return span[0]! + within.line + span[span.length - 1]!;
      }
      // 《》 names a document or a work: only a dodged or addressed span in it is a watermark.
      if (span.startsWith('《') && !HAS_DODGE_SYMBOL.test(span) && !DOMAIN.test(folded(span))) return span;
      if (!isWatermark(span)) return span;
      removed.push(span);
      return '';
    })
    .replace(SYMBOL_SPELT, (span) => {
      const bare = span.replace(/[★☆◆◇■□●○▲△♦※]/g, '');
      if (!SITE_WORD.test(bare) && !PROMO.test(bare)) return span;
      removed.push(span);
      return '';
    });
  const glued = stripGluedMarks(out);
  return { line: glued.line, removed: [...removed, ...glued.removed] };
}
