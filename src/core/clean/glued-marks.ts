import { isSiteName } from './site-chrome.js';

/**
 * Watermarks glued into a sentence without a bracket: a site's name between a pair of symbols
 * ("◆某某网◆", "→某某网←", "#某某素材库#"), an account's handle ("@某某公众号"), and an address spelt to
 * dodge a filter, in full-width letters ("ＷＷＷ．ＸＸ．ＣＯＭ") or with a dot after every letter
 * ("w.w.w.x.x.c.o.m"). An address written plainly (登录www.gov.cn查询) is a notice's own and stays.
 */
const SYMBOL_PAIR =
  /([◆◇■□●○★☆▲△♦※#＃~～|｜])([^\s\n◆◇■□●○★☆▲△♦※#＃~～|｜]{2,20}?)\1|→([^\s→←]{2,20}?)←|»([^\s»«]{2,20}?)«/g;
const HANDLE = /[@＠][\u4e00-\u9fff\w]{2,12}?(?:公众号|官微|微博|网|素材库)/g;
const FULL_WIDTH_ADDRESS =
  /[Ｗｗ]{3}[．.][Ａ-Ｚａ-ｚ０-９－]{2,30}[．.](?:ＣＯＭ|ＣＮ|ＮＥＴ|ＯＲＧ|ｃｏｍ|ｃｎ|ｎｅｔ|ｏｒｇ)/g;
const DOTTED_ADDRESS = /\bw[.．]w[.．]w[.．](?:[a-z0-9][.．]){2,30}(?:c[.．]o[.．]m|c[.．]n|n[.．]e[.．]t)\b/gi;

/** Whether a name between symbols is a site's or a channel's: never a phrase of content. */
function namesASite(name: string): boolean {
  return isSiteName(name) || /公众号|素材|范文网|文库/.test(name);
}

export function stripGluedMarks(line: string): { line: string; removed: string[] } {
  const removed: string[] = [];
  const drop = (m: string): string => {
    removed.push(m);
    return '';
  };
  const out = line
    .replace(SYMBOL_PAIR, (m, _s: string, paired?: string, arrowed?: string, quoted?: string) =>
      namesASite(paired ?? arrowed ?? quoted ?? '') ? drop(m) : m,
    )
    .replace(HANDLE, drop)
    .replace(FULL_WIDTH_ADDRESS, drop)
    .replace(DOTTED_ADDRESS, drop);
  return { line: out, removed };
}
