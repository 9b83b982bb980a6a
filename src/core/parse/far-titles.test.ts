import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml } from '../read/extract-html.js';
import { parseFile } from './parse-file.js';
import { cleanTitle } from './title.js';
import { NOTICE_BODY, NOTICE_TITLE } from '../../testing/sample-text.js';

const BODY = NOTICE_BODY;
const TITLE = NOTICE_TITLE;

const titleOf = (head: string): string => parseFile(`${head}\n${BODY}`).documents[0]!.title;

describe('titles given as farther sites give them', () => {
  it('reads a title from a 标题： field when no line carries it', () => {
    assert.equal(
      titleOf(`卷宗范文网——机关笔杆子的资料柜\n标题：${TITLE}\n栏目：政策文件\u3000更新：2019-01-22`),
      TITLE,
    );
  });

  it('takes the site’s name off a head line that puts it first', () => {
    assert.equal(titleOf(`典藏文档馆 - ${TITLE}\n${TITLE}`), TITLE);
  });

  it('takes a forum’s [复制链接] off the title', () => {
    assert.equal(titleOf(`返回列表 发新帖\n${TITLE} [复制链接]\n电梯直达 楼主`), TITLE);
  });

  it('reads the title at a breadcrumb’s end, passing the banner above it', () => {
    assert.equal(
      titleOf(`政务快报\n您所在的位置：首页 > 政务公开 > 政策文件 > ${TITLE}\n发布时间：2019-01-22 10:00:00`),
      TITLE,
    );
  });

  it('never takes a document number, a slashed toolbar or a subtitle for the title', () => {
    assert.equal(titleOf(`下载 / 打印 / 全屏 / 收藏 / 【字号：加大 还原 减小】\n${TITLE}`), TITLE);
    const speech = parseFile(
      [
        '政府工作报告 [复制链接]',
        '——2025年1月16日在陕西省第十四届人民代表大会第三次会议上',
        '省长　赵刚',
        '各位代表：',
        '现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。',
      ].join('\n'),
    ).documents[0]!;
    assert.equal(speech.title, '政府工作报告');
  });

  it('cleans file extensions, page dates, 【】 page words and a column before the site off a title', () => {
    assert.equal(cleanTitle(`${TITLE}.docx`), TITLE);
    assert.equal(cleanTitle(`${TITLE} 2019-01-22`), TITLE);
    assert.equal(cleanTitle(`${TITLE}【完整版】`), TITLE);
    assert.equal(cleanTitle(`${TITLE}_政策文件_某某范文网`), TITLE);
    // A title's own ending that reads like a column stays when no site follows it.
    assert.equal(cleanTitle('某某县2024年上半年_工作总结'), '某某县2024年上半年_工作总结');
  });
});

describe('HTML titles', () => {
  const page = (head: string, body: string): string =>
    `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}<div class="content"><p>${BODY.split('\n').join('</p><p>')}</p></div></body></html>`;

  it('takes og:title where <title> names only the platform', () => {
    const html = page(
      `<title>微信公众平台</title><meta property="og:title" content="${TITLE}">`,
      '<div>笔杆公社</div>',
    );
    assert.equal(extractHtml(html).split('\n')[0], TITLE);
  });

  it('takes an <h2> that the page’s <title> holds when the <h1> is the logo', () => {
    const html = page(
      `<title>${TITLE}_admin的博客-笔谈博客</title>`,
      `<header><h1 class="logo"><a href="/">笔谈博客</a></h1></header><h2>热门文章</h2><h2>${TITLE}</h2>`,
    );
    assert.equal(extractHtml(html).split('\n')[0], TITLE);
  });

  it('takes an article header’s <h1>, and the part of <title> that is no site name', () => {
    const inArticle = page(
      '<title>x</title>',
      `<header><h1 class="logo">某某网</h1></header><article><header><h1>${TITLE}</h1></header></article>`,
    );
    assert.equal(extractHtml(inArticle).split('\n')[0], TITLE);
    const short = page(
      '<title>政府工作报告 - 某某市人民政府门户网站</title>',
      '<header><h1>某某市人民政府门户网站</h1></header>',
    );
    assert.equal(extractHtml(short).split('\n')[0], '政府工作报告');
  });

  it('keeps the ideographic space inside a title', () => {
    const title = '高举中国特色社会主义伟大旗帜\u3000为全面建设社会主义现代化国家而团结奋斗';
    const html = page(`<title>${title}</title>`, `<h1>${title}</h1>`);
    assert.equal(extractHtml(html).split('\n')[0], title);
  });
});
