import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { readSeed } from '../../testing/shared-seeds.js';
import { readSource } from './read-source.js';

const seed = readSeed('004_61eaccc42b378d20.txt');
const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(seed);
const utf16 = (text: string, encoding: 'utf-16le' | 'utf-16be', bom: boolean): Buffer => {
  const body = iconv.encode(text, encoding);
  return bom
    ? Buffer.concat([encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]), body])
    : body;
};

describe('readSource decodes text by its content', () => {
  const variants: Array<[string, Buffer, string]> = [
    ['utf-8', Buffer.from(seed, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]), 'utf-8-bom'],
    ['utf-16le with BOM', utf16(seed, 'utf-16le', true), 'utf-16le'],
    ['utf-16be with BOM', utf16(seed, 'utf-16be', true), 'utf-16be'],
    ['utf-16le without BOM', utf16(seed, 'utf-16le', false), 'utf-16le'],
    ['gb18030', iconv.encode(seed, 'gb18030'), 'gb18030'],
    // GBK cannot encode the seed's en spaces and © sign (iconv writes "?"), so this variant uses plain spaces.
    ['gbk', iconv.encode(seed.replace(/[\u00a9\u2002]/g, ' '), 'gbk'), 'gb18030'],
    ['CRLF line ends', Buffer.from(seed.replace(/\n/g, '\r\n'), 'utf8'), 'utf-8'],
    // Traditional Chinese in Big5: not settled as GB18030 by character frequencies, detected as Big5.
    ['big5', iconv.encode(traditional, 'big5'), 'big5'],
  ];
  for (const [name, bytes, encoding] of variants) {
    it(`reads ${name} to the same text`, async () => {
      const r = await readSource('x.txt', bytes);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.encoding, encoding);
      const expected =
        name === 'gbk'
          ? seed.replace(/[\u00a9\u2002]/g, ' ')
          : name === 'big5'
            ? iconv.decode(iconv.encode(traditional, 'big5'), 'big5')
            : seed;
      assert.equal(r.text, expected);
    });
  }
});

describe('readSource reads HTML and DOCX', () => {
  it('keeps the main text of a page and drops navigation, scripts and footers', async () => {
    const paragraphs = seed.split('\n').filter((l) => l.trim() && !/推荐访问|相关文章|版权所有|Powered/.test(l));
    const html = `<!doctype html><html><head><meta charset="gbk"><title>关于全市理论宣讲工作汇报_上派范文网</title><script>var ad = "广告脚本";</script><style>.x{}</style></head>
      <body><nav><a href="/">首页</a> <a href="/fw">范文大全</a></nav><header>上派范文网 导航栏</header>
      <article><h1>关于全市理论宣讲工作汇报</h1>${paragraphs
        .slice(1)
        .map((p) => `<p>${p}</p>`)
        .join('\n')}</article>
      <footer>版权所有 上派范文网 友情链接</footer></body></html>`;
    const r = await readSource('page.html', iconv.encode(html, 'gbk'));
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.format, 'html');
    assert.equal(r.text.split('\n')[0], '关于全市理论宣讲工作汇报');
    assert.ok(r.text.includes('要让党的创新理论“飞入寻常百姓家”'));
    assert.ok(r.text.includes('录制刊播“中国精神”系列微党课'));
    for (const chrome of ['广告脚本', '范文大全', '导航栏', '友情链接']) assert.ok(!r.text.includes(chrome), chrome);
  });

  it('reads each Word paragraph as a line', async () => {
    const lines = [
      '关于全市理论宣讲工作汇报',
      '一、创建宣讲品牌',
      '一是培育孵化，打造推得开、叫得响的品牌集群。抓住新时代文明实践的重要机遇。',
    ];
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const r = await readSource('report.docx', await Packer.toBuffer(doc));
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(
      r.text.split('\n').filter((l) => l.length > 0),
      lines,
    );
  });
});

describe('readSource rejects what it cannot read, naming the file and the problem', () => {
  const cut = Buffer.from('某某工作总结', 'utf8');
  const cases: Array<[string, Buffer, string]> = [
    ['empty.txt', Buffer.alloc(0), 'empty'],
    ['blank.txt', Buffer.from('  \n\n '), 'empty'],
    [
      'image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'binary',
    ],
    ['cut.txt', cut.subarray(0, cut.length - 1), 'truncated'],
    ['report.pdf', Buffer.from('%PDF-1.4'), 'unsupported-type'],
    ['noext', Buffer.from('text'), 'unsupported-type'],
    ['broken.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'corrupt'],
    ['random.txt', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)), 'binary'],
  ];
  for (const [name, bytes, code] of cases) {
    it(`${name}: ${code}`, async () => {
      const r = await readSource(name, bytes);
      assert.ok(!r.ok, `${name} should be rejected`);
      assert.equal(r.code, code, r.message);
      assert.ok(r.message.startsWith(`${name}: `), r.message);
    });
  }

  it('reports a truncated docx as corrupt', async () => {
    const doc = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('正文')] }] }));
    const r = await readSource('half.docx', doc.subarray(0, doc.length / 2));
    assert.ok(!r.ok && r.code === 'corrupt', r.ok ? 'read' : r.message);
  });
});
