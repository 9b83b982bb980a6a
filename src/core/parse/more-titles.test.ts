import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { extractHtml } from '../read/extract-html.js';
import { parseFile } from './parse-file.js';
import { cleanTitle } from './title.js';
import { NOTICE_BODY, NOTICE_TITLE } from '../../testing/sample-text.js';

const BODY = NOTICE_BODY;
const TITLE = NOTICE_TITLE;

const parsedOf = (head: string) => parseFile(`${head}\n${BODY}`).documents[0]!;

describe('titles dressed as list items, files and picks', () => {
  for (const dressed of [`${TITLE}.docx`, `${TITLE} (2).doc`, `${TITLE}（1）.docx`, `${TITLE}.wps`, `${TITLE} (3)`]) {
    it(`takes the file form off ${dressed}`, () => assert.equal(cleanTitle(dressed), TITLE));
  }

  it('keeps a title’s own bracketed part', () => {
    assert.equal(
      cleanTitle('关于河北雄安新区总体规划（2018—2035年）的批复'),
      '关于河北雄安新区总体规划（2018—2035年）的批复',
    );
    assert.equal(cleanTitle('学习贯彻党的二十大精神研讨发言（二）'), '学习贯彻党的二十大精神研讨发言（二）');
  });

  for (const sep of ['丨', '|', ' | ']) {
    it(`takes a site’s name after ${JSON.stringify(sep)} off`, () => {
      assert.equal(cleanTitle(`${TITLE}${sep}公文荟`), TITLE);
    });
  }

  it('takes a 精选X篇 count off a title over one document', () => {
    assert.equal(parsedOf(`${TITLE}（精选5篇）`).title, TITLE);
    assert.equal(parsedOf(`${TITLE}(最新3篇)`).title, TITLE);
  });

  it('prefers a dressed head line naming a genre over a toolbar word under it', () => {
    assert.equal(parsedOf(`【精品】${TITLE}\n\n手机阅读`).title, TITLE);
    assert.equal(parsedOf(`【热门】${TITLE}\n扫一扫分享`).title, TITLE);
  });

  it('reads a breadcrumb’s last step as the title, however long, with » between steps', () => {
    const doc = parsedOf(`某某公文网\n首页 » 公文范文 » 政策文件 » ${TITLE}\n发布：2019-01-22\u3000字数：3520`);
    assert.equal(doc.title, TITLE);
    assert.ok(!documentText(doc).includes('首页'));
  });
});

describe('an HTML heading the page’s <title> gives plain', () => {
  const page = (h1: string, headTitle: string): string =>
    `<html><head><title>${headTitle}</title></head><body><div><h1>${h1}</h1>${BODY.split('\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></body></html>`;

  for (const h1 of [`1、${TITLE}`, `3. ${TITLE}`, `${TITLE}（精选6篇）`, `${TITLE} (2)`, `【推荐】${TITLE}`]) {
    it(`reads ${h1} as the title, once`, () => {
      const text = extractHtml(page(h1, `${TITLE}_精选范文网`));
      assert.equal(text.split('\n')[0], TITLE);
      assert.ok(!text.includes(h1));
    });
  }

  it('keeps a heading longer than the <title> by words of its own', () => {
    const text = extractHtml(page(`2023年${TITLE}`, `${TITLE}_某某网`));
    assert.equal(text.split('\n')[0], `2023年${TITLE}`);
  });

  it('reads the title from a <title> of the form 标题丨站名 when no heading gives one', () => {
    const html = `<html><head><title>${TITLE}丨公文荟</title></head><body><div>${BODY.split('\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></body></html>`;
    assert.equal(parseFile(extractHtml(html)).documents[0]!.title, TITLE);
  });
});

describe('a hard-wrapped page whose paragraphs open with four spaces', () => {
  it('joins the first line, short of the wrap by its indent, to the next', () => {
    const wrap = (p: string): string[] => {
      const line = `    ${p}`;
      const out: string[] = [];
      for (let i = 0; i < line.length; i += 24) out.push(line.slice(i, i + 24));
      return out;
    };
    const paragraphs = [
      '严格落实生态环境分区管控措施。有序开展绿电制氢、“光伏治沙”试点。制定生态产品目录清单，开展碳汇资源开发潜力调查。',
      '持续推进工业、城乡、交通、公共机构等重点领域节能降碳，加快构建绿色低碳循环发展的经济体系，提升生态系统多样性。',
      '完善生态补偿机制。加强生物多样性保护和生物安全风险防范，统筹山水林田湖草沙一体化保护和系统治理，筑牢安全屏障。',
    ];
    // Long paragraphs, as a page's are: most lines fill the wrap, and it is read from them.
    const doubled = paragraphs.map((p) => p + p);
    const doc = parseFile(['标题', ...doubled.flatMap(wrap)].join('\n')).documents[0]!;
    assert.deepEqual(
      doc.paragraphs.map((p) => p.text),
      doubled,
    );
  });
});

describe('a title dressed by the page it came from', () => {
  it('loses what the copy is, a picture flag, a framing and a >>', () => {
    for (const dressed of [
      `${TITLE}（通用版）`,
      `${TITLE}（最新）`,
      `${TITLE}（word可编辑）`,
      `${TITLE}(图)`,
      `${TITLE}（转）`,
      `${TITLE} 原创`,
      `★${TITLE}★`,
      `${TITLE}>>`,
      `${TITLE}doc`,
      `专题：${TITLE}`,
      `文章标题：${TITLE}`,
    ]) {
      assert.equal(cleanTitle(dressed), TITLE, dressed);
    }
  });

  it('keeps what is the title’s own: a period in brackets, a 《》 name, a part', () => {
    for (const own of [
      '河北雄安新区总体规划（2018—2035年）',
      '关于印发《某某办法》的通知',
      '某某工作方案（第二部分）',
    ]) {
      assert.equal(cleanTitle(own), own);
    }
  });
});

describe('a page title that puts the site first', () => {
  it('loses the site before the separator, and only a site', () => {
    assert.equal(cleanTitle(`典藏文档馆 - ${TITLE}`), TITLE);
    assert.equal(cleanTitle(`某某范文网_${TITLE}`), TITLE);
    for (const own of ['新时代 - 新征程', '中国共产党章程—总纲']) assert.equal(cleanTitle(own), own);
  });
});
