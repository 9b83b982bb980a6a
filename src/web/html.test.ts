import assert from 'node:assert/strict';
import { it } from 'node:test';
import { escapeHtml, html, raw, spliceBytes } from './html.js';
import { outlineSet } from './reader/outline-set.js';
import { highlighted, slotted } from './views/parts.js';

it('escapes every value put into a template, arrays too, but not Html', () => {
  const evil = '<script>alert("x")</script>&\'';
  assert.equal(escapeHtml(evil), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  assert.equal(html`<p title="${evil}">${[evil, html`<b>${evil}</b>`]}</p>`.value.includes('<script>'), false);
  assert.equal(html`<p>${raw('<br>')}${null}${undefined}${false}${0}</p>`.value, '<p><br>0</p>');
});

it('puts bytes made before in place of their markers, and says when one is missing', () => {
  const page = `<main><!--a--><p>${escapeHtml('上一篇 & 下一篇')}</p><!--b--></main>`;
  const bytes = spliceBytes(page, [
    ['<!--a-->', Buffer.from('<nav>提纲</nav>')],
    ['<!--b-->', Buffer.from('<p>正文</p>')],
  ]);
  assert.equal(
    Buffer.from(bytes).toString('utf8'),
    '<main><nav>提纲</nav><p>上一篇 &amp; 下一篇</p><p>正文</p></main>',
  );
  assert.throws(() => spliceBytes(page, [['<!--c-->', Buffer.from('x')]]), /<!--c--> is not in the page/);
  // In page order: a marker before the last one's place is not looked for again.
  assert.throws(
    () =>
      spliceBytes(page, [
        ['<!--b-->', Buffer.from('x')],
        ['<!--a-->', Buffer.from('y')],
      ]),
    /<!--a-->/,
  );
});

it('marks highlights and slots, escaping the text around them', () => {
  assert.equal(highlighted('a<b走深走实c', [[3, 7]]).value, 'a&lt;b<mark>走深走实</mark>c');
  assert.equal(highlighted('abc', [[2, 9]]).value, 'abc');
  assert.equal(
    slotted('XX局要<做好>', [{ text: 'XX局', offset: 0 }]).value,
    '<span class="slot" title="待填写">XX局</span>要&lt;做好&gt;',
  );
});

it('finds a heading’s parallel siblings: same level, same parent', () => {
  const outline = [
    { level: 1, kind: 'numbered' as const, text: '一、学', paragraph: 0 },
    { level: 2, kind: 'numbered' as const, text: '（一）在“学”上下功夫', paragraph: 1 },
    { level: 3, kind: 'numbered' as const, text: '1.细则', paragraph: 2 },
    { level: 2, kind: 'numbered' as const, text: '（二）在“思”上下功夫', paragraph: 3 },
    { level: 1, kind: 'numbered' as const, text: '二、做', paragraph: 4 },
    { level: 2, kind: 'numbered' as const, text: '（一）别的', paragraph: 5 },
  ];
  assert.deepEqual(outlineSet(outline, 3), {
    parent: '一、学',
    headings: [
      { text: '（一）在“学”上下功夫', paragraph: 1 },
      { text: '（二）在“思”上下功夫', paragraph: 3 },
    ],
    at: 1,
  });
  assert.deepEqual(
    outlineSet(outline, 4)!.headings.map((h) => h.text),
    ['一、学', '二、做'],
  );
  assert.equal(outlineSet(outline, 5), null, 'alone under its parent');
  assert.equal(outlineSet(outline, 9), null, 'not a heading');
});
