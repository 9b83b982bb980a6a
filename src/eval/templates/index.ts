import { gezhi, lantai, shibi, yunjian } from './tuned-html.js';
import { moyan, qingjian, wenshu } from './tuned-text.js';
import { songyan, yanchi, zhujian } from './tuned-text-more.js';
import type { SiteTemplate } from './template.js';
import { bigan, bitan, fagaiwei, wenzhi } from './tuned-far-html.js';
import { diancang, gaoyuan, juanzong, wenmiba, zhengkuai } from './tuned-far-text.js';
import { fanwenxuan, luntan, wenku, zhengwu } from './tuned-wild-html.js';
import { bokemd, gongzhonghao, sanrenxing, wendang } from './tuned-wild-text.js';
import { biaoti, bizhen, fujian, jingxuan, luxian, tuijian, wenhai, yunpan } from './tuned-more-sites.js';

import { RETIRED_HELD_OUT } from './retired-held-out.js';
import { WRITTEN_HELD_OUT } from './tuned-self-held.js';

export { HELD_OUT_TEMPLATES } from './held-out.js';

/** The templates a tuner may see: their pages, per-template rows and failures. */
export const TUNED_TEMPLATES: readonly SiteTemplate[] = [
  qingjian,
  moyan,
  wenshu,
  yanchi,
  songyan,
  zhujian,
  shibi,
  yunjian,
  gezhi,
  lantai,
  gongzhonghao,
  wendang,
  bokemd,
  wenku,
  luntan,
  zhengwu,
  fanwenxuan,
  sanrenxing,
  juanzong,
  gaoyuan,
  diancang,
  zhengkuai,
  wenmiba,
  bigan,
  bitan,
  fagaiwei,
  wenzhi,
  wenhai,
  bizhen,
  yunpan,
  biaoti,
  luxian,
  jingxuan,
  fujian,
  tuijian,
  // Held out until 2026-12-08, then tuned on; two new sites took their place (held-out.ts).
  ...RETIRED_HELD_OUT,
  // Written as held-out on 2026-12-08 by the tuner and held out for one run: tuned on since.
  ...WRITTEN_HELD_OUT,
];
