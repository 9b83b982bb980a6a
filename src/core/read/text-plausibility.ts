/**
 * How plausible a decoding is as Chinese text. A wrong encoding gives characters at random: few of them
 * among the frequent ones, or replacement characters where bytes do not decode.
 */

/**
 * The most frequent characters of modern written Chinese, most frequent first (together about half of
 * running text). Text in its right encoding is mostly these; bytes read in another encoding are not.
 */
const FREQUENT_HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本' +
  '去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总' +
  '次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权' +
  '收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连' +
  '断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const frequentHanzi = new Uint8Array(65536);
for (let i = 0; i < FREQUENT_HANZI.length; i++) frequentHanzi[FREQUENT_HANZI.charCodeAt(i)] = 1;

/** Chinese characters a text needs before their frequencies tell. */
export const MIN_HANZI = 100;
/** The share of frequent characters at or above which a reading is ordinary Chinese (about half in real text). */
export const MIN_FREQUENT_SHARE = 0.3;
/** The share below which a reading of enough Chinese characters is mojibake (random characters: a few percent). */
export const MOJIBAKE_SHARE = 0.12;

/** What a decoding looks like as Chinese text. */
export interface Reading {
  /** Characters in U+4E00..U+9FFF. */
  hanzi: number;
  /** Share of those among the frequent characters (0 when there are none). */
  frequentShare: number;
  /** Characters outside ASCII, replacement characters included. */
  nonAscii: number;
  /** Replacement characters (U+FFFD): bytes that did not decode. */
  replaced: number;
}

/** Measures a decoded text as Chinese. */
export function readingOf(text: string): Reading {
  let hanzi = 0;
  let frequent = 0;
  let nonAscii = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replaced++;
    else if (c >= 0x4e00 && c <= 0x9fff) {
      hanzi++;
      frequent += frequentHanzi[c]!;
    }
  }
  return { hanzi, frequentShare: hanzi === 0 ? 0 : frequent / hanzi, nonAscii, replaced };
}

/**
 * Few replacement characters, at most `share` of the non-ASCII ones (and at least two allowed, for a file
 * cut short), and four or more decoded characters for each: damaged text, not another encoding.
 */
export function readsAsDamaged(reading: Reading, share: number): boolean {
  const { replaced, nonAscii } = reading;
  return replaced <= Math.max(2, share * nonAscii) && nonAscii - replaced >= 4 * replaced && !readsAsMojibake(reading);
}

/** Enough Chinese characters, a third or more of them frequent: ordinary simplified Chinese. */
export function readsAsOrdinaryChinese(reading: Reading): boolean {
  return reading.hanzi >= MIN_HANZI && reading.frequentShare >= MIN_FREQUENT_SHARE;
}

/** Enough Chinese characters and almost none frequent: bytes read in the wrong encoding. */
export function readsAsMojibake(reading: Reading): boolean {
  return reading.hanzi >= MIN_HANZI && reading.frequentShare < MOJIBAKE_SHARE;
}
